import { sql } from 'drizzle-orm';
import type { RequestMeta } from './context.ts';
import type { Tx } from './db/database.ts';
import type { Actor } from './scope.ts';

export type BatchAuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  orgId: number;
  orgPath: string;
  after: object;
};

/**
 * Audit entries written like `recordAudit` but in one statement per 10,000: an import may create 10,000 people
 * (the training roster, the volunteer registry). Codes follow the same vocabulary rules as `recordAudit`'s.
 */
export async function recordAuditBatch(
  tx: Tx,
  who: { actor: Pick<Actor, 'userId' | 'username'> | null; meta: RequestMeta },
  entries: BatchAuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 10_000) {
    await tx.execute(
      sql`INSERT INTO audit_log (actor_user_id, actor_username, ip, user_agent, request_id, action, entity_type,
                                 entity_id, entity_label, org_id, org_path, after)
          SELECT ${who.actor?.userId ?? null}, ${who.actor?.username ?? null}, ${who.meta.ip},
                 ${who.meta.userAgent?.slice(0, 300) ?? null}, ${who.meta.requestId}, e.action, e."entityType",
                 e."entityId", e."entityLabel", e."orgId", e."orgPath"::ltree, e.after
          FROM jsonb_to_recordset(${JSON.stringify(entries.slice(i, i + 10_000))}::jsonb)
            AS e(action text, "entityType" text, "entityId" text, "entityLabel" text, "orgId" int, "orgPath" text,
                 after jsonb)`,
    );
  }
}

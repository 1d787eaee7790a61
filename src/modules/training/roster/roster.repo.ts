import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';

/** SQL of the roster import beyond the registry's and enrolment's own: who is in the class, bulk audit. */

export async function enrolledIn(db: Db | Tx, classId: number, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const got = await rows<{ id: number }>(
    db,
    sql`SELECT person_id AS id FROM enrolments
        WHERE class_id = ${classId} AND status <> 'cancelled' AND person_id = ANY(${`{${personIds.join(',')}}`}::int[])`,
  );
  return new Set(got.map((r) => r.id));
}

export type PersonAudit = { entityId: string; orgId: number; orgPath: string; after: object };

/** `create person` audit entries written like `recordAudit` but in one statement: an import may create 10,000. */
export async function insertPersonAudits(
  tx: Tx,
  ctx: Ctx,
  entries: PersonAudit[],
  action: 'create' | 'link' = 'create',
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO audit_log (actor_user_id, actor_username, ip, user_agent, request_id, action, entity_type,
                               entity_id, entity_label, org_id, org_path, after)
        SELECT ${ctx.actor.userId}, ${ctx.actor.username}, ${ctx.meta.ip}, ${ctx.meta.userAgent?.slice(0, 300) ?? null},
               ${ctx.meta.requestId}, ${action}, 'person', e."entityId", e.after->>'fullName', e."orgId", e."orgPath"::ltree, e.after
        FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
          AS e("entityId" text, "orgId" int, "orgPath" text, after jsonb)`,
  );
}

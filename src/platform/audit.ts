import { type SQL, sql } from 'drizzle-orm';
import { type AuditVocabulary, composeAuditWords } from '../contracts/audit-vocabulary.ts';
import { auditLog } from './audit.tables.ts';
import type { RequestMeta } from './context.ts';
import type { Db, Tx } from './db/database.ts';
import { installedModules } from './modules.ts';
import type { Actor } from './scope.ts';

export type AuditEntry = {
  /**
   * A code with words in the shared vocabulary (`contracts/audit-vocabulary.ts`) or the recording module's
   * `auditWords`; `test/audit-vocabulary.test.ts` checks every code written in src/.
   */
  action: string;
  entityType: string;
  entityId: string | number | null;
  /**
   * The object's name as it was (an organisation's, a person's, a plan's title…), kept so the log still names
   * it after a rename or deletion; by default the first of name/fullName/title/number/username/code in after or
   * before.
   */
  entityLabel?: string | null;
  orgId?: number | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Records one write. Call it with the transaction that makes the write, so the change and its record
 * commit or roll back together. `before`/`after` are the entity's public view, never secrets.
 */
export async function recordAudit(
  tx: Db | Tx,
  who: { actor: Pick<Actor, 'userId' | 'username'> | null; meta: RequestMeta },
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: who.actor?.userId ?? null,
    actorUsername: who.actor?.username ?? null,
    ip: who.meta.ip,
    userAgent: who.meta.userAgent?.slice(0, 300) ?? null,
    requestId: who.meta.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    entityLabel: entry.entityLabel ?? labelOf(entry.after) ?? labelOf(entry.before),
    orgId: entry.orgId ?? null,
    orgPath: entry.orgPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * `recordAudit` as SQL, for a write made in ONE statement (data-modifying CTEs: a booking taken under a slot's
 * guarded counter, with no transaction round trips around it): an `INSERT INTO audit_log … SELECT …` to put in a
 * `WITH` of that statement, so the entry commits or rolls back with the write. `entityId` is SQL naming the row
 * the statement wrote (e.g. `(SELECT id FROM b)`); `when` is SQL that is true when it wrote one (no row, no entry).
 */
export function auditSql(
  who: { actor: Pick<Actor, 'userId' | 'username'> | null; meta: RequestMeta },
  entry: Omit<AuditEntry, 'entityId'> & { entityId: SQL },
  when: SQL,
): SQL {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return sql`INSERT INTO audit_log (actor_user_id, actor_username, ip, user_agent, request_id, action, entity_type,
                                   entity_id, entity_label, org_id, org_path, before, after)
    SELECT ${who.actor?.userId ?? null}::int, ${who.actor?.username ?? null}::text, ${who.meta.ip}::text,
           ${who.meta.userAgent?.slice(0, 300) ?? null}::text, ${who.meta.requestId}::text, ${entry.action}::text,
           ${entry.entityType}::text, (${entry.entityId})::text,
           ${entry.entityLabel ?? labelOf(entry.after) ?? labelOf(entry.before)}::text, ${entry.orgId ?? null}::int,
           ${entry.orgPath ?? null}::ltree, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb
    WHERE ${when}`;
}

/** The fields that name an object, in order; the migration that added `entity_label` backfilled with the same. */
const labelFields = ['name', 'fullName', 'title', 'number', 'username', 'code'] as const;

function labelOf(view: unknown): string | null {
  if (!view || typeof view !== 'object' || Array.isArray(view)) return null;
  for (const f of labelFields) {
    const v = (view as Record<string, unknown>)[f];
    if (typeof v === 'string' && v) return v.slice(0, 300);
  }
  return null;
}

/** Only the fields that changed, for a readable log. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/** The installed modules' audit words, composed with the shared ones (what the XLSX export says). */
export function installedAuditVocabulary(): AuditVocabulary {
  return composeAuditWords(installedModules().flatMap((m) => m.auditWords ?? []));
}

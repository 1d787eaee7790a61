import { auditLog } from './audit.tables.ts';
import type { RequestMeta } from './context.ts';
import type { Db, Tx } from './db/database.ts';
import type { Actor } from './scope.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number | null;
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
    orgId: entry.orgId ?? null,
    orgPath: entry.orgPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
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

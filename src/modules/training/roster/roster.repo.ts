import { sql } from 'drizzle-orm';
import { recordAuditBatch } from '../../../platform/audit-batch.ts';
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

/** `create person` / `link person` audit entries in one statement (`recordAuditBatch`): an import may create 10,000. */
export async function insertPersonAudits(
  tx: Tx,
  ctx: Ctx,
  entries: PersonAudit[],
  action: 'create' | 'link' = 'create',
): Promise<void> {
  await recordAuditBatch(
    tx,
    ctx,
    entries.map((e) => ({
      action,
      entityType: 'person',
      entityLabel: (e.after as { fullName?: string }).fullName ?? null,
      ...e,
    })),
  );
}

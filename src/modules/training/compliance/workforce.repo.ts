import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { workforceView } from '../../../contracts/training.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { workforceCounts } from '../training.tables.ts';

/** SQL of an enterprise's declared headcounts. */

export type WorkforceView = z.infer<typeof workforceView>;
type Declared = { workers: number; strictOsh: boolean; note: string | null };

export async function listWorkforce(db: Db, orgId: number): Promise<WorkforceView[]> {
  return rows<WorkforceView>(
    db,
    sql`SELECT w.id, w.org_id AS "orgId", w.as_of::text AS "asOf", w.workers, w.strict_osh AS "strictOsh", w.note,
          u.full_name AS "recordedBy", to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
        FROM workforce_counts w LEFT JOIN users u ON u.id = w.recorded_by
        WHERE w.org_id = ${orgId} ORDER BY w.as_of DESC`,
  );
}

/** The declaration of that day, locked for its replacement. */
export async function lockDeclaration(tx: Tx, orgId: number, asOf: string): Promise<Declared | undefined> {
  const [before] = await rows<Declared>(
    tx,
    sql`SELECT workers, strict_osh AS "strictOsh", note FROM workforce_counts
        WHERE org_id = ${orgId} AND as_of = ${asOf}::date FOR UPDATE`,
  );
  return before;
}

/** One declaration per organisation and day: a same-day correction replaces it. */
export async function saveDeclaration(
  tx: Tx,
  org: { id: number; path: string },
  asOf: string,
  values: Declared,
  recordedBy: number,
): Promise<void> {
  await tx
    .insert(workforceCounts)
    .values({ ...values, orgId: org.id, orgPath: org.path, asOf, recordedBy })
    .onConflictDoUpdate({
      target: [workforceCounts.orgId, workforceCounts.asOf],
      set: { ...values, recordedBy },
    });
}

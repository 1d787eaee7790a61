import { sql } from 'drizzle-orm';
import { intArray, textArray } from '../../../platform/db/arrays.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';

/** Advisory-lock namespace of volunteers' deployments (assignments and shift sign-ups). */
const DEPLOYMENT_LOCK = 4_0402;
/** Persons hashed into buckets, locked in ascending order (no deadlock, bounded lock-table use; see enrolment.repo). */
const DEPLOYMENT_BUCKETS = 512;

/**
 * Serialises the deployments of these persons across requests and app instances until the transaction ends:
 * the overlap check that follows then sees every committed assignment (the exclusion constraint is the backstop).
 */
export async function lockDeployments(tx: Tx, personIds: readonly number[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.execute(
    sql`SELECT count(pg_advisory_xact_lock(${DEPLOYMENT_LOCK}, x.b))
        FROM (SELECT DISTINCT id % ${DEPLOYMENT_BUCKETS} AS b FROM unnest(${intArray(personIds)}::int[]) AS id ORDER BY 1) x`,
  );
}

export type Overlap = {
  /** Index of the requested row it collides with. */
  idx: number;
  personId: number;
  assignmentId: number;
  waveId: number;
  waveTitle: string;
  startsOn: string;
  endsOn: string;
  override: boolean;
};

/**
 * Every live assignment (not cancelled; an early end shortens it; overrides included) whose days overlap a
 * requested period of the same person — both ends inclusive, across waves. One statement for any number of rows.
 */
export async function overlappingAssignments(
  db: Db | Tx,
  requested: readonly { personId: number; startsOn: string; endsOn: string }[],
  opts: { excludeAssignmentIds?: readonly number[] } = {},
): Promise<Overlap[]> {
  if (requested.length === 0) return [];
  const exclude = opts.excludeAssignmentIds ?? [];
  return rows<Overlap>(
    db,
    sql`SELECT r.idx::int - 1 AS "idx", a.person_id AS "personId", a.id AS "assignmentId", w.id AS "waveId",
               w.title AS "waveTitle", a.starts_on::text AS "startsOn",
               coalesce(a.ended_on, a.ends_on)::text AS "endsOn", a.override_reason IS NOT NULL AS "override"
        FROM unnest(${intArray(requested.map((r) => r.personId))}::int[],
                    ${textArray(requested.map((r) => r.startsOn))}::date[],
                    ${textArray(requested.map((r) => r.endsOn))}::date[]) WITH ORDINALITY AS r(person_id, s, e, idx)
        JOIN volunteer_assignments a ON a.person_id = r.person_id AND a.status <> 'cancelled'
         AND daterange(a.starts_on, coalesce(a.ended_on, a.ends_on), '[]') && daterange(r.s, r.e, '[]')
         AND NOT (a.id = ANY(${intArray(exclude)}::int[]))
        JOIN mobilisation_waves w ON w.id = a.wave_id
        ORDER BY r.idx, a.starts_on`,
  );
}

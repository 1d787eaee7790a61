import { and, eq, sql } from 'drizzle-orm';
import { intArray } from '../../../platform/db/arrays.ts';
import { rows, type Tx } from '../../../platform/db/database.ts';
import { enrolments } from '../training.tables.ts';

/** SQL of enrolment: who may be enrolled, prerequisites, the booking locks and the enrolment rows. */

/** An int[] parameter as one array literal (not one placeholder per element). */

/** Advisory-lock namespace for "this person's bookings" (pg_advisory_xact_lock(int, int)). */
const PERSON_BOOKING_LOCK = 4_0401;
/** Two people in one bucket wait for each other; that is all a collision costs. */
const BOOKING_BUCKETS = 512;

/**
 * Each person's bookings are serialised across classes, by bucket of person ids (in ascending order: no
 * deadlock). One statement; at most BOOKING_BUCKETS locks. A lock per person took 10,000 slots of the lock
 * table all sessions share (64 × max_connections by default, ~6,400 plus slack): with the identity locks, or
 * a second large import at once, that is "out of shared memory" (20,000 already fails on a default server).
 */
export async function lockBookings(tx: Tx, personIds: number[]): Promise<void> {
  await tx.execute(
    sql`SELECT count(pg_advisory_xact_lock(${PERSON_BOOKING_LOCK}, x.b))
        FROM (SELECT DISTINCT id % ${BOOKING_BUCKETS} AS b FROM unnest(${intArray(personIds)}::int[]) AS id ORDER BY 1) x`,
  );
}

/** Who of `ids` has not passed the prerequisite: a valid certificate of it, or a passed enrolment in it. */
export async function missingPrerequisite(tx: Tx, code: string, ids: number[], today: string) {
  const ok = await rows<{ id: number }>(
    tx,
    sql`SELECT p.id FROM unnest(${intArray(ids)}::int[]) AS p(id)
        WHERE EXISTS (SELECT 1 FROM certificates ce JOIN course_types ct ON ct.id = ce.course_type_id
                      WHERE ce.person_id = p.id AND ct.code = ${code} AND ce.status = 'valid'
                        AND (ce.valid_until IS NULL OR ce.valid_until >= ${today}::date))
           OR EXISTS (SELECT 1 FROM enrolments e JOIN training_classes c ON c.id = e.class_id
                      JOIN course_types ct ON ct.id = c.course_type_id
                      WHERE e.person_id = p.id AND ct.code = ${code} AND e.outcome = 'pass')`,
  );
  const passed = new Set(ok.map((r) => r.id));
  return ids.filter((id) => !passed.has(id));
}

/** A place freed by a cancellation is taken by a new row, so the waitlist order stays the order of arrival. */
export async function deleteCancelled(tx: Tx, classId: number, personIds: number[]): Promise<void> {
  await tx
    .delete(enrolments)
    .where(
      and(
        eq(enrolments.classId, classId),
        eq(enrolments.status, 'cancelled'),
        sql`${enrolments.personId} = ANY(${intArray(personIds)}::int[])`,
      ),
    );
}

export async function promoteWaitlisted(tx: Tx, enrolmentIds: number[]): Promise<void> {
  await tx.execute(
    sql`UPDATE enrolments SET status = 'enrolled', waitlisted_at = NULL
        WHERE id = ANY(${intArray(enrolmentIds)}::int[])`,
  );
}

/** One statement, in arrival order: the first `enrolledCount` enrolled, the rest waitlisted at `now`. */
export async function insertEnrolments(
  tx: Tx,
  classId: number,
  personIds: number[],
  enrolledCount: number,
  now: Date,
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO enrolments (class_id, person_id, status, waitlisted_at)
        SELECT ${classId}, x.id, CASE WHEN x.n <= ${enrolledCount} THEN 'enrolled' ELSE 'waitlisted' END,
               CASE WHEN x.n <= ${enrolledCount} THEN NULL ELSE ${now.toISOString()}::timestamptz END
        FROM unnest(${intArray(personIds)}::int[]) WITH ORDINALITY AS x(id, n)
        ORDER BY x.n`,
  );
}

export async function setEnrolmentStatus(
  tx: Tx,
  id: number,
  status: 'enrolled' | 'cancelled',
): Promise<void> {
  await tx.update(enrolments).set({ status, waitlistedAt: null }).where(eq(enrolments.id, id));
}

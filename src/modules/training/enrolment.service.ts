import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows, type Tx } from '../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { scopeOf, scopeSql } from '../../platform/scope.ts';
import { classRights } from './classes.service.ts';
import { trainingErrors } from './training.errors.ts';
import * as repo from './training.repo.ts';
import { enrolments } from './training.tables.ts';

/** An int[] parameter as one array literal (not one placeholder per element). */
const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/** Advisory-lock namespace for "this person's bookings" (pg_advisory_xact_lock(int, int)). */
const PERSON_BOOKING_LOCK = 4_0401;
/** Two people in one bucket wait for each other; that is all a collision costs. */
const BOOKING_BUCKETS = 512;

export type EnrolOutcome = { enrolled: number[]; waitlisted: number[]; alreadyIn: number[] };

/** The class locked FOR UPDATE for an enrolment change by its provider or its customer enterprise. */
async function classForEnrolment(ctx: Ctx, tx: Tx, classId: number) {
  const c = await repo.findClass(tx, scopeOf(ctx.actor), classId, true);
  if (!c) throw trainingErrors.classNotFound();
  if (!classRights(ctx, c).enrol) throw errors.forbidden();
  if (c.status === 'completed' || c.status === 'cancelled') throw trainingErrors.classClosed();
  return c;
}

/** People the caller may put in this class: in the caller's scope, kept by the provider, or the customer's staff. */
async function eligiblePeople(ctx: Ctx, tx: Tx, c: repo.ClassRow, ids: number[]) {
  return rows<{ id: number; fullName: string }>(
    tx,
    sql`SELECT p.id, p.full_name AS "fullName" FROM people p
        WHERE p.id = ANY(${intArray(ids)}::int[]) AND p.status = 'active'
          AND (${scopeSql(scopeOf(ctx.actor), sql`p.org_path`)} OR p.org_path <@ ${c.providerPath}::ltree
               OR (${c.customerOrgId}::int IS NOT NULL AND p.employer_org_id = ${c.customerOrgId}::int))`,
  );
}

/** Who of `ids` has not passed the prerequisite: a valid certificate of it, or a passed enrolment in it. */
async function missingPrerequisite(tx: Tx, code: string, ids: number[], today: string) {
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

/**
 * Enrols people in a class (the interface other parts of training call, e.g. the roster import). Locks the
 * class row, so concurrent enrolments see each other's counts: the first `capacity` are enrolled and the rest
 * waitlisted in order. Refuses (naming the person) anyone booked on an overlapping session of another class
 * or lacking the course's prerequisite. People already in the class are reported, not added twice.
 * `created` names people the caller registered in this same transaction for this class (the roster import):
 * they are eligible by construction and have no other booking or certificate, so they skip those lookups.
 */
export async function enrolPeople(
  ctx: Ctx,
  tx: Tx,
  classId: number,
  personIds: number[],
  opts: { created?: { ids: ReadonlySet<number>; names: ReadonlyMap<number, string> } } = {},
): Promise<EnrolOutcome> {
  const c = await classForEnrolment(ctx, tx, classId);
  const ids = [...new Set(personIds)];
  const current = await repo.enrolmentsOf(tx, classId);
  const inClass = new Set(current.filter((e) => e.status !== 'cancelled').map((e) => e.personId));
  const alreadyIn = ids.filter((id) => inClass.has(id));
  const fresh = ids.filter((id) => !inClass.has(id));
  const result: EnrolOutcome = { enrolled: [], waitlisted: [], alreadyIn };
  if (fresh.length === 0) return result;
  const created = opts.created;
  const known = created ? fresh.filter((id) => !created.ids.has(id)) : fresh;
  // Each person's bookings are serialised across classes, by bucket of person ids (in ascending order: no
  // deadlock). One statement; at most BOOKING_BUCKETS locks. A lock per person took 10,000 slots of the lock
  // table all sessions share (64 × max_connections by default, ~6,400 plus slack): with the identity locks, or
  // a second large import at once, that is "out of shared memory" (20,000 already fails on a default server).
  await tx.execute(
    sql`SELECT count(pg_advisory_xact_lock(${PERSON_BOOKING_LOCK}, x.b))
        FROM (SELECT DISTINCT id % ${BOOKING_BUCKETS} AS b FROM unnest(${intArray(fresh)}::int[]) AS id ORDER BY 1) x`,
  );
  const found = new Map(
    known.length ? (await eligiblePeople(ctx, tx, c, known)).map((p) => [p.id, p.fullName]) : [],
  );
  const nameOf = (id: number) => found.get(id) ?? created?.names.get(id) ?? '';
  const at = (id: number) => `body.personIds.${personIds.indexOf(id)}`;
  const issues: FieldIssue[] = known
    .filter((id) => !found.has(id))
    .map((id) => ({ path: at(id), message: 'Không có người này hoặc bạn không có quyền ghi danh họ' }));
  for (const o of found.size ? await repo.personOverlaps(tx, classId, [...found.keys()]) : [])
    issues.push({
      path: at(o.personId),
      message: `${nameOf(o.personId)} đã có lịch học trùng giờ ở lớp ${o.classCode}`,
    });
  const course = (await repo.findCourse(tx, c.courseTypeId))!;
  if (course.prerequisiteCode) {
    // Someone registered a moment ago holds no certificate yet.
    const lacking = [
      ...(found.size
        ? await missingPrerequisite(tx, course.prerequisiteCode, [...found.keys()], vnToday(ctx.clock))
        : []),
      ...fresh.filter((id) => created?.ids.has(id)),
    ];
    for (const id of lacking)
      issues.push({
        path: at(id),
        message: `${nameOf(id)} chưa có chứng nhận khoá ${course.prerequisiteCode} (điều kiện tiên quyết)`,
      });
  }
  if (issues.length) throw errors.validation(issues);
  // A place freed by a cancellation is taken by a new row, so the waitlist order stays the order of arrival.
  await tx
    .delete(enrolments)
    .where(
      and(
        eq(enrolments.classId, classId),
        eq(enrolments.status, 'cancelled'),
        sql`${enrolments.personId} = ANY(${intArray(fresh)}::int[])`,
      ),
    );
  let free = c.capacity - c.enrolled;
  // Seats freed by a larger capacity go to those already waiting (in arrival order), before anyone new.
  const promoted = current.filter((x) => x.status === 'waitlisted').slice(0, Math.max(0, free));
  if (promoted.length) {
    await tx.execute(
      sql`UPDATE enrolments SET status = 'enrolled', waitlisted_at = NULL
          WHERE id = ANY(${intArray(promoted.map((w) => w.id))}::int[])`,
    );
    free -= promoted.length;
  }
  for (const personId of fresh) {
    if (free > 0) {
      free--;
      result.enrolled.push(personId);
    } else result.waitlisted.push(personId);
  }
  // One statement, in arrival order: the waitlist is ordered by waitlisted_at, then id.
  await tx.execute(
    sql`INSERT INTO enrolments (class_id, person_id, status, waitlisted_at)
        SELECT ${classId}, x.id, CASE WHEN x.n <= ${result.enrolled.length} THEN 'enrolled' ELSE 'waitlisted' END,
               CASE WHEN x.n <= ${result.enrolled.length} THEN NULL ELSE ${ctx.clock.now().toISOString()}::timestamptz END
        FROM unnest(${intArray([...result.enrolled, ...result.waitlisted])}::int[]) WITH ORDINALITY AS x(id, n)
        ORDER BY x.n`,
  );
  await recordAudit(tx, ctx, {
    action: 'training.enrolment.add',
    entityType: 'training_class',
    entityId: classId,
    orgId: c.providerOrgId,
    orgPath: c.providerPath,
    after: result,
  });
  return result;
}

export async function enrolInClass(ctx: Ctx, classId: number, personIds: number[]) {
  return ctx.db.transaction((tx) => enrolPeople(ctx, tx, classId, personIds));
}

/** Cancels a learner's place; a freed seat goes to the first person on the waitlist. */
export async function cancelEnrolment(ctx: Ctx, classId: number, personId: number) {
  return ctx.db.transaction(async (tx) => {
    const c = await classForEnrolment(ctx, tx, classId);
    const list = await repo.enrolmentsOf(tx, classId);
    const e = list.find((x) => x.personId === personId && x.status !== 'cancelled');
    if (!e) throw trainingErrors.enrolmentNotFound();
    await tx
      .update(enrolments)
      .set({ status: 'cancelled', waitlistedAt: null })
      .where(eq(enrolments.id, e.id));
    // enrolmentsOf lists the waitlist in arrival order.
    const next = e.status === 'enrolled' ? list.find((x) => x.status === 'waitlisted') : undefined;
    if (next)
      await tx
        .update(enrolments)
        .set({ status: 'enrolled', waitlistedAt: null })
        .where(eq(enrolments.id, next.id));
    const out = { cancelled: personId, promoted: next?.personId ?? null };
    await recordAudit(tx, ctx, {
      action: 'training.enrolment.cancel',
      entityType: 'training_class',
      entityId: classId,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before: { personId, status: e.status },
      after: out,
    });
    return out;
  });
}

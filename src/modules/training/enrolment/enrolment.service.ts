import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findPeopleInScope } from '../../people/index.ts';
import { findCourse } from '../catalogue/catalogue.repo.ts';
import * as classes from '../classes/classes.repo.ts';
import { trainingErrors } from '../training.errors.ts';
import { classCan } from '../training.policy.ts';
import * as repo from './enrolment.repo.ts';

export type EnrolOutcome = { enrolled: number[]; waitlisted: number[]; alreadyIn: number[] };
type Created = { ids: ReadonlySet<number>; names: ReadonlyMap<number, string> };

/** The class locked FOR UPDATE for an enrolment change by its provider or its customer enterprise. */
async function classForEnrolment(ctx: Ctx, tx: Tx, classId: number) {
  const c = await classes.findClass(tx, scopeOf(ctx.actor), classId, true);
  if (!c) throw trainingErrors['class.not_found']();
  if (!classCan(ctx.actor, c).enrol) throw errors.forbidden();
  if (c.status === 'completed' || c.status === 'cancelled') throw trainingErrors.class_closed();
  return c;
}

/**
 * Why newcomers may not join: not eligible, booked on an overlapping session of another class, or lacking the
 * course's prerequisite — one field issue per person and reason.
 */
async function newcomerIssues(
  ctx: Ctx,
  tx: Tx,
  c: classes.ClassRow,
  personIds: number[],
  fresh: number[],
  created: Created | undefined,
): Promise<FieldIssue[]> {
  const known = created ? fresh.filter((id) => !created.ids.has(id)) : fresh;
  // Whoever is enrolled is resolved through the caller's scope first, as GET /api/people/:id: a person it does
  // not see is "not found" (a customer's HR cannot enrol, then read, the provider's trainers).
  const found = new Map(
    (await findPeopleInScope(tx, scopeOf(ctx.actor), known))
      .filter((p) => p.status === 'active')
      .map((p) => [p.id, p.fullName]),
  );
  const nameOf = (id: number) => found.get(id) ?? created?.names.get(id) ?? '';
  const at = (id: number) => `body.personIds.${personIds.indexOf(id)}`;
  const issues: FieldIssue[] = known
    .filter((id) => !found.has(id))
    .map((id) => ({ path: at(id), message: 'Không có người này hoặc bạn không có quyền ghi danh họ' }));
  for (const o of found.size ? await classes.personOverlaps(tx, c.id, [...found.keys()]) : [])
    issues.push({
      path: at(o.personId),
      message: `${nameOf(o.personId)} đã có lịch học trùng giờ ở lớp ${o.classCode}`,
    });
  const course = (await findCourse(tx, c.courseTypeId))!;
  if (course.prerequisiteCode) {
    // Someone registered a moment ago holds no certificate yet.
    const lacking = [
      ...(found.size
        ? await repo.missingPrerequisite(tx, course.prerequisiteCode, [...found.keys()], vnToday(ctx.clock))
        : []),
      ...fresh.filter((id) => created?.ids.has(id)),
    ];
    for (const id of lacking)
      issues.push({
        path: at(id),
        message: `${nameOf(id)} chưa có chứng nhận khoá ${course.prerequisiteCode} (điều kiện tiên quyết)`,
      });
  }
  return issues;
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
  opts: { created?: Created } = {},
): Promise<EnrolOutcome> {
  const c = await classForEnrolment(ctx, tx, classId);
  const ids = [...new Set(personIds)];
  const current = await classes.enrolmentsOf(tx, classId);
  const inClass = new Set(current.filter((e) => e.status !== 'cancelled').map((e) => e.personId));
  const alreadyIn = ids.filter((id) => inClass.has(id));
  const fresh = ids.filter((id) => !inClass.has(id));
  const result: EnrolOutcome = { enrolled: [], waitlisted: [], alreadyIn };
  if (fresh.length === 0) return result;
  await repo.lockBookings(tx, fresh);
  const issues = await newcomerIssues(ctx, tx, c, personIds, fresh, opts.created);
  if (issues.length) throw errors.validation(issues);
  await repo.deleteCancelled(tx, classId, fresh);
  let free = c.capacity - c.enrolled;
  // Seats freed by a larger capacity go to those already waiting (in arrival order), before anyone new.
  const promoted = current.filter((x) => x.status === 'waitlisted').slice(0, Math.max(0, free));
  if (promoted.length) {
    await repo.promoteWaitlisted(
      tx,
      promoted.map((w) => w.id),
    );
    free -= promoted.length;
  }
  for (const personId of fresh) {
    if (free > 0) {
      free--;
      result.enrolled.push(personId);
    } else result.waitlisted.push(personId);
  }
  // The waitlist is ordered by waitlisted_at, then id.
  await repo.insertEnrolments(
    tx,
    classId,
    [...result.enrolled, ...result.waitlisted],
    result.enrolled.length,
    ctx.clock.now(),
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
    // The path's person id is resolved through the caller's scope first: one it does not see is not found.
    if ((await findPeopleInScope(tx, scopeOf(ctx.actor), [personId])).length === 0)
      throw trainingErrors['enrolment.not_found']();
    const list = await classes.enrolmentsOf(tx, classId);
    const e = list.find((x) => x.personId === personId && x.status !== 'cancelled');
    if (!e) throw trainingErrors['enrolment.not_found']();
    await repo.setEnrolmentStatus(tx, e.id, 'cancelled');
    // enrolmentsOf lists the waitlist in arrival order.
    const next = e.status === 'enrolled' ? list.find((x) => x.status === 'waitlisted') : undefined;
    if (next) await repo.setEnrolmentStatus(tx, next.id, 'enrolled');
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

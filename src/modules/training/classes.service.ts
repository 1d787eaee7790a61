import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ClassView,
  classQuery,
  classStatusBody,
  createClassBody,
  setSessionsBody,
  setTrainersBody,
  updateClassBody,
} from '../../contracts/training.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { hasPermission, isWithin, pathInScope, scopeOf } from '../../platform/scope.ts';
import { trainingErrors } from './training.errors.ts';
import * as repo from './training.repo.ts';
import { classSessions, classTrainers, trainingClasses } from './training.tables.ts';

type ClassFields = z.output<typeof updateClassBody>;

const publicClass = ({ providerPath: _p, customerPath: _c, ...c }: repo.ClassRow) => c;

/** Who may run the class (provider) and who may send learners (provider, or the customer enterprise). */
export function classRights(ctx: Ctx, c: repo.ClassRow) {
  const manage = hasPermission(ctx.actor, 'training.manage', c.providerPath);
  const customer =
    c.customerPath !== null &&
    (hasPermission(ctx.actor, 'training.manage', c.customerPath) ||
      hasPermission(ctx.actor, 'report.write', c.customerPath));
  return { manage, enrol: manage || customer };
}

export async function listClasses(ctx: Ctx, q: z.output<typeof classQuery>) {
  return (await repo.listClasses(ctx.db, scopeOf(ctx.actor), q)).map(publicClass);
}

export async function getClass(ctx: Ctx, id: number): Promise<ClassView> {
  const c = await repo.findClass(ctx.db, scopeOf(ctx.actor), id);
  if (!c) throw trainingErrors.classNotFound();
  const [course, sessions, trainerList, enrolments] = await Promise.all([
    repo.findCourse(ctx.db, c.courseTypeId),
    repo.sessionsOf(ctx.db, id),
    repo.classTrainersOf(ctx.db, id),
    repo.enrolmentsOf(ctx.db, id),
  ]);
  const totalAmount = c.pricePerLearner * c.enrolled;
  return {
    ...publicClass(c),
    course: course!,
    totalAmount,
    unpaidAmount: Math.max(0, totalAmount - c.paidAmount),
    totalHours: sessions.reduce((s, x) => s + x.hours, 0),
    sessions,
    trainers: trainerList,
    enrolments,
    can: classRights(ctx, c),
  };
}

/** Loads a class for a write by its provider: out of scope 404, without training.manage 403, row locked. */
export async function classForWrite(ctx: Ctx, tx: Tx, id: number) {
  const c = await repo.findClass(tx, scopeOf(ctx.actor), id, true);
  if (!c) throw trainingErrors.classNotFound();
  if (!classRights(ctx, c).manage) throw errors.forbidden();
  if (c.status === 'completed' || c.status === 'cancelled') throw trainingErrors.classClosed();
  return c;
}

async function checkClassFields(tx: Tx, course: { maxLearners: number | null }, f: ClassFields) {
  const issues = [];
  if (course.maxLearners !== null && f.capacity > course.maxLearners)
    issues.push({
      path: 'body.capacity',
      message: `Khoá học cho phép tối đa ${course.maxLearners} học viên một lớp`,
    });
  if (f.customerOrgId) {
    const cu = await repo.findOrgRef(tx, f.customerOrgId);
    if (!cu) issues.push({ path: 'body.customerOrgId', message: 'Không có tổ chức này' });
  }
  return issues;
}

/** Inserts a class (used by createClass and by scheduling a request), audited. */
export async function insertClass(
  ctx: Ctx,
  tx: Tx,
  provider: repo.OrgRef,
  course: { id: number; maxLearners: number | null },
  f: Omit<ClassFields, 'version'> & { requestId?: number | null },
): Promise<number> {
  const issues = await checkClassFields(tx, course, { ...f, version: 1 });
  const [dup] = await tx
    .select({ id: trainingClasses.id })
    .from(trainingClasses)
    .where(and(eq(trainingClasses.providerOrgId, provider.id), eq(trainingClasses.code, f.code)));
  if (dup) issues.push({ path: 'body.code', message: 'Mã lớp đã được dùng ở đơn vị này' });
  if (issues.length) throw errors.validation(issues);
  const [row] = await tx
    .insert(trainingClasses)
    .values({
      ...f,
      providerOrgId: provider.id,
      providerPath: provider.path,
      courseTypeId: course.id,
      customerOrgId: f.customerOrgId ?? null,
      requestId: f.requestId ?? null,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'training.class.create',
    entityType: 'training_class',
    entityId: row!.id,
    orgId: provider.id,
    orgPath: provider.path,
    after: row,
  });
  return row!.id;
}

/** A provider's course is a built-in rule or a custom course of an organisation on its branch. */
export function courseUsableBy(ownerPath: string | null, providerPath: string) {
  return ownerPath === null || isWithin(providerPath, ownerPath) || isWithin(ownerPath, providerPath);
}

export async function createClass(ctx: Ctx, input: z.output<typeof createClassBody>) {
  const provider = await repo.findOrgRef(ctx.db, input.providerOrgId);
  if (!provider || !pathInScope(scopeOf(ctx.actor), provider.path))
    throw errors.validation([{ path: 'body.providerOrgId', message: 'Không có tổ chức này' }]);
  if (!hasPermission(ctx.actor, 'training.manage', provider.path)) throw errors.forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    const course = await repo.findCourse(tx, input.courseTypeId);
    if (!course?.active || !courseUsableBy(await repo.ownerPathOfCourse(tx, course.id), provider.path))
      throw errors.validation([{ path: 'body.courseTypeId', message: 'Không có khoá học này' }]);
    const { providerOrgId: _p, courseTypeId: _c, ...fields } = input;
    return insertClass(ctx, tx, provider, course, fields);
  });
  return getClass(ctx, id);
}

export async function updateClass(ctx: Ctx, id: number, input: ClassFields) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    if (c.version !== input.version) throw trainingErrors.versionConflict('class', c.version);
    const course = (await repo.findCourse(tx, c.courseTypeId))!;
    const issues = await checkClassFields(tx, course, input);
    if (input.capacity < c.enrolled)
      issues.push({ path: 'body.capacity', message: `Lớp đã có ${c.enrolled} học viên ghi danh` });
    if (issues.length) throw errors.validation(issues);
    const { version: _v, ...fields } = input;
    await tx
      .update(trainingClasses)
      .set({
        ...fields,
        customerOrgId: fields.customerOrgId ?? null,
        version: c.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(trainingClasses.id, id));
    const before = {
      code: c.code,
      title: c.title,
      venue: c.venue,
      capacity: c.capacity,
      pricePerLearner: c.pricePerLearner,
      paidAmount: c.paidAmount,
      customerOrgId: c.customerOrgId,
    };
    await recordAudit(tx, ctx, {
      action: 'training.class.update',
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      ...diff(before, { ...before, ...fields, customerOrgId: fields.customerOrgId ?? null }),
    });
  });
  return getClass(ctx, id);
}

/** Checks, under the trainers' row locks, that none of the class's trainers teaches elsewhere at the same time. */
async function assertTrainersFree(
  tx: Tx,
  classId: number,
  list: repo.TrainerRow[],
  field: 'sessions' | 'trainerIds',
  ids: number[] = [],
) {
  const busy = await repo.trainerOverlaps(
    tx,
    classId,
    list.map((t) => t.id),
  );
  if (busy.length === 0) return;
  const t = list.find((x) => x.id === busy[0]!.trainerId)!;
  throw trainingErrors.trainerBusy(
    t.fullName,
    busy[0]!.classCode,
    field === 'trainerIds' ? ids.indexOf(t.id) : undefined,
  );
}

/** Replaces the class's sessions; refused if a trainer or a learner would be booked twice at once. */
export async function setSessions(ctx: Ctx, id: number, input: z.output<typeof setSessionsBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    const before = await repo.sessionsOf(tx, id);
    const assigned = await repo.classTrainersOf(tx, id);
    const locked = await repo.lockTrainers(
      tx,
      { all: true },
      assigned.map((t) => t.id),
    );
    await tx.delete(classSessions).where(eq(classSessions.classId, id));
    if (input.sessions.length)
      await tx.insert(classSessions).values(
        input.sessions.map((s) => ({
          ...s,
          classId: id,
          startsAt: new Date(s.startsAt),
          endsAt: new Date(s.endsAt),
        })),
      );
    await assertTrainersFree(tx, id, locked, 'sessions');
    const people = (await repo.enrolmentsOf(tx, id)).filter((e) => e.status !== 'cancelled');
    const clash = await repo.personOverlaps(
      tx,
      id,
      people.map((p) => p.personId),
    );
    if (clash.length) {
      const who = people.find((p) => p.personId === clash[0]!.personId)!;
      throw errors.validation([
        {
          path: 'body.sessions',
          message: `Học viên ${who.fullName} đã có lịch học trùng giờ ở lớp ${clash[0]!.classCode}`,
        },
      ]);
    }
    await recordAudit(tx, ctx, {
      action: 'training.class.sessions',
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before,
      after: input.sessions,
    });
  });
  return getClass(ctx, id);
}

/** Assigns the class's trainers (whole list). Trainer rows are locked first, in id order. */
export async function setTrainers(ctx: Ctx, id: number, input: z.output<typeof setTrainersBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    const ids = [...new Set(input.trainerIds)];
    const locked = await repo.lockTrainers(tx, scopeOf(ctx.actor), ids);
    const issues = ids.flatMap((tid, i) => {
      const t = locked.find((x) => x.id === tid);
      if (!t?.active) return [{ path: `body.trainerIds.${i}`, message: 'Không có giảng viên này' }];
      if (t.courseCodes.length && !t.courseCodes.includes(c.courseCode))
        return [
          {
            path: `body.trainerIds.${i}`,
            message: `Giảng viên ${t.fullName} không được phân công dạy khoá ${c.courseCode}`,
          },
        ];
      return [];
    });
    if (issues.length) throw errors.validation(issues);
    const before = (await repo.classTrainersOf(tx, id)).map((t) => t.id);
    // A class that is open or running keeps the course's minimum: a trainer is replaced, not just removed.
    if ((c.status === 'open' || c.status === 'in_progress') && ids.length < before.length) {
      const course = (await repo.findCourse(tx, c.courseTypeId))!;
      if (ids.length < course.minTrainers)
        throw trainingErrors.trainersBelowMinimum(ids.length, course, c.status);
    }
    await assertTrainersFree(tx, id, locked, 'trainerIds', ids);
    await tx.delete(classTrainers).where(eq(classTrainers.classId, id));
    if (ids.length)
      await tx.insert(classTrainers).values(ids.map((trainerId) => ({ classId: id, trainerId })));
    await recordAudit(tx, ctx, {
      action: 'training.class.trainers',
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before: { trainerIds: before },
      after: { trainerIds: ids },
    });
  });
  return getClass(ctx, id);
}

const transitions: Record<string, string[]> = {
  planned: ['open', 'cancelled'],
  open: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
};

/** Opening needs the course's minimum of trainers; completing also needs the course's hours. */
export async function changeClassStatus(ctx: Ctx, id: number, input: z.output<typeof classStatusBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    if (c.version !== input.version) throw trainingErrors.versionConflict('class', c.version);
    if (!transitions[c.status]?.includes(input.status))
      throw trainingErrors.badTransition(c.status, input.status);
    if (input.status !== 'cancelled') {
      const course = (await repo.findCourse(tx, c.courseTypeId))!;
      const trainerCount = (await repo.classTrainersOf(tx, id)).length;
      if (trainerCount < course.minTrainers)
        throw trainingErrors.tooFewTrainers(trainerCount, course.minTrainers);
      if (input.status === 'completed') {
        const hours = (await repo.sessionsOf(tx, id)).reduce((s, x) => s + x.hours, 0);
        if (hours < course.hours) throw trainingErrors.tooFewHours(hours, course.hours);
      }
    }
    await tx
      .update(trainingClasses)
      .set({ status: input.status, version: c.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(trainingClasses.id, id));
    await recordAudit(tx, ctx, {
      action: `training.class.${input.status}`,
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before: { status: c.status },
      after: { status: input.status },
    });
  });
  return getClass(ctx, id);
}

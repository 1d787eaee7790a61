import type { z } from 'zod';
import type {
  ClassView,
  classQuery,
  classStatusBody,
  createClassBody,
  updateClassBody,
} from '../../../contracts/training.ts';
import { diff, recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import * as courses from '../catalogue/catalogue.repo.ts';
import { findRequest } from '../requests/requests.repo.ts';
import { classCalendarError, trainingErrors } from '../training.errors.ts';
import { canManageTraining, classCan } from '../training.policy.ts';
import * as repo from './classes.repo.ts';
import { canMoveClass, courseUsableBy, sessionDay, statusCalendarRefusal } from './classes.rules.ts';

type ClassFields = z.output<typeof updateClassBody>;
type Provider = { id: number; path: string };

const publicClass = ({ providerPath: _p, customerPath: _c, ...c }: repo.ClassRow) => c;

export async function listClasses(ctx: Ctx, q: z.output<typeof classQuery>) {
  if (q.requestId && !(await findRequest(ctx.db, scopeOf(ctx.actor), q.requestId)))
    throw errors.idNotFound('querystring.requestId');
  return (await repo.listClasses(ctx.db, scopeOf(ctx.actor), q)).map(publicClass);
}

export async function getClass(ctx: Ctx, id: number): Promise<ClassView> {
  const c = await repo.findClass(ctx.db, scopeOf(ctx.actor), id);
  if (!c) throw trainingErrors['class.not_found']();
  const [course, sessions, trainerList, enrolments] = await Promise.all([
    courses.findCourse(ctx.db, c.courseTypeId),
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
    sessions: sessions.map((x) => ({ ...x, day: sessionDay(x) })),
    today: vnToday(ctx.clock),
    trainers: trainerList,
    enrolments,
    can: classCan(ctx.actor, c),
  };
}

/** Loads a class for a write by its provider: out of scope 404, without training.manage 403, row locked. */
export async function classForWrite(ctx: Ctx, tx: Tx, id: number) {
  const c = await repo.findClass(tx, scopeOf(ctx.actor), id, true);
  if (!c) throw trainingErrors['class.not_found']();
  if (!classCan(ctx.actor, c).manage) throw errors.forbidden();
  if (c.status === 'completed' || c.status === 'cancelled') throw trainingErrors.class_closed();
  return c;
}

async function checkClassFields(tx: Tx, course: { maxLearners: number | null }, f: ClassFields) {
  const issues = [];
  if (course.maxLearners !== null && f.capacity > course.maxLearners)
    issues.push({
      path: 'body.capacity',
      message: `Khoá học cho phép tối đa ${course.maxLearners} học viên một lớp`,
    });
  if (f.customerOrgId && !(await repo.customerExists(tx, f.customerOrgId)))
    issues.push({ path: 'body.customerOrgId', message: 'Không có tổ chức này' });
  return issues;
}

/** Inserts a class (used by createClass and by scheduling a request), audited. */
export async function insertClass(
  ctx: Ctx,
  tx: Tx,
  provider: Provider,
  course: { id: number; maxLearners: number | null },
  f: Omit<ClassFields, 'version'> & { requestId?: number | null },
): Promise<number> {
  const issues = await checkClassFields(tx, course, { ...f, version: 1 });
  if (await repo.classCodeTaken(tx, provider.id, f.code))
    issues.push({ path: 'body.code', message: 'Mã lớp đã được dùng ở đơn vị này' });
  if (issues.length) throw errors.validation(issues);
  const row = await repo.insertClassRow(tx, {
    ...f,
    providerOrgId: provider.id,
    providerPath: provider.path,
    courseTypeId: course.id,
    customerOrgId: f.customerOrgId ?? null,
    requestId: f.requestId ?? null,
  });
  await recordAudit(tx, ctx, {
    action: 'training.class.create',
    entityType: 'training_class',
    entityId: row.id,
    orgId: provider.id,
    orgPath: provider.path,
    after: row,
  });
  return row.id;
}

export async function createClass(ctx: Ctx, input: z.output<typeof createClassBody>) {
  const provider = await findOrgInScope(ctx.db, scopeOf(ctx.actor), input.providerOrgId);
  if (!provider) throw errors.validation([{ path: 'body.providerOrgId', message: 'Không có tổ chức này' }]);
  if (!canManageTraining(ctx.actor, provider.path)) throw errors.forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    const course = await courses.findCourse(tx, input.courseTypeId);
    if (!course?.active || !courseUsableBy(await courses.ownerPathOfCourse(tx, course.id), provider.path))
      throw errors.validation([{ path: 'body.courseTypeId', message: 'Không có khoá học này' }]);
    // The request a class answers is one the caller sees, sent to this provider.
    if (input.requestId) {
      const request = await findRequest(tx, scopeOf(ctx.actor), input.requestId);
      if (!request) throw errors.idNotFound('body.requestId');
      if (request.providerOrgId !== provider.id)
        throw errors.validation([
          { path: 'body.requestId', message: 'Yêu cầu này không gửi tới đơn vị đào tạo này' },
        ]);
    }
    const { providerOrgId: _p, courseTypeId: _c, ...fields } = input;
    return insertClass(ctx, tx, provider, course, fields);
  });
  return getClass(ctx, id);
}

export async function updateClass(ctx: Ctx, id: number, input: ClassFields) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    if (c.version !== input.version)
      throw trainingErrors.class_version_conflict({ currentVersion: c.version });
    const course = (await courses.findCourse(tx, c.courseTypeId))!;
    const issues = await checkClassFields(tx, course, input);
    if (input.capacity < c.enrolled)
      issues.push({ path: 'body.capacity', message: `Lớp đã có ${c.enrolled} học viên ghi danh` });
    if (issues.length) throw errors.validation(issues);
    const { version: _v, ...fields } = input;
    await repo.updateClassRow(tx, id, {
      ...fields,
      customerOrgId: fields.customerOrgId ?? null,
      version: c.version + 1,
      updatedAt: ctx.clock.now(),
    });
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

/**
 * Opening needs the course's minimum of trainers; completing also needs the course's hours. Starting waits for
 * the first session's day and ending for the last one's (Vietnam's calendar, `statusCalendarRefusal`).
 */
export async function changeClassStatus(ctx: Ctx, id: number, input: z.output<typeof classStatusBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    if (c.version !== input.version)
      throw trainingErrors.class_version_conflict({ currentVersion: c.version });
    if (!canMoveClass(c.status, input.status))
      throw trainingErrors.class_transition({ from: c.status, to: input.status });
    if (input.status !== 'cancelled') {
      const course = (await courses.findCourse(tx, c.courseTypeId))!;
      const have = (await repo.classTrainersOf(tx, id)).length;
      if (have < course.minTrainers)
        throw trainingErrors.too_few_trainers({ have, need: course.minTrainers });
      if (input.status === 'completed') {
        const hours = (await repo.sessionsOf(tx, id)).reduce((s, x) => s + x.hours, 0);
        if (hours < course.hours) throw trainingErrors.too_few_hours({ have: hours, need: course.hours });
      }
      const early = statusCalendarRefusal(input.status, await repo.sessionsOf(tx, id), vnToday(ctx.clock));
      if (early) throw classCalendarError(early);
    }
    await repo.updateClassRow(tx, id, {
      status: input.status,
      version: c.version + 1,
      updatedAt: ctx.clock.now(),
    });
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

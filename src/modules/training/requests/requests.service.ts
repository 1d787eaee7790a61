import type { z } from 'zod';
import type {
  createRequestBody,
  decideRequestBody,
  requestQuery,
  scheduleRequestBody,
} from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import * as courses from '../catalogue/catalogue.repo.ts';
import { courseUsableBy } from '../classes/classes.rules.ts';
import { insertClass } from '../classes/classes.service.ts';
import { trainingErrors } from '../training.errors.ts';
import { noticeRequestReceived } from '../training.notices.ts';
import { canActAsCustomer, canManageTraining, requestCan } from '../training.policy.ts';
import * as repo from './requests.repo.ts';
import { splitLearners } from './requests.rules.ts';

function view(ctx: Ctx, r: repo.RequestRow) {
  const { requesterPath: _r, providerPath: _p, ...rest } = r;
  return { ...rest, can: requestCan(ctx.actor, r) };
}

/** Requests the caller sent (requester subtree) or received (provider subtree). */
export async function listRequests(ctx: Ctx, q: z.output<typeof requestQuery>) {
  return (await repo.listRequests(ctx.db, scopeOf(ctx.actor), q.status)).map((r) => view(ctx, r));
}

export async function getRequest(ctx: Ctx, id: number) {
  const r = await repo.findRequest(ctx.db, scopeOf(ctx.actor), id);
  if (!r) throw trainingErrors['request.not_found']();
  return view(ctx, r);
}

/** An enterprise (or a union) asks a provider to train N people in a course. */
export async function createRequest(ctx: Ctx, input: z.output<typeof createRequestBody>) {
  const requester = await findOrgInScope(ctx.db, scopeOf(ctx.actor), input.requesterOrgId);
  if (!requester) throw errors.validation([{ path: 'body.requesterOrgId', message: 'Không có tổ chức này' }]);
  if (!canActAsCustomer(ctx.actor, requester.path)) throw errors.forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    const provider = await repo.providerForRequest(tx, input.providerOrgId);
    const course = await courses.findCourse(tx, input.courseTypeId);
    const issues = [];
    if (provider?.status !== 'active')
      issues.push({ path: 'body.providerOrgId', message: 'Không có đơn vị đào tạo này' });
    if (
      !course?.active ||
      (provider && !courseUsableBy(await courses.ownerPathOfCourse(tx, course.id), provider.path))
    )
      issues.push({ path: 'body.courseTypeId', message: 'Đơn vị đào tạo không có khoá học này' });
    if (issues.length || !provider) throw errors.validation(issues);
    if (!input.confirmDuplicate) await refuseDuplicate(tx, input);
    const { confirmDuplicate: _confirmed, ...fields } = input;
    const row = await repo.insertRequest(tx, {
      ...fields,
      requesterPath: requester.path,
      providerPath: provider.path,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'training.request.create',
      entityType: 'training_request',
      entityId: row.id,
      orgId: requester.id,
      orgPath: requester.path,
      after: row,
    });
    await noticeRequestReceived(tx, row, requester.name);
    return row.id;
  });
  return getRequest(ctx, id);
}

/** A second open request for the same course and period is most likely sent twice: the requester confirms it. */
async function refuseDuplicate(tx: Tx, input: z.output<typeof createRequestBody>) {
  const same = await repo.findOpenDuplicate(tx, {
    requesterOrgId: input.requesterOrgId,
    courseTypeId: input.courseTypeId,
    from: input.preferredFrom ?? null,
    to: input.preferredTo ?? null,
  });
  if (same)
    throw trainingErrors.request_duplicate(
      { requestId: same.id, courseCode: same.courseCode },
      { preferredFrom: same.preferredFrom, preferredTo: same.preferredTo },
    );
}

async function requestForProvider(ctx: Ctx, tx: Tx, id: number, version: number) {
  const r = await repo.findRequest(tx, scopeOf(ctx.actor), id, true);
  if (!r) throw trainingErrors['request.not_found']();
  if (!canManageTraining(ctx.actor, r.providerPath)) throw errors.forbidden();
  if (r.version !== version) throw trainingErrors.request_version_conflict({ currentVersion: r.version });
  return r;
}

async function setStatus(
  ctx: Ctx,
  tx: Tx,
  r: repo.RequestRow,
  status: repo.RequestRow['status'],
  extra?: object,
) {
  await repo.setRequestStatus(tx, r.id, status, r.version + 1, ctx.clock.now());
  await recordAudit(tx, ctx, {
    action: `training.request.${status}`,
    entityType: 'training_request',
    entityId: r.id,
    orgId: r.providerOrgId,
    orgPath: r.providerPath,
    before: { status: r.status },
    after: { status, ...extra },
  });
}

/** The provider accepts or declines a request. */
export async function decideRequest(ctx: Ctx, id: number, input: z.output<typeof decideRequestBody>) {
  await ctx.db.transaction(async (tx) => {
    const r = await requestForProvider(ctx, tx, id, input.version);
    if (r.status !== 'requested' && !(r.status === 'accepted' && input.decision === 'decline'))
      throw trainingErrors.request_state({ status: r.status });
    await setStatus(ctx, tx, r, input.decision === 'accept' ? 'accepted' : 'declined', {
      reason: input.reason,
    });
  });
  return getRequest(ctx, id);
}

/** Turns a requested/accepted request into its classes in one transaction (accepting it if needed). */
export async function scheduleRequest(ctx: Ctx, id: number, input: z.output<typeof scheduleRequestBody>) {
  await ctx.db.transaction(async (tx) => {
    const r = await requestForProvider(ctx, tx, id, input.version);
    if (r.status !== 'requested' && r.status !== 'accepted')
      throw trainingErrors.request_state({ status: r.status });
    const course = (await courses.findCourse(tx, r.courseTypeId))!;
    const max = course.maxLearners ?? r.learners;
    if (input.classSize && input.classSize > max)
      throw errors.validation([
        { path: 'body.classSize', message: `Khoá học cho phép tối đa ${max} học viên một lớp` },
      ]);
    // The caller manages training at the provider (requestForProvider), so it is in scope.
    const provider = { id: r.providerOrgId, path: r.providerPath };
    const sizes = splitLearners(r.learners, input.classSize ?? max);
    const classIds = [];
    for (const [i, capacity] of sizes.entries())
      classIds.push(
        await insertClass(ctx, tx, provider, course, {
          code: `${input.codePrefix}-${String(i + 1).padStart(2, '0')}`,
          title: `${input.title ?? course.nameVi} – lớp ${i + 1}/${sizes.length}`,
          venue: input.venue ?? r.place,
          capacity,
          pricePerLearner: input.pricePerLearner,
          paidAmount: 0,
          customerOrgId: r.requesterOrgId,
          requestId: r.id,
        }),
      );
    await setStatus(ctx, tx, r, 'scheduled', { classIds });
  });
  return getRequest(ctx, id);
}

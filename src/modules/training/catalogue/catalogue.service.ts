import type { z } from 'zod';
import type {
  CourseTypeView,
  courseTypeQuery,
  createCourseTypeBody,
  providerView,
} from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import { canManageTraining } from '../training.policy.ts';
import * as repo from './catalogue.repo.ts';

/** The course catalogue: built-in legal rules plus the custom courses of visible organisations. */
export async function listCourseTypes(
  ctx: Ctx,
  q: z.output<typeof courseTypeQuery>,
): Promise<CourseTypeView[]> {
  return repo.listCourseTypes(ctx.db, scopeOf(ctx.actor), {
    on: q.on,
    active: q.active === undefined ? undefined : q.active === 'true',
    family: q.family,
  });
}

/** A custom course (e.g. COVID-19 topics for volunteers) owned by an organisation that runs training. */
export async function createCourseType(
  ctx: Ctx,
  input: z.output<typeof createCourseTypeBody>,
): Promise<CourseTypeView> {
  const owner = await findOrgInScope(ctx.db, scopeOf(ctx.actor), input.ownerOrgId);
  if (!owner) throw errors.validation([{ path: 'body.ownerOrgId', message: 'Không có tổ chức này' }]);
  if (!canManageTraining(ctx.actor, owner.path)) throw errors.forbidden();
  return ctx.db.transaction(async (tx) => {
    const issues = [];
    if (await repo.findCourseByCode(tx, input.code))
      issues.push({ path: 'body.code', message: 'Mã khoá học đã được dùng' });
    if (input.prerequisiteCode && !(await repo.findCourseByCode(tx, input.prerequisiteCode)))
      issues.push({ path: 'body.prerequisiteCode', message: 'Không có khoá học tiên quyết với mã này' });
    if (issues.length) throw errors.validation(issues);
    const id = await repo.insertCourse(tx, { ...input, family: 'custom', ownerOrgId: owner.id });
    const view = (await repo.findCourse(tx, id))!;
    await recordAudit(tx, ctx, {
      action: 'training.course.create',
      entityType: 'course_type',
      entityId: view.id,
      orgId: owner.id,
      orgPath: owner.path,
      after: view,
    });
    return view;
  });
}

/** Organisations that run training, for any signed-in user choosing where to send a request. */
export async function listProviders(ctx: Ctx): Promise<z.infer<typeof providerView>[]> {
  return repo.listProviders(ctx.db);
}

import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CourseTypeView,
  courseTypeQuery,
  createCourseTypeBody,
  providerView,
} from '../../contracts/training.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { hasPermission, pathInScope, scopeOf } from '../../platform/scope.ts';
import * as repo from './training.repo.ts';
import { courseTypes } from './training.tables.ts';

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
  const owner = await repo.findOrgRef(ctx.db, input.ownerOrgId);
  if (!owner || !pathInScope(scopeOf(ctx.actor), owner.path))
    throw errors.validation([{ path: 'body.ownerOrgId', message: 'Không có tổ chức này' }]);
  if (!hasPermission(ctx.actor, 'training.manage', owner.path)) throw errors.forbidden();
  return ctx.db.transaction(async (tx) => {
    const issues = [];
    if (await repo.findCourseByCode(tx, input.code))
      issues.push({ path: 'body.code', message: 'Mã khoá học đã được dùng' });
    if (input.prerequisiteCode && !(await repo.findCourseByCode(tx, input.prerequisiteCode)))
      issues.push({ path: 'body.prerequisiteCode', message: 'Không có khoá học tiên quyết với mã này' });
    if (issues.length) throw errors.validation(issues);
    const [row] = await tx
      .insert(courseTypes)
      .values({ ...input, family: 'custom', ownerOrgId: owner.id })
      .returning({ id: courseTypes.id });
    const view = (await repo.findCourse(tx, row!.id))!;
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

/**
 * Organisations that run training, for any signed-in user choosing where to send a request (an enterprise's HR
 * cannot see the Red Cross tree): active Red Cross bodies, service centres and training institutions, and any
 * organisation with trainers. Names only, nothing personal.
 */
export async function listProviders(ctx: Ctx): Promise<z.infer<typeof providerView>[]> {
  return rows<z.infer<typeof providerView>>(
    ctx.db,
    sql`SELECT o.id, o.name, o.short_name AS "shortName", par.name AS "parentName", o.kind,
          coalesce((SELECT array_agg(ct.id ORDER BY ct.family, ct.code) FROM course_types ct
                    LEFT JOIN organisations ow ON ow.id = ct.owner_org_id
                    WHERE ct.active AND (ct.owner_org_id IS NULL OR ow.path <@ o.path OR o.path <@ ow.path)), '{}') AS "courseTypeIds"
        FROM organisations o LEFT JOIN organisations par ON par.id = o.parent_id
        WHERE o.status = 'active'
          AND (o.kind IN ('red_cross', 'service_centre', 'training_institution')
               OR EXISTS (SELECT 1 FROM trainers t WHERE t.org_id = o.id AND t.active))
        ORDER BY o.kind <> 'service_centre', o.name
        LIMIT 2000`,
  );
}

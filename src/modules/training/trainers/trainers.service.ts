import type { z } from 'zod';
import type { createTrainerBody, trainerQuery } from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope, orgForField } from '../../orgs/index.ts';
import { findPeopleInScope } from '../../people/index.ts';
import { findCourseByCode } from '../catalogue/catalogue.repo.ts';
import { canManageTraining } from '../training.policy.ts';
import * as repo from './trainers.repo.ts';

const view = ({ orgPath: _p, ...t }: repo.TrainerRow) => t;

export async function listTrainers(ctx: Ctx, q: z.output<typeof trainerQuery>) {
  const scope = scopeOf(ctx.actor);
  let orgPath: string | undefined;
  if (q.orgId) orgPath = (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path;
  return (await repo.listTrainers(ctx.db, scope, orgPath)).map(view);
}

/** Registers a person of the registry as a trainer of an organisation, with a qualification and courses. */
export async function createTrainer(ctx: Ctx, input: z.output<typeof createTrainerBody>) {
  const scope = scopeOf(ctx.actor);
  const org = await findOrgInScope(ctx.db, scope, input.orgId);
  if (!org) throw errors.validation([{ path: 'body.orgId', message: 'Không có tổ chức này' }]);
  if (!canManageTraining(ctx.actor, org.path)) throw errors.forbidden();
  return ctx.db.transaction(async (tx) => {
    // The person is resolved through the caller's scope, as GET /api/people/:id: one it does not see is not found.
    const [person] = await findPeopleInScope(tx, scope, [input.personId]);
    const issues = [];
    if (person?.status !== 'active')
      issues.push({ path: 'body.personId', message: 'Không có người này trong danh sách của tổ chức' });
    for (const [i, code] of input.courseCodes.entries())
      if (!(await findCourseByCode(tx, code)))
        issues.push({ path: `body.courseCodes.${i}`, message: 'Không có khoá học với mã này' });
    if (issues.length) throw errors.validation(issues);
    const id = await repo.insertTrainer(tx, { ...input, orgPath: org.path });
    if (!id)
      throw errors.validation([{ path: 'body.personId', message: 'Người này đã là giảng viên của tổ chức' }]);
    const [created] = await repo.lockTrainers(tx, { all: true }, [id]);
    await recordAudit(tx, ctx, {
      action: 'training.trainer.create',
      entityType: 'trainer',
      entityId: id,
      orgId: org.id,
      orgPath: org.path,
      after: view(created!),
    });
    return view(created!);
  });
}

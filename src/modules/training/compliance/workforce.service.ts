import type { z } from 'zod';
import type { workforceBody } from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import { canActAsCustomer } from '../training.policy.ts';
import * as repo from './workforce.repo.ts';

/**
 * An enterprise's declared headcount, dated (the TT 19/2016 first-aider rule needs it; the person registry
 * holds only the workers sent to training). Declared by whoever reports for the enterprise (its HR:
 * `report.write`) or manages training there; one declaration per day, a same-day correction replaces it.
 */
export async function listWorkforce(ctx: Ctx, orgId: number): Promise<repo.WorkforceView[]> {
  const org = await findOrgInScope(ctx.db, scopeOf(ctx.actor), orgId);
  if (!org) throw errors.notFound('orgs', 'Không tìm thấy tổ chức hoặc bạn không có quyền truy cập.');
  return repo.listWorkforce(ctx.db, org.id);
}

export async function recordWorkforce(ctx: Ctx, input: z.output<typeof workforceBody>) {
  const org = await findOrgInScope(ctx.db, scopeOf(ctx.actor), input.orgId);
  if (!org) throw errors.validation([{ path: 'body.orgId', message: 'Không có tổ chức này' }]);
  if (!canActAsCustomer(ctx.actor, org.path)) throw errors.forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await repo.lockDeclaration(tx, org.id, input.asOf);
    const values = { workers: input.workers, strictOsh: input.strictOsh, note: input.note ?? null };
    await repo.saveDeclaration(tx, org, input.asOf, values, ctx.actor.userId);
    await recordAudit(tx, ctx, {
      action: before ? 'training.workforce.update' : 'training.workforce.declare',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      orgPath: org.path,
      before: before ?? null,
      after: { asOf: input.asOf, ...values },
    });
  });
  return (await listWorkforce(ctx, org.id)).find((w) => w.asOf === input.asOf)!;
}

import type { z } from 'zod';
import type { classPaymentBody } from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { trainingErrors } from '../training.errors.ts';
import { classCan } from '../training.policy.ts';
import * as repo from './classes.repo.ts';
import { getClass } from './classes.service.ts';

/**
 * The amount the customer has paid under the class's service agreement. Usually settled after the class ends, so
 * unlike the other class fields it may be recorded on a completed class; only a cancelled class is closed to it.
 */
export async function recordPayment(ctx: Ctx, id: number, input: z.output<typeof classPaymentBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await repo.findClass(tx, scopeOf(ctx.actor), id, true);
    if (!c) throw trainingErrors['class.not_found']();
    if (!classCan(ctx.actor, c).manage) throw errors.forbidden();
    if (c.status === 'cancelled') throw trainingErrors.class_cancelled();
    if (c.version !== input.version)
      throw trainingErrors.class_version_conflict({ currentVersion: c.version });
    await repo.setPaidAmount(tx, id, input.paidAmount, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'training.class.payment',
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before: { paidAmount: c.paidAmount },
      after: { paidAmount: input.paidAmount },
    });
  });
  return getClass(ctx, id);
}

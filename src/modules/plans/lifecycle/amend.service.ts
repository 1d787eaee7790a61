import type { z } from 'zod';
import type { amendPlanBody, PlanView } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import { checkRecipients, insertRecipients, newRecipientsOnly } from '../recipients/recipients.service.ts';
import { checkSources, indicatorColumns } from './indicators.ts';
import * as lifecycle from './lifecycle.repo.ts';
import { planForManager } from './lifecycle.service.ts';
import { getPlan } from './plan-detail.service.ts';

/**
 * Amends an issued plan by a dated revision: the fields that may change while units report, plus new
 * indicators and recipients (never removed: reports already refer to them). The revision keeps what
 * changed, from what to what, and why.
 */
export async function amendPlan(
  ctx: Ctx,
  id: number,
  input: z.output<typeof amendPlanBody>,
): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'issued') throw planErrors.notIssued();
    if (plan.version !== input.version) throw planErrors.versionConflict(plan.version);
    if (input.periodEnd && input.periodEnd < plan.periodStart)
      throw errors.validation([{ path: 'body.periodEnd', message: 'Ngày kết thúc trước ngày bắt đầu' }]);
    const existing = await repo.planIndicatorsOf(tx, id);
    checkSources(input.addIndicators, 'body.addIndicators');
    input.addIndicators.forEach((i, n) => {
      if (existing.some((e) => e.code === i.code))
        throw errors.validation([{ path: `body.addIndicators.${n}.code`, message: `Mã ${i.code} đã có` }]);
    });
    const fields = {
      title: input.title,
      periodEnd: input.periodEnd,
      objectives: input.objectives,
      reportDueOn: input.reportDueOn,
      reportDueDays: input.reportDueDays,
      reportLockDays: input.reportLockDays,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(fields)) {
      const before = plan[k as keyof typeof plan];
      if (v !== undefined && v !== before) changes[k] = { from: before, to: v };
    }
    const { reporters, copies } = await newRecipientsOnly(
      tx,
      id,
      await checkRecipients(tx, plan.issuerPath, input.addReporterOrgIds, input.addCopyOrgIds, {
        reporters: 'addReporterOrgIds',
        copies: 'addCopyOrgIds',
      }),
    );
    const changed =
      Object.keys(changes).length + reporters.size + copies.size + input.addIndicators.length > 0;
    if (!changed)
      throw errors.validation([{ path: 'body', message: 'Văn bản điều chỉnh không thay đổi gì' }]);
    const set = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
    const revision = plan.revision + 1;
    await lifecycle.updatePlanRow(tx, plan, { ...set, revision });
    await lifecycle.upsertIndicators(tx, id, input.addIndicators.map(indicatorColumns), existing.length);
    await insertRecipients(tx, id, reporters, copies, input.revisedOn);
    const record = {
      ...changes,
      ...(reporters.size ? { addedReporters: [...reporters.keys()] } : {}),
      ...(copies.size ? { addedCopies: [...copies.keys()] } : {}),
      ...(input.addIndicators.length ? { addedIndicators: input.addIndicators.map((i) => i.code) } : {}),
    };
    await lifecycle.insertRevision(tx, {
      planId: id,
      revision,
      revisedOn: input.revisedOn,
      documentNumber: input.documentNumber ?? null,
      reason: input.reason,
      changes: record,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'amend',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      after: { revision, reason: input.reason, ...record },
    });
  });
  return getPlan(ctx, id);
}

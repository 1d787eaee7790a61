import type { PlanView } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { formatViDate } from '../../../platform/dates.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { indicatorColumns, kindNames } from '../lifecycle/indicators.ts';
import * as lifecycle from '../lifecycle/lifecycle.repo.ts';
import { getPlan } from '../lifecycle/plan-detail.service.ts';
import { addDays } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import { assertManages } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import { insertRecipients } from '../recipients/recipients.service.ts';
import * as implementing from './implementing.repo.ts';

/** Implementing units report a few days before their issuer must, so it can consolidate. */
const CONSOLIDATION_DAYS = 5;

/**
 * A recipient's implementing plan in one click: a draft issued by the recipient that implements the plan,
 * cites it as legal basis, copies its indicators, period and reporting (due a few days earlier), inherits
 * the targets assigned to the recipient, and asks the recipient's direct units to report.
 */
export async function implementPlan(ctx: Ctx, parentId: number, issuerOrgId: number): Promise<PlanView> {
  const id = await ctx.db.transaction(async (tx) => {
    const parent = await repo.findPlan(tx, scopeOf(ctx.actor), parentId);
    if (!parent) throw planErrors.notFound();
    if (parent.status !== 'issued') throw planErrors.notIssued();
    // The new issuer is an organisation the caller sees (a copy recipient of another tree is not found).
    await orgForField(tx, scopeOf(ctx.actor), issuerOrgId, 'body.issuerOrgId');
    const recipient = await repo.findRecipient(tx, parentId, issuerOrgId);
    if (!recipient)
      throw errors.validation([{ path: 'body.issuerOrgId', message: 'Đơn vị này không nhận kế hoạch' }]);
    assertManages(ctx, { issuerPath: recipient.orgPath });
    const indicators = await repo.planIndicatorsOf(tx, parentId);
    const units = await implementing.activeUnitsOf(tx, issuerOrgId);
    const dueOnParent = parent.reportDueOn;
    const earlier = dueOnParent ? addDays(dueOnParent, -CONSOLIDATION_DAYS) : null;
    const plan = await lifecycle.insertPlan(tx, {
      issuerOrgId,
      issuerPath: recipient.orgPath,
      kind: 'plan',
      number: `…/KH (${recipient.orgName})`.slice(0, 60),
      title: `Thực hiện ${kindNames[parent.kind]} số ${parent.number} của ${parent.issuerName}`.slice(0, 500),
      issuedOn: parent.issuedOn,
      periodStart: parent.periodStart,
      periodEnd: parent.periodEnd,
      legalBases: [
        `${kindNames[parent.kind]} số ${parent.number} ngày ${formatViDate(parent.issuedOn)} của ${parent.issuerName} về ${parent.title}`.slice(
          0,
          300,
        ),
      ],
      implementsPlanId: parent.id,
      objectives: parent.objectives,
      reportPeriodType: parent.reportPeriodType,
      reportDueOn: earlier && earlier >= parent.periodStart ? earlier : dueOnParent,
      reportDueDays: Math.max(0, parent.reportDueDays - CONSOLIDATION_DAYS),
      reportLockDays: parent.reportLockDays,
      createdBy: ctx.actor.userId,
    });
    await lifecycle.upsertIndicators(
      tx,
      plan.id,
      indicators.map(({ id: _id, ...i }) => indicatorColumns(i)),
      0,
    );
    await insertRecipients(tx, plan.id, new Map(units.map((u) => [u.id, u.path])), new Map());
    // The targets the parent plan assigned to this recipient become the new plan's own.
    await implementing.inheritTargets(tx, {
      parentId,
      planId: plan.id,
      orgId: issuerOrgId,
      by: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'implement',
      entityType: 'plan',
      entityId: plan.id,
      orgId: issuerOrgId,
      orgPath: recipient.orgPath,
      after: { implementsPlanId: parentId, reporters: units.length },
    });
    return plan.id;
  });
  return getPlan(ctx, id);
}

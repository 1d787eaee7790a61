import type { z } from 'zod';
import type { createPlanBody, PlanView, updatePlanBody } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { orgForField } from '../../orgs/index.ts';
import { insertActivities } from '../activities/activities.service.ts';
import { planErrors } from '../plans.errors.ts';
import { assertManages } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import { recipientCounts } from '../recipients/recipients.repo.ts';
import {
  changeDraftRecipients,
  checkRecipients,
  insertRecipients,
} from '../recipients/recipients.service.ts';
import { checkSources, indicatorColumns, kindNames } from './indicators.ts';
import * as lifecycle from './lifecycle.repo.ts';
import { getPlan } from './plan-detail.service.ts';

/** A plan's life: drafted, edited whole while a draft, issued to its recipients, closed (amendments: amend.service.ts). */

type CreateInput = z.output<typeof createPlanBody>;

export async function checkImplements(ctx: Ctx, tx: Tx, implementsPlanId: number | null | undefined) {
  if (implementsPlanId && !(await repo.findPlan(tx, scopeOf(ctx.actor), implementsPlanId))) {
    throw errors.idNotFound('body.implementsPlanId');
  }
}

/** The plan row's columns of a body (recipients, indicators and activities are rows of their own). */
function planFields(
  input: Omit<CreateInput, 'reporterOrgIds' | 'copyOrgIds'> &
    Partial<Pick<CreateInput, 'reporterOrgIds' | 'copyOrgIds'>>,
) {
  const { indicators: _i, reporterOrgIds: _r, copyOrgIds: _c, activities: _a, ...fields } = input;
  return {
    ...fields,
    implementsPlanId: input.implementsPlanId ?? null,
    objectives: input.objectives ?? null,
    reportDueOn: input.reportDueOn ?? null,
    reportLockDays: input.reportLockDays ?? null,
  };
}

export async function createPlan(ctx: Ctx, input: CreateInput): Promise<PlanView> {
  const id = await ctx.db.transaction(async (tx) => {
    const issuer = await orgForField(tx, scopeOf(ctx.actor), input.issuerOrgId, 'body.issuerOrgId');
    assertManages(ctx, { issuerPath: issuer.path });
    await checkImplements(ctx, tx, input.implementsPlanId);
    checkSources(input.indicators, 'body.indicators');
    const { reporters, copies } = await checkRecipients(
      tx,
      issuer.path,
      input.reporterOrgIds,
      input.copyOrgIds,
    );
    const plan = await lifecycle.insertPlan(tx, {
      ...planFields(input),
      issuerPath: issuer.path,
      createdBy: ctx.actor.userId,
    });
    await lifecycle.upsertIndicators(tx, plan.id, input.indicators.map(indicatorColumns), 0);
    await insertRecipients(tx, plan.id, reporters, copies);
    await insertActivities(tx, plan.id, input.activities, 0);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'plan',
      entityId: plan.id,
      orgId: issuer.id,
      orgPath: issuer.path,
      after: {
        number: plan.number,
        title: plan.title,
        reporters: reporters.size,
        indicators: input.indicators.length,
      },
    });
    return plan.id;
  });
  return getPlan(ctx, id);
}

/** The plan, locked when asked, for a caller who manages it. */
export async function planForManager(ctx: Ctx, tx: Tx | Db, id: number, lock = false) {
  const plan = await repo.findPlan(tx, scopeOf(ctx.actor), id, lock);
  if (!plan) throw planErrors.notFound();
  assertManages(ctx, plan);
  return plan;
}

/** A draft is edited whole. Indicators are matched by code so targets already set survive the edit. */
export async function updatePlan(
  ctx: Ctx,
  id: number,
  input: z.output<typeof updatePlanBody>,
): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'draft') throw planErrors.notDraft();
    if (plan.version !== input.version) throw planErrors.versionConflict(plan.version);
    if (input.issuerOrgId !== plan.issuerOrgId)
      throw errors.validation([
        { path: 'body.issuerOrgId', message: 'Không đổi cơ quan ban hành của kế hoạch' },
      ]);
    await checkImplements(ctx, tx, input.implementsPlanId);
    checkSources(input.indicators, 'body.indicators');
    const {
      version: _v,
      reporterOrgIds,
      copyOrgIds,
      addReporterOrgIds,
      addCopyOrgIds,
      removeRecipientOrgIds,
      ...body
    } = input;
    const recipients = await changeDraftRecipients(tx, plan, {
      reporterOrgIds,
      copyOrgIds,
      addReporterOrgIds,
      addCopyOrgIds,
      removeRecipientOrgIds,
    });
    await lifecycle.updatePlanRow(tx, plan, planFields(body));
    await lifecycle.deleteIndicatorsExcept(
      tx,
      id,
      input.indicators.map((i) => i.code),
    );
    await lifecycle.upsertIndicators(tx, id, input.indicators.map(indicatorColumns), 0);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      before: { number: plan.number, title: plan.title },
      after: {
        number: input.number,
        title: input.title,
        indicators: input.indicators.map((i) => i.code),
        recipients,
      },
    });
  });
  return getPlan(ctx, id);
}

export async function issuePlan(ctx: Ctx, id: number, version: number): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'draft') throw planErrors.notDraft();
    if (plan.version !== version) throw planErrors.versionConflict(plan.version);
    if ((await recipientCounts(tx, id)).reporters === 0) throw planErrors.noReporters();
    await lifecycle.updatePlanRow(tx, plan, { status: 'issued' });
    const users = await repo.usersGrantedAtRecipients(tx, id, ['plan.manage', 'report.write']);
    await notifyUsers(
      tx,
      users.map((u) => ({
        userId: u.userId,
        kind: 'plan_issued',
        title: `Kế hoạch mới: ${plan.number} — ${plan.title}`.slice(0, 300),
        body: `${plan.issuerName} đã ban hành ${kindNames[plan.kind].toLowerCase()} số ${plan.number}. ${
          u.role === 'reporter'
            ? 'Đơn vị của bạn phải báo cáo theo kế hoạch này.'
            : 'Gửi đơn vị của bạn để biết, phối hợp.'
        }`,
        link: `/plans/${id}`,
        dedupeKey: `plan:${id}:issued`,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'issue',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
    });
  });
  return getPlan(ctx, id);
}

export async function closePlan(ctx: Ctx, id: number, version: number): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'issued') throw planErrors.notIssued();
    if (plan.version !== version) throw planErrors.versionConflict(plan.version);
    await lifecycle.updatePlanRow(tx, plan, { status: 'closed' });
    await recordAudit(tx, ctx, {
      action: 'close',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
    });
  });
  return getPlan(ctx, id);
}

import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { indicatorSource } from '../../../platform/indicators.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { dueOn, isPlanPeriod, periodRange, planPeriodKeys, timeliness } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import * as plansRepo from '../plans.repo.ts';
import { reportView } from './report-view.ts';
import * as repo from './reports.repo.ts';
import { locksOn } from './reports.rules.ts';

/** The values a new form opens with: what the unit's own records say, for the indicators fed by a source. */
async function prefilledValues(
  ctx: Ctx,
  plan: plansRepo.PlanRow,
  reporter: { orgId: number; orgPath: string },
  periodKey: string,
) {
  const range = periodRange(plan.reportPeriodType, periodKey)!;
  const query = {
    orgId: reporter.orgId,
    orgPath: reporter.orgPath,
    start: range.start > plan.periodStart ? range.start : plan.periodStart,
    end: range.end < plan.periodEnd ? range.end : plan.periodEnd,
  };
  const computed = await Promise.all(
    (await plansRepo.planIndicatorsOf(ctx.db, plan.id))
      .filter((i) => i.source && indicatorSource(i.source))
      .map(async (i) => ({ ind: i, v: await indicatorSource(i.source!)!.compute(ctx.db, query) })),
  );
  return computed.flatMap(({ ind, v }) =>
    v
      ? [
          {
            indicatorId: ind.id,
            value: v.value,
            denominator: v.denominator ?? null,
            breakdown: breakdownFor(ind.breakdown, v.breakdown),
          },
        ]
      : [],
  );
}

/**
 * The source's split, when the indicator asks for one with those very categories (e.g. a sex split `NAM`/`NU`, the
 * convention of contracts/plans/indicators.ts): a split the indicator doesn't have (units by kind of donation on an
 * indicator with no breakdown) would make the form refuse its own prefilled value, so it is left out, and so is a
 * split naming a category the indicator lacks. The unit then types its own split, as before.
 */
function breakdownFor(
  asked: plansRepo.IndicatorRow['breakdown'],
  given: { category: string; value: number }[] | undefined,
) {
  if (!asked || !given?.length) return null;
  const codes = new Set(asked.categories.map((c) => c.code));
  return given.every((b) => codes.has(b.category)) ? given : null;
}

/** The form of one unit and period: the report when started, else an empty one to fill (version 0). */
export async function reportForm(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const scope = scopeOf(ctx.actor);
  const plan = await plansRepo.findPlan(ctx.db, scope, planId);
  if (!plan) throw planErrors.notFound();
  // An organisation outside the caller's scope is not found, before anything is said of it on the plan.
  await orgForField(ctx.db, scope, orgId, 'querystring.orgId');
  const reporter = await plansRepo.findRecipient(ctx.db, planId, orgId);
  if (reporter?.role !== 'reporter') throw planErrors.notReporter();
  if (!isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: 'querystring.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  const keys = planPeriodKeys(plan);
  const previousPeriodKey = keys[keys.indexOf(periodKey) - 1] ?? null;
  const [existing, beside] = await Promise.all([
    repo.reportIdOf(ctx.db, planId, orgId, periodKey),
    repo.formContext(ctx.db, planId, orgId, periodKey, previousPeriodKey),
  ]);
  const context = { previousPeriodKey, beside };
  if (existing) return { ...(await reportView(ctx, ctx.db, existing, plan)), prefilled: [], ...context };
  const due = dueOn(plan, periodKey);
  const values = await prefilledValues(ctx, plan, reporter, periodKey);
  return {
    id: null,
    planId,
    orgId,
    orgName: reporter.orgName,
    periodKey,
    status: 'draft' as const,
    dueOn: due,
    submittedAt: null,
    timeliness: timeliness(due, null, ctx.clock.now()),
    reviewComment: null,
    values,
    prefilled: values.map((v) => v.indicatorId),
    locksOn: locksOn(plan, periodKey),
    version: 0,
    ...context,
  };
}

import type { PlanView } from '../../../contracts/plans.ts';
import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { listActivities } from '../activities/activities.repo.ts';
import { activePeriod, dueOn, planPeriodKeys } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import { mayManage, planCan, reportableActivityIds } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import { recipientsOfPlan } from '../recipients/recipients.service.ts';
import { latestWaitingPeriod } from '../reports/review-queue.repo.ts';
import * as lifecycle from './lifecycle.repo.ts';

/** How many organisations of each list a revision names in the plan's detail (the rest are counted). */
const REVISION_NAMES = 50;

/** A plan's revisions with the names of the organisations each one added (the first few of each list). */
async function revisionsWithNames(db: Db, planId: number) {
  const revisions = await lifecycle.revisionsOf(db, planId);
  const named = (r: (typeof revisions)[number]) =>
    ['addedReporters', 'addedCopies'].flatMap((k) => {
      const ids = r.changes[k];
      return Array.isArray(ids) ? ids.slice(0, REVISION_NAMES).filter((id) => typeof id === 'number') : [];
    });
  const names = await repo.orgNamesOf(db, [...new Set(revisions.flatMap(named))]);
  return revisions.map((r) => ({
    ...r,
    orgNames: Object.fromEntries(
      named(r).flatMap((id) => (names.has(id) ? [[String(id), names.get(id)!]] : [])),
    ),
  }));
}

/** The activities, and those whose actual outputs the caller may report (the policy's rule). */
async function activitiesFor(ctx: Ctx, plan: repo.PlanRow) {
  const activities = await listActivities(ctx.db, plan.id);
  const leads = mayManage(ctx.actor, plan.issuerPath)
    ? new Map<number, string>()
    : await repo.orgPathsOf(ctx.db, [...new Set(activities.flatMap((a) => a.leadOrgId ?? []))]);
  return { activities, reportActivityIds: reportableActivityIds(ctx.actor, plan, activities, leads) };
}

export async function getPlan(ctx: Ctx, id: number): Promise<PlanView> {
  const plan = await repo.findPlan(ctx.db, scopeOf(ctx.actor), id);
  if (!plan) throw planErrors.notFound();
  const reviews = mayManage(ctx.actor, plan.issuerPath);
  const [indicators, recipients, { activities, reportActivityIds }, revisions, related, waiting] =
    await Promise.all([
      repo.planIndicatorsOf(ctx.db, id),
      recipientsOfPlan(ctx, plan),
      activitiesFor(ctx, plan),
      revisionsWithNames(ctx.db, id),
      lifecycle.relatedPlans(ctx.db, scopeOf(ctx.actor), plan),
      reviews ? latestWaitingPeriod(ctx.db, id) : null,
    ]);
  const { issuerPath: _p, ...rest } = plan;
  const { recipientCounts, recipients: first, ...acting } = recipients;
  return {
    ...rest,
    indicators,
    recipientCounts,
    recipients: first,
    activities,
    revisions,
    periods: planPeriodKeys(plan).map((key) => ({ key, dueOn: dueOn(plan, key) })),
    activePeriodKey: activePeriod(plan, vnDay(ctx.clock.now()), waiting),
    ...related,
    can: planCan(ctx.actor, plan, acting, reportActivityIds),
  };
}

export async function listPlans(ctx: Ctx) {
  const list = await lifecycle.listPlans(ctx.db, scopeOf(ctx.actor));
  return list.map(({ issuerPath: _p, ...p }) => p);
}

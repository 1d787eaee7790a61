import type { DashboardBehindPage, DashboardView } from '../../../contracts/plans.ts';
import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { isWithin, scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { dueOn, isPlanPeriod, lateFrom } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import * as rollups from '../rollups.repo.ts';
import * as dash from './dashboard.repo.ts';

type Indicator = Awaited<ReturnType<typeof repo.planIndicatorsOf>>[number];
type Total = DashboardView['totals'][number];

const round = (n: number) => Math.round(n * 10) / 10;
const key = (orgId: number, indicatorId: number) => `${orgId}:${indicatorId}`;

/** The target that applies to one organisation, and where it comes from (see the contract's `targetSource`). */
export type AppliedTarget = { value: number; source: 'assigned' | 'all_units' } | undefined;

/** Floors and coverage shares (ratio, yes_no) apply to every unit below the one they are set for; quotas do not. */
export const isFloor = (kind: Indicator['kind']) => kind === 'ratio' || kind === 'yes_no';

/**
 * The target of `orgId` from the targets in force: its own, else for a floor the first one found along
 * `above` (its ancestors in the plan, nearest first).
 */
export function appliedTarget(
  ind: Indicator,
  orgId: number,
  above: number[],
  targetOf: Map<string, number>,
): AppliedTarget {
  const own = targetOf.get(key(orgId, ind.id));
  if (own !== undefined) return { value: own, source: 'assigned' };
  if (!isFloor(ind.kind)) return undefined;
  for (const id of above) {
    const value = targetOf.get(key(id, ind.id));
    if (value !== undefined) return { value, source: 'all_units' };
  }
  return undefined;
}

/** One indicator's total for one organisation, against its target; null figures where nobody reported. */
export function indicatorTotal(
  ind: Indicator,
  r: rollups.RollupRow | undefined,
  applied: AppliedTarget,
  expected: number,
): Total {
  const hasReports = r !== undefined && r.reports > 0;
  const value = hasReports ? r.value : null;
  const denominator = ind.kind === 'ratio' && hasReports ? r.denominator : null;
  let percent: number | null = null;
  if (ind.kind === 'ratio') percent = denominator ? round(((value ?? 0) / denominator) * 100) : null;
  if (ind.kind === 'yes_no' && hasReports) percent = expected ? round((r.yesCount / expected) * 100) : null;
  const target = applied?.value;
  let achievementPercent: number | null = null;
  if (target !== undefined && target > 0 && value !== null) {
    // Quotas: actual against target × goal (105% of the quota is "reach or exceed by 5%").
    if (!isFloor(ind.kind)) achievementPercent = round((value / ((target * ind.goalPercent) / 100)) * 100);
    else if (percent !== null) achievementPercent = round((percent / target) * 100);
  }
  return {
    indicatorId: ind.id,
    code: ind.code,
    name: ind.name,
    kind: ind.kind,
    goalPercent: ind.goalPercent,
    value,
    denominator,
    percent,
    target: target ?? null,
    targetSource: applied?.source ?? null,
    isBelowFloor: isFloor(ind.kind) && target !== undefined && percent !== null && percent < target,
    achievementPercent,
  };
}

/** The organisations between the plan's issuer and `path` (excluded), nearest first: path labels are ids. */
export function ancestorsInPlan(path: string, issuerPath: string): number[] {
  const labels = path.split('.').map(Number);
  return labels.slice(issuerPath.split('.').length - 1, -1).reverse();
}

/** How many late or missing units the dashboard names; the rest are a page away (`planBehind`). */
export const BEHIND_SHOWN = 50;

/** The plan, organisation and period of a dashboard, checked: plan visible, org in scope and under the issuer. */
export async function dashboardScope(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const scope = scopeOf(ctx.actor);
  const plan = await repo.findPlan(ctx.db, scope, planId);
  if (!plan) throw planErrors.notFound();
  const org = await orgForField(ctx.db, scope, orgId, 'querystring.orgId');
  if (!isWithin(org.path, plan.issuerPath)) throw errors.idNotFound('querystring.orgId');
  if (!isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: 'querystring.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  const due = dueOn(plan, periodKey);
  const dueState = { lateFrom: lateFrom(due), isPastDue: vnDay(ctx.clock.now()) > due };
  return { plan, org, due, dueState };
}

/**
 * The consolidated view of a plan for one organisation and period: totals from the roll-up rows, each
 * against its target; completeness of the expected reporters below it (counted per child line in SQL);
 * one line per child to drill into; the first late or missing units by name and how many there are.
 */
export async function planDashboard(
  ctx: Ctx,
  planId: number,
  orgId: number,
  periodKey: string,
): Promise<DashboardView> {
  const { plan, org, due, dueState } = await dashboardScope(ctx, planId, orgId, periodKey);
  // All at once: the roll-up rows and targets of the organisation and every child (those with reporters
  // below are the lines the counts return), and the breakdowns once the indicators say there are any.
  const lineSet = { withChildrenOf: org.id };
  // Floors set above the organisation apply to it: their targets come in the same read as its own.
  const above = ancestorsInPlan(org.path, plan.issuerPath);
  const indicatorsRead = repo.planIndicatorsOf(ctx.db, planId);
  const [indicators, { lines, submissions, behind }, totals, targets, parts] = await Promise.all([
    indicatorsRead,
    dash.dashboardCounts(ctx.db, plan, periodKey, org.path, dueState, BEHIND_SHOWN),
    rollups.rollupsFor(ctx.db, planId, periodKey, lineSet),
    rollups.targetsFor(ctx.db, planId, { ...lineSet, andIds: above }, periodKey),
    indicatorsRead.then((list) =>
      list.some((i) => i.breakdown) ? dash.breakdownTotals(ctx.db, planId, periodKey, org.path) : [],
    ),
  ]);
  const children = lines.filter((l) => l.lineId !== null);
  const withBreakdown = indicators.filter((i) => i.breakdown);
  const rollupOf = new Map(totals.map((r) => [key(r.orgId, r.indicatorId), r]));
  const targetOf = new Map(targets.map((t) => [key(t.orgId, t.indicatorId), t.value]));
  // A child's floor is its own or the organisation's (which may itself come from above).
  const totalsFor = (id: number, expected: number) =>
    indicators.map((ind) => {
      const chain = id === org.id ? above : [org.id, ...above];
      return indicatorTotal(
        ind,
        rollupOf.get(key(id, ind.id)),
        appliedTarget(ind, id, chain, targetOf),
        expected,
      );
    });
  const sum = (f: (l: dash.LineCounts) => number) => lines.reduce((n, l) => n + f(l), 0);
  const expected = sum((l) => l.expected);
  const late = sum((l) => l.late);
  const missing = dueState.isPastDue ? sum((l) => l.unsubmitted) : 0;
  const self = lines.find((l) => l.lineId === null);
  return {
    orgId: org.id,
    periodKey,
    dueOn: due,
    totals: totalsFor(org.id, expected),
    completeness: {
      expected,
      reported: sum((l) => l.counted),
      onTime: sum((l) => l.onTime),
      late,
      missing,
    },
    children: children.map((c) => ({
      orgId: c.lineId!,
      orgName: c.lineName ?? `#${c.lineId}`,
      expected: c.expected,
      reported: c.counted,
      totals: totalsFor(c.lineId!, c.expected).map(
        ({ code: _c, name: _n, kind: _k, goalPercent: _g, ...t }) => t,
      ),
    })),
    behind,
    behindTotal: late + missing,
    breakdowns: withBreakdown.map((ind) => ({
      indicatorId: ind.id,
      label: ind.breakdown!.label,
      categories: ind.breakdown!.categories.map((c) => ({
        ...c,
        value: parts.find((p) => p.indicatorId === ind.id && p.category === c.code)?.value ?? 0,
      })),
    })),
    submissions,
    isReporter: self !== undefined,
    reportId: self?.reportId ?? null,
  };
}

/** Every late or missing unit of a dashboard, a page at a time, by name (the dashboard names the first few). */
export async function planBehind(
  ctx: Ctx,
  planId: number,
  orgId: number,
  periodKey: string,
  page: { page: number; pageSize: number },
): Promise<DashboardBehindPage> {
  const { plan, org, dueState } = await dashboardScope(ctx, planId, orgId, periodKey);
  const got = await dash.behindPageUnder(ctx.db, plan, periodKey, org.path, dueState, page);
  return { ...got, ...page };
}

import type { DashboardView } from '../../contracts/plans.ts';
import { vnDay } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { isWithin, scopeOf } from '../../platform/scope.ts';
import { findOrgRow, findOrgSummaries } from '../orgs/orgs.repo.ts';
import { dueOn, isPlanPeriod, timeliness } from './periods.ts';
import { planErrors } from './plans.errors.ts';
import * as repo from './plans.repo.ts';

type Indicator = Awaited<ReturnType<typeof repo.planIndicatorsOf>>[number];
type Total = DashboardView['totals'][number];

const round = (n: number) => Math.round(n * 10) / 10;

/** One indicator's total for one organisation, against its target. */
export function indicatorTotal(
  ind: Indicator,
  r: repo.RollupRow | undefined,
  target: number | undefined,
  expected: number,
): Total {
  const value = r?.value ?? 0;
  const denominator = ind.kind === 'ratio' ? (r?.denominator ?? 0) : null;
  let percent: number | null = null;
  if (ind.kind === 'ratio') percent = denominator ? round((value / denominator) * 100) : null;
  if (ind.kind === 'yes_no') percent = expected ? round(((r?.yesCount ?? 0) / expected) * 100) : null;
  let achievementPercent: number | null = null;
  if (target !== undefined && target > 0) {
    const isQuota = ind.kind === 'count' || ind.kind === 'sum';
    // Quotas: actual against target × goal (105% of the quota is "reach or exceed by 5%").
    if (isQuota) achievementPercent = round((value / ((target * ind.goalPercent) / 100)) * 100);
    else if (percent !== null) achievementPercent = round((percent / target) * 100);
  }
  return {
    indicatorId: ind.id,
    code: ind.code,
    name: ind.name,
    kind: ind.kind,
    value,
    denominator,
    percent,
    target: target ?? null,
    achievementPercent,
  };
}

/**
 * The consolidated view of a plan for one organisation and period: totals from the roll-up rows, each
 * against its target; completeness of the expected reporters below it; one line per child to drill into;
 * the units that are late or missing.
 */
export async function planDashboard(
  ctx: Ctx,
  planId: number,
  orgId: number,
  periodKey: string,
): Promise<DashboardView> {
  const scope = scopeOf(ctx.actor);
  const [plan, org] = await Promise.all([
    repo.findPlan(ctx.db, scope, planId),
    findOrgRow(ctx.db, scope, orgId),
  ]);
  if (!plan) throw planErrors.notFound();
  if (!org || !isWithin(org.path, plan.issuerPath)) throw errors.notFound('orgs');
  if (!isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: 'querystring.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  const due = dueOn(plan, periodKey);
  const now = ctx.clock.now();
  const [indicators, reporters] = await Promise.all([
    repo.planIndicatorsOf(ctx.db, planId),
    repo.reportersUnder(ctx.db, plan, periodKey, org.path),
  ]);

  // Each reporter below belongs to the child of `org` on its path (or is `org` itself).
  const depth = org.path.split('.').length;
  const childOf = (path: string) => Number(path.split('.')[depth] ?? org.id);
  const childIds = [...new Set(reporters.map((r) => childOf(r.orgPath)).filter((id) => id !== org.id))];
  const [rollups, targets, childOrgs] = await Promise.all([
    repo.rollupsFor(ctx.db, planId, periodKey, [org.id, ...childIds]),
    repo.targetsFor(ctx.db, planId, [org.id, ...childIds], periodKey),
    findOrgSummaries(ctx.db, { all: true }, childIds),
  ]);
  const totalsFor = (id: number, expected: number) =>
    indicators.map((ind) =>
      indicatorTotal(
        ind,
        rollups.find((r) => r.orgId === id && r.indicatorId === ind.id),
        targets.find((t) => t.orgId === id && t.indicatorId === ind.id)?.value,
        expected,
      ),
    );
  const states = reporters.map((r) => ({
    ...r,
    t: timeliness(due, r.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null, now),
  }));
  const withBreakdown = indicators.filter((i) => i.breakdown);
  const parts = withBreakdown.length ? await repo.breakdownTotals(ctx.db, planId, periodKey, org.path) : [];
  const perDay = new Map<string, { day: string; onTime: number; late: number }>();
  for (const s of states) {
    if (!s.firstSubmittedAt) continue;
    const day = vnDay(new Date(s.firstSubmittedAt));
    const d = perDay.get(day) ?? { day, onTime: 0, late: 0 };
    if (s.t === 'late') d.late++;
    else d.onTime++;
    perDay.set(day, d);
  }
  const self = states.find((s) => s.orgId === org.id);
  const count = (pred: (s: (typeof states)[number]) => boolean) => states.filter(pred).length;
  return {
    orgId: org.id,
    periodKey,
    dueOn: due,
    totals: totalsFor(org.id, reporters.length),
    completeness: {
      expected: reporters.length,
      reported: count((s) => s.counted),
      onTime: count((s) => s.counted && s.t === 'on_time'),
      late: count((s) => s.t === 'late'),
      missing: count((s) => s.t === 'missing'),
    },
    children: childOrgs.map((c) => {
      const under = states.filter((s) => childOf(s.orgPath) === c.id);
      return {
        orgId: c.id,
        orgName: c.name,
        expected: under.length,
        reported: under.filter((s) => s.counted).length,
        totals: totalsFor(c.id, under.length),
      };
    }),
    behind: states
      .filter((s) => s.t === 'late' || s.t === 'missing')
      .map((s) => ({ orgId: s.orgId, orgName: s.orgName, timeliness: s.t as 'late' | 'missing' })),
    breakdowns: withBreakdown.map((ind) => ({
      indicatorId: ind.id,
      label: ind.breakdown!.label,
      categories: ind.breakdown!.categories.map((c) => ({
        ...c,
        value: parts.find((p) => p.indicatorId === ind.id && p.category === c.code)?.value ?? 0,
      })),
    })),
    submissions: [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    isReporter: self !== undefined,
    reportId: self?.reportId ?? null,
  };
}

import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { dueOn, periodRange, planPeriodKeys, timeliness } from '../periods.ts';
import * as repo from './reports.repo.ts';
import { locksOn } from './reports.rules.ts';

type Pair = Awaited<ReturnType<typeof repo.plansReportedBy>>[number];
type Stored = Awaited<ReturnType<typeof repo.reportsOfUnits>>[number];

/** One line of the inbox: a plan, a unit that must report in it, a period, and the report's state. */
function dueItem(p: Pair, key: string, r: Stored | undefined, now: Date) {
  const due = dueOn(p, key);
  return {
    planId: p.id,
    planNumber: p.number,
    planTitle: p.title,
    issuerName: p.issuerName,
    orgId: p.orgId,
    orgName: p.orgName,
    periodKey: key,
    dueOn: due,
    locksOn: locksOn(p, key),
    status: r?.status ?? ('none' as const),
    timeliness: timeliness(due, r?.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null, now),
    reviewComment: r?.reviewComment ?? null,
  };
}

/**
 * The inbox: for every issued plan in which one of the caller's own organisations (where it holds a grant with
 * report.write) must report, each period that has begun — open ones only, or all.
 */
export async function dueReports(ctx: Ctx, state: 'open' | 'all') {
  const orgIds = [
    ...new Set(ctx.actor.grants.filter((g) => g.permissions.includes('report.write')).map((g) => g.orgId)),
  ];
  if (orgIds.length === 0) return [];
  const pairs = await repo.plansReportedBy(ctx.db, orgIds);
  if (pairs.length === 0) return [];
  const reports = await repo.reportsOfUnits(ctx.db, [...new Set(pairs.map((p) => p.id))], orgIds);
  const byKey = new Map(reports.map((r) => [`${r.planId}:${r.orgId}:${r.periodKey}`, r]));
  const now = ctx.clock.now();
  const today = vnDay(now);
  const items = pairs.flatMap((p) =>
    planPeriodKeys(p)
      .filter((key) => p.reportPeriodType === 'once' || periodRange(p.reportPeriodType, key)!.start <= today)
      .map((key) => dueItem(p, key, byKey.get(`${p.id}:${p.orgId}:${key}`), now)),
  );
  const open = (i: (typeof items)[number]) => i.status !== 'submitted' && i.status !== 'accepted';
  return (state === 'open' ? items.filter(open) : items).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

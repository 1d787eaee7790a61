import type { DashboardView } from '../../../contracts/plans.ts';
import { vnDay, vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { formatViDate } from '../../../platform/dates.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { ancestorsOf, findOrgInScope } from '../../orgs/index.ts';
import {
  ancestorsInPlan,
  appliedTarget,
  indicatorTotal,
  planDashboard,
} from '../dashboard/dashboard.service.ts';
import { timeliness } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import { rollupsFor, targetsFor } from '../rollups.repo.ts';
import { orgNames } from './files.repo.ts';

/**
 * The consolidated report of a plan for an organisation's subtree and one period — the document that is
 * sent upward. One data shape for the XLSX export and the PDF summary, built from the dashboard (which
 * checks scope and period) and the roll-up rows of every unit between the organisation and its reporters.
 */
export type Indicator = repo.IndicatorRow;
export type Total = DashboardView['totals'][number];
export type UnitStatus = 'on_time' | 'late' | 'missing' | 'pending' | 'returned';

export type UnitLine = {
  orgId: number;
  orgName: string;
  /** 1 for the organisation's direct units, 2 below them… */
  depth: number;
  isReporter: boolean;
  /** A reporter's state for the period; null for units that only aggregate. */
  status: UnitStatus | null;
  /** Vietnamese calendar day of the first submission (ISO). */
  submittedOn: string | null;
  expected: number;
  reported: number;
  totals: Total[];
};

export type Consolidated = {
  plan: repo.PlanRow;
  org: { id: number; name: string; parentName: string | null };
  periodKey: string;
  periodLabel: string;
  dueOn: string;
  today: string;
  indicators: Indicator[];
  totals: Total[];
  completeness: DashboardView['completeness'];
  units: UnitLine[];
  behind: {
    orgId: number;
    orgName: string;
    parentName: string | null;
    status: 'late' | 'missing';
    submittedOn: string | null;
    daysLate: number;
  }[];
};

export const statusLabel: Record<UnitStatus, string> = {
  on_time: 'Đúng hạn',
  late: 'Muộn',
  missing: 'Chưa nộp',
  pending: 'Đang chờ',
  returned: 'Bị trả lại',
};

export const planKindLabel: Record<repo.PlanRow['kind'], string> = {
  plan: 'Kế hoạch',
  guidance: 'Hướng dẫn',
  programme: 'Chương trình',
  official_letter: 'Công văn',
};

const roman = ['I', 'II', 'III', 'IV'];

/** "Năm 2024", "6 tháng đầu năm 2024", "Quý II/2024", "Tháng 05/2024", or the plan's span for a one-off. */
export function periodLabel(plan: { periodStart: string; periodEnd: string }, key: string): string {
  if (key === 'once') return `Từ ${formatViDate(plan.periodStart)} đến ${formatViDate(plan.periodEnd)}`;
  const [y, part] = key.split('-');
  if (!part) return `Năm ${y}`;
  if (part === 'H1') return `6 tháng đầu năm ${y}`;
  if (part === 'H2') return `6 tháng cuối năm ${y}`;
  if (part.startsWith('Q')) return `Quý ${roman[Number(part.slice(1)) - 1]}/${y}`;
  return `Tháng ${part}/${y}`;
}

const dayDiff = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const byName = (a: { orgName: string }, b: { orgName: string }) => a.orgName.localeCompare(b.orgName, 'vi');

export async function consolidatedReport(
  ctx: Ctx,
  planId: number,
  orgId: number,
  periodKey: string,
): Promise<Consolidated> {
  // The dashboard decides who may see what: plan visible, organisation in scope and under the issuer.
  const dash = await planDashboard(ctx, planId, orgId, periodKey);
  const scope = scopeOf(ctx.actor);
  const [plan, org] = await Promise.all([
    repo.findPlan(ctx.db, scope, planId),
    findOrgInScope(ctx.db, scope, orgId),
  ]);
  if (!plan) throw planErrors.notFound();
  if (!org) throw errors.notFound('orgs');
  const [indicators, reporters, ancestors] = await Promise.all([
    repo.planIndicatorsOf(ctx.db, planId),
    repo.reportersUnder(ctx.db, plan, periodKey, org.path),
    ancestorsOf(ctx.db, org.path),
  ]);

  // Every unit on a path from the organisation down to one of its reporters, with its parent in that tree.
  const depth0 = org.path.split('.').length;
  const parentOf = new Map<number, number>();
  const expected = new Map<number, number>();
  const reported = new Map<number, number>();
  const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const r of reporters) {
    const labels = r.orgPath.split('.').slice(depth0).map(Number);
    labels.forEach((id, i) => {
      parentOf.set(id, i === 0 ? org.id : labels[i - 1]!);
      bump(expected, id);
      if (r.counted) bump(reported, id);
    });
  }
  const childrenOf = new Map<number, number[]>();
  for (const [id, parentId] of parentOf) childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), id]);
  const ids = [...parentOf.keys()];
  // Floors set for the organisation or above it apply to every unit below: their targets come too.
  const above = [org.id, ...ancestorsInPlan(org.path, plan.issuerPath)];
  const [names, rollups, targets] = await Promise.all([
    orgNames(ctx.db, ids),
    rollupsFor(ctx.db, planId, periodKey, ids),
    targetsFor(ctx.db, planId, [...ids, ...above], periodKey),
  ]);
  /** A unit's ancestors up to the organisation and above it, nearest first. */
  const chainOf = (id: number): number[] => {
    const up: number[] = [];
    for (let p = parentOf.get(id); p !== undefined && p !== org.id; p = parentOf.get(p)) up.push(p);
    return [...up, ...above];
  };
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const rollupOf = new Map(rollups.map((r) => [`${r.orgId}:${r.indicatorId}`, r]));
  const targetOf = new Map(targets.map((t) => [`${t.orgId}:${t.indicatorId}`, t.value]));
  const now = ctx.clock.now();
  const reporterById = new Map(reporters.map((r) => [r.orgId, r]));
  const stateOf = (id: number) => {
    const r = reporterById.get(id);
    if (!r) return null;
    const first = r.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null;
    const t = timeliness(dash.dueOn, first, now);
    // Submitted once, then returned by the reviewer: not counted until submitted again.
    const status: UnitStatus = first && !r.counted ? 'returned' : t;
    return { status, submittedOn: first ? vnDay(first) : null, counted: r.counted };
  };

  const lines: UnitLine[] = [];
  const walk = (parentId: number, depth: number) => {
    const kids = (childrenOf.get(parentId) ?? [])
      .map((id) => ({ id, orgName: nameOf.get(id) ?? reporterById.get(id)?.orgName ?? `#${id}` }))
      .sort(byName);
    for (const k of kids) {
      const state = stateOf(k.id);
      lines.push({
        orgId: k.id,
        orgName: k.orgName,
        depth,
        isReporter: state !== null,
        status: state?.status ?? null,
        submittedOn: state?.submittedOn ?? null,
        expected: expected.get(k.id) ?? 0,
        reported: reported.get(k.id) ?? 0,
        totals: indicators.map((ind) =>
          indicatorTotal(
            ind,
            rollupOf.get(`${k.id}:${ind.id}`),
            appliedTarget(ind, k.id, chainOf(k.id), targetOf),
            expected.get(k.id) ?? 0,
          ),
        ),
      });
      walk(k.id, depth + 1);
    }
  };
  walk(org.id, 1);

  // Every late or missing unit, by name (the dashboard names only the first few).
  const behind = reporters.flatMap((r) => {
    const first = r.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null;
    const status = timeliness(dash.dueOn, first, now);
    if (status !== 'late' && status !== 'missing') return [];
    const submittedOn = first ? vnDay(first) : null;
    const parentId = parentOf.get(r.orgId);
    return [
      {
        orgId: r.orgId,
        orgName: r.orgName,
        parentName: parentId === undefined || parentId === org.id ? null : (nameOf.get(parentId) ?? null),
        status,
        submittedOn,
        daysLate: dayDiff(dash.dueOn, submittedOn ?? vnDay(now)),
      },
    ];
  });

  return {
    plan,
    org: { id: org.id, name: org.name, parentName: ancestors.at(-1)?.name ?? null },
    periodKey,
    periodLabel: periodLabel(plan, periodKey),
    dueOn: dash.dueOn,
    today: vnToday(ctx.clock),
    indicators,
    totals: dash.totals,
    completeness: dash.completeness,
    units: lines,
    behind,
  };
}

/** "3/4 đơn vị đã báo cáo, 2 đúng hạn, 1 muộn, 1 chưa nộp". */
export function completenessText(c: DashboardView['completeness']): string {
  const parts = [`${c.reported}/${c.expected} đơn vị đã báo cáo`, `${c.onTime} đúng hạn`];
  if (c.late) parts.push(`${c.late} muộn`);
  if (c.missing) parts.push(`${c.missing} chưa nộp`);
  return parts.join(', ');
}

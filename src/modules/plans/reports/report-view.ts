import type { ReportView } from '../../../contracts/plans.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { timeliness } from '../periods.ts';
import * as plansRepo from '../plans.repo.ts';
import type { ReportRow, StoredValue } from './reports.repo.ts';
import * as repo from './reports.repo.ts';
import { locksOn } from './reports.rules.ts';

/** A report as the API answers it: the row with its values, timeliness and the day its form closes. */

export async function reportView(
  ctx: Ctx,
  db: Db | Tx,
  id: number,
  plan?: plansRepo.PlanRow,
): Promise<ReportView> {
  const { report, values } = (await repo.reportWithValues(db, id))!;
  const p = plan ?? (await plansRepo.findPlan(db, { all: true }, report.planId))!;
  const { firstSubmittedAt, ...rest } = report;
  return {
    ...rest,
    submittedAt: report.submittedAt ? new Date(report.submittedAt).toISOString() : null,
    timeliness: timeliness(
      report.dueOn,
      firstSubmittedAt ? new Date(firstSubmittedAt) : null,
      ctx.clock.now(),
    ),
    values,
    locksOn: locksOn(p, report.periodKey),
  };
}

const byCategory = (a: { category: string }, b: { category: string }) =>
  a.category < b.category ? -1 : a.category > b.category ? 1 : 0;

/** The answer of a save, from what the transaction wrote: the same shape `reportView` reads back. */
export function savedView(
  ctx: Ctx,
  plan: plansRepo.PlanRow,
  saved: { orgId: number; orgName: string; row: ReportRow },
  values: StoredValue[],
): ReportView {
  const { row } = saved;
  return {
    id: row.id,
    planId: plan.id,
    orgId: saved.orgId,
    orgName: saved.orgName,
    periodKey: row.periodKey,
    status: row.status,
    dueOn: row.dueOn,
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    timeliness: timeliness(row.dueOn, row.firstSubmittedAt, ctx.clock.now()),
    reviewComment: row.reviewComment,
    version: row.version,
    locksOn: locksOn(plan, row.periodKey),
    values: [...values]
      .sort((a, b) => a.indicatorId - b.indicatorId)
      .map((v) => ({
        indicatorId: v.indicatorId,
        value: v.value,
        denominator: v.denominator ?? null,
        breakdown: v.breakdown?.length ? [...v.breakdown].sort(byCategory) : null,
      })),
  };
}

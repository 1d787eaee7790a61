import type { z } from 'zod';
import type { ReportView, saveReportBody } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, pathInScope, scopeOf } from '../../../platform/scope.ts';
import { dueOn, isPlanPeriod } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import * as plansRepo from '../plans.repo.ts';
import { applyRollup } from '../rollups.repo.ts';
import { savedView } from './report-view.ts';
import * as repo from './reports.repo.ts';
import { locksOn, validateValues } from './reports.rules.ts';
import { notifyReviewers } from './review-queue.service.ts';

type SaveInput = z.output<typeof saveReportBody>;

/**
 * The report row of a save: a first save (version 0) inserts at once; otherwise, or when another user created
 * it a moment ago, the row is read under lock and checked (version, locked, form closed) and updated.
 */
async function writeReportRow(
  tx: Tx,
  ctx: Ctx,
  plan: plansRepo.PlanRow,
  reporterPath: string,
  input: SaveInput,
) {
  const now = ctx.clock.now();
  // A returned report may always be corrected: the reviewer reopened it.
  const closesAfter = locksOn(plan, input.periodKey);
  const isClosed = closesAfter !== null && vnDay(now) > closesAfter;
  const submitted = (first: Date | null) =>
    input.submit ? { submittedAt: now, firstSubmittedAt: first ?? now } : {};
  if (input.version === 0) {
    const created = await repo.insertReport(tx, {
      planId: plan.id,
      orgId: input.orgId,
      orgPath: reporterPath,
      periodKey: input.periodKey,
      status: input.submit ? 'submitted' : 'draft',
      dueOn: dueOn(plan, input.periodKey),
      ...submitted(null),
    });
    if (created) {
      if (isClosed) throw planErrors.formClosed(closesAfter!); // rolls the insert back
      return { row: created, isNew: true };
    }
  }
  const existing = await repo.lockReportOf(tx, plan.id, input.orgId, input.periodKey);
  if (!existing || existing.version !== input.version)
    throw planErrors.reportVersionConflict(existing?.version ?? 0);
  if (existing.status === 'submitted' || existing.status === 'accepted')
    throw planErrors.reportLocked(existing.status);
  if (isClosed && existing.status !== 'returned') throw planErrors.formClosed(closesAfter!);
  const row = await repo.updateReport(tx, existing.id, {
    status: input.submit ? 'submitted' : existing.status,
    ...submitted(existing.firstSubmittedAt),
    version: existing.version + 1,
    updatedAt: now,
  });
  return { row, isNew: false };
}

/** The plan, the reporting unit and the plan's indicators of a save, once the caller may write for the unit. */
async function checkedSave(ctx: Ctx, planId: number, input: SaveInput) {
  // The checks' reads go in parallel before the transaction: none takes a lock, so inside it they would read
  // the same committed rows, only one round trip after another.
  const [plan, reporter, indicators] = await Promise.all([
    plansRepo.findPlan(ctx.db, scopeOf(ctx.actor), planId),
    plansRepo.findRecipient(ctx.db, planId, input.orgId),
    plansRepo.planIndicatorsOf(ctx.db, planId),
  ]);
  if (!plan) throw planErrors.notFound();
  if (plan.status !== 'issued') throw planErrors.notIssued();
  if (reporter?.role !== 'reporter') throw planErrors.notReporter();
  if (!hasPermission(ctx.actor, 'report.write', reporter.orgPath)) {
    throw pathInScope(scopeOf(ctx.actor), reporter.orgPath)
      ? errors.forbidden()
      : errors.idNotFound('body.orgId');
  }
  if (!isPlanPeriod(plan, input.periodKey))
    throw errors.validation([{ path: 'body.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  const issues = validateValues(indicators, input.values, input.submit);
  if (issues.length) throw errors.validation(issues);
  return { plan, reporter };
}

/** Saves a draft or submits. Submitting adds the values to every total up to the issuer, in this transaction. */
export async function saveReport(ctx: Ctx, planId: number, input: SaveInput): Promise<ReportView> {
  const { plan, reporter } = await checkedSave(ctx, planId, input);
  const values = input.values.filter((v): v is repo.StoredValue => v.value !== null && v.value !== undefined);
  const { row } = await ctx.db.transaction(async (tx) => {
    const written = await writeReportRow(tx, ctx, plan, reporter.orgPath, input);
    const reportId = written.row.id;
    await repo.writeValues(tx, reportId, values, written.isNew);
    if (input.submit) {
      const { periodKey } = input;
      const rollup = {
        planId,
        reportId,
        periodKey,
        reporterPath: reporter.orgPath,
        issuerPath: plan.issuerPath,
      };
      await applyRollup(tx, rollup, 1);
      const { row } = written;
      await notifyReviewers(tx, plan, { ...row, orgName: reporter.orgName, periodKey });
    }
    await recordAudit(tx, ctx, {
      action: input.submit ? 'submit' : 'save_draft',
      entityType: 'plan_report',
      entityId: reportId,
      orgId: input.orgId,
      orgPath: reporter.orgPath,
      after: { planId, periodKey: input.periodKey, values },
    });
    return written;
  });
  return savedView(ctx, plan, { orgId: input.orgId, orgName: reporter.orgName, row }, values);
}

import type { z } from 'zod';
import type {
  ReportListPage,
  ReportView,
  reportListQuery,
  reviewReportBody,
} from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, pathInScope, scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { dashboardScope } from '../dashboard/dashboard.service.ts';
import { planErrors } from '../plans.errors.ts';
import * as plansRepo from '../plans.repo.ts';
import { applyRollup } from '../rollups.repo.ts';
import { reportView } from './report-view.ts';
import * as repo from './reports.repo.ts';
import { reviewPage } from './review.repo.ts';

type ReviewInput = z.output<typeof reviewReportBody>;

/** The report under review, locked, once the caller may review it and the decision fits its state. */
async function reviewable(ctx: Ctx, tx: Tx, planId: number, reportId: number, input: ReviewInput) {
  const plan = await plansRepo.findPlan(tx, scopeOf(ctx.actor), planId);
  const report = await repo.lockReport(tx, planId, reportId);
  if (!plan || !report) throw planErrors.notFound();
  if (!hasPermission(ctx.actor, 'plan.manage', plan.issuerPath))
    throw errors.forbidden('Chỉ cơ quan ban hành mới duyệt báo cáo.');
  if (report.version !== input.version) throw planErrors.reportVersionConflict(report.version);
  const counted = report.status === 'submitted' || report.status === 'accepted';
  if (!counted || (input.decision === 'accept' && report.status === 'accepted'))
    throw planErrors.notReviewable();
  if (input.decision === 'return' && !input.comment) {
    throw errors.validation([{ path: 'body.comment', message: 'Trả lại (mở khoá) cần ghi lý do' }]);
  }
  return { plan, report };
}

/** A reviewer's comment as one sentence: its own closing mark kept, a full stop added only when it has none. */
export function asSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** A returned report: its unit's clerks are told why, and its values leave every total up to the issuer. */
async function returnReport(
  tx: Tx,
  plan: plansRepo.PlanRow,
  report: repo.ReportRow,
  comment: string | null | undefined,
) {
  const users = await plansRepo.usersGrantedAt(tx, [report.orgId], ['report.write']);
  await notifyUsers(
    tx,
    users.map((u) => ({
      userId: u.userId,
      kind: 'report_returned',
      title: `Báo cáo bị trả lại: ${plan.number}`,
      body: `Lý do: ${asSentence(comment ?? '')} Hãy sửa và nộp lại.`,
      link: `/plans/${plan.id}/report?orgId=${report.orgId}&period=${report.periodKey}`,
      dedupeKey: `report:${report.id}:returned:v${report.version}`,
    })),
  );
  const { planId, id: reportId, periodKey, orgPath: reporterPath } = report;
  await applyRollup(tx, { planId, reportId, periodKey, reporterPath, issuerPath: plan.issuerPath }, -1);
}

/**
 * One review decision inside the caller's transaction: checked (scope, permission, version, state), written,
 * and audited. Returning takes the report's values back out of the totals.
 */
export async function applyReview(ctx: Ctx, tx: Tx, planId: number, reportId: number, input: ReviewInput) {
  const { plan, report } = await reviewable(ctx, tx, planId, reportId, input);
  const status = input.decision === 'accept' ? ('accepted' as const) : ('returned' as const);
  await repo.updateReport(tx, reportId, {
    status,
    reviewedBy: ctx.actor.userId,
    reviewComment: input.comment ?? null,
    version: report.version + 1,
    updatedAt: ctx.clock.now(),
  });
  if (status === 'returned') await returnReport(tx, plan, report, input.comment);
  await recordAudit(tx, ctx, {
    action: input.decision,
    entityType: 'plan_report',
    entityId: reportId,
    orgId: report.orgId,
    orgPath: report.orgPath,
    before: { status: report.status },
    after: { status, comment: input.comment ?? null },
  });
  return plan;
}

/** The issuer accepts (locks) or returns a report. */
export async function reviewReport(ctx: Ctx, planId: number, reportId: number, input: ReviewInput) {
  const plan = await ctx.db.transaction((tx) => applyReview(ctx, tx, planId, reportId, input));
  return reportView(ctx, ctx.db, reportId, plan);
}

/** A submitted report, for whoever may read the plan and the unit: the issuer's reviewers, the unit itself. */
export async function getReport(ctx: Ctx, planId: number, reportId: number): Promise<ReportView> {
  const scope = scopeOf(ctx.actor);
  const plan = await plansRepo.findPlan(ctx.db, scope, planId);
  const orgPath = await repo.reportOrgPath(ctx.db, planId, reportId);
  if (!plan || !orgPath || !pathInScope(scope, orgPath)) throw planErrors.notFound();
  return reportView(ctx, ctx.db, reportId, plan);
}

/**
 * The reviewer's queue: the expected reporters under an organisation (the issuer or one of its lines) for a
 * period with their report's state, a page at a time, filtered by state, timeliness and name.
 */
export async function listReports(
  ctx: Ctx,
  planId: number,
  query: z.output<typeof reportListQuery>,
): Promise<ReportListPage> {
  const { orgId, periodKey, page, pageSize, ...filter } = query;
  const { plan, org, due, dueState } = await dashboardScope(ctx, planId, orgId, periodKey);
  const got = await reviewPage(ctx.db, plan, periodKey, org.path, dueState, { ...filter, page, pageSize });
  return {
    items: got.items.map((r) => ({
      ...r,
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      dueOn: due,
    })),
    total: got.total,
    page,
    pageSize,
  };
}

import type { z } from 'zod';
import type { acceptReportsBody, ReviewQueuePage, reviewQueueQuery } from '../../../contracts/plans.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { usersHoldingOver } from '../../users/index.ts';
import type { PlanRow } from '../plans.repo.ts';
import * as plansRepo from '../plans.repo.ts';
import * as reportsRepo from './reports.repo.ts';
import { applyReview } from './review.service.ts';
import { reviewQueueGroups, reviewQueuePage } from './review-queue.repo.ts';

/** The reports waiting for the caller's review across every plan it reviews, a page at a time. */
export async function reviewQueue(ctx: Ctx, q: z.output<typeof reviewQueueQuery>): Promise<ReviewQueuePage> {
  if (q.planId && !(await plansRepo.findPlan(ctx.db, scopeOf(ctx.actor), q.planId)))
    throw errors.idNotFound('querystring.planId');
  const scope = scopeOf(ctx.actor, 'plan.manage');
  const [got, groups] = await Promise.all([
    reviewQueuePage(ctx.db, scope, q),
    reviewQueueGroups(ctx.db, scope),
  ]);
  return {
    items: got.items.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt).toISOString() })),
    total: got.total,
    page: q.page,
    pageSize: q.pageSize,
    groups,
  };
}

/**
 * Accepts several reports in one transaction: each one checked like a single acceptance (scope, permission,
 * version, state) and audited on its own; the first refusal rolls the whole batch back.
 */
export async function acceptReports(ctx: Ctx, input: z.output<typeof acceptReportsBody>) {
  await ctx.db.transaction(async (tx) => {
    // Every id first, through the caller's scope: one it does not see (a plan, or a report not of that plan)
    // refuses the whole batch, naming the element.
    const scope = scopeOf(ctx.actor);
    const unknown: string[] = [];
    for (const [i, r] of input.reports.entries()) {
      if (!(await plansRepo.findPlan(tx, scope, r.planId))) unknown.push(`body.reports.${i}.planId`);
      else if (!(await reportsRepo.lockReport(tx, r.planId, r.reportId)))
        unknown.push(`body.reports.${i}.reportId`);
    }
    if (unknown.length) throw errors.idNotFound(...unknown);
    for (const r of input.reports)
      await applyReview(ctx, tx, r.planId, r.reportId, { version: r.version, decision: 'accept' });
  });
  return { accepted: input.reports.length };
}

/** A unit submitted: the issuer's reviewers (plan.manage over it) are told a report waits for them. */
export async function notifyReviewers(
  tx: Tx,
  plan: PlanRow,
  report: { id: number; orgName: string; periodKey: string; version: number },
) {
  const reviewers = await usersHoldingOver(tx, plan.issuerPath, ['plan.manage']);
  await notifyUsers(
    tx,
    reviewers.map((userId) => ({
      userId,
      kind: 'report_submitted',
      title: `Báo cáo mới chờ duyệt: ${plan.number}`,
      body: `${report.orgName} đã nộp báo cáo kỳ ${report.periodKey}.`,
      link: `/plans/${plan.id}?tab=reports&period=${report.periodKey}`,
      dedupeKey: `report:${report.id}:submitted:v${report.version}`,
    })),
  );
}

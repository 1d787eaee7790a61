import type { Ctx } from '../../platform/context.ts';
import { HOME_ITEMS, type HomeSource } from '../../platform/home.ts';
import { scopeOf } from '../../platform/scope.ts';
import { dueReports } from './reports/due-reports.service.ts';
import { plansReportedBy } from './reports/reports.repo.ts';
import { reviewQueuePage } from './reports/review-queue.repo.ts';

const reviews = (ctx: Ctx) => {
  const scope = scopeOf(ctx.actor, 'plan.manage');
  return scope.all || scope.paths.length > 0 ? scope : null;
};

/** The plans' blocks of the home page: reports to review (reviewers), reports due (reporting units). */
export const plansHomeBlocks: HomeSource[] = [
  {
    key: 'plans.reports_to_review',
    async load(ctx) {
      const scope = reviews(ctx);
      if (!scope) return null;
      const got = await reviewQueuePage(ctx.db, scope, { page: 1, pageSize: HOME_ITEMS });
      return {
        count: got.total,
        urgent: null,
        link: '/reports/review',
        items: got.items.map((r) => ({
          title: `${r.planNumber} — ${r.orgName}`,
          detail: r.planTitle,
          period: r.periodKey,
          date: new Date(r.submittedAt).toISOString(),
          link: `/plans/${r.planId}?tab=reports&period=${r.periodKey}`,
        })),
      };
    },
  },
  {
    key: 'plans.reports_due',
    async load(ctx) {
      const orgIds = ctx.actor.grants
        .filter((g) => g.permissions.includes('report.write'))
        .map((g) => g.orgId);
      // Units that report in no plan have no block: the centre's or an enterprise's staff write reports elsewhere.
      if (orgIds.length === 0 || (await plansReportedBy(ctx.db, orgIds)).length === 0) return null;
      const due = await dueReports(ctx, 'open');
      return {
        count: due.length,
        urgent: due.filter((r) => r.timeliness === 'missing').length,
        link: '/reports',
        items: due.slice(0, HOME_ITEMS).map((r) => ({
          title: `${r.planNumber} — ${r.orgName}`,
          detail: r.planTitle,
          period: r.periodKey,
          date: r.dueOn,
          link: `/plans/${r.planId}/report?orgId=${r.orgId}&period=${r.periodKey}`,
        })),
      };
    },
  },
];

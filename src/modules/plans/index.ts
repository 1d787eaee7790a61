import { plansAuditWords } from '../../contracts/plans/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { planFileRoutes } from './files/files.routes.ts';
import { plansHomeBlocks } from './home-blocks.ts';
import { implementingRoutes } from './implementing/implementing.routes.ts';
import { planIndicatorSources } from './indicator-sources.ts';
import { planRoutes } from './lifecycle/lifecycle.routes.ts';
import { plansErrors } from './plans.errors.ts';
import { recipientRoutes } from './recipients/recipients.routes.ts';
import { reminderJob } from './reports/reminders.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { rehomeRollups } from './rollups.repo.ts';
import { targetRoutes } from './targets/targets.routes.ts';

export const plansModule: ModuleDef = {
  name: 'plans',
  tags: [{ name: 'Kế hoạch & báo cáo', description: 'Kế hoạch, chỉ tiêu, báo cáo và tổng hợp' }],
  routes: [
    planRoutes,
    implementingRoutes,
    recipientRoutes,
    activityRoutes,
    targetRoutes,
    reportRoutes,
    dashboardRoutes,
    planFileRoutes,
  ],
  pathCopies: [
    { table: 'plans', column: 'issuer_path' },
    { table: 'plan_recipients', column: 'org_path' },
    { table: 'plan_reports', column: 'org_path' },
  ],
  subtreeMoveHooks: { 'plans.rollups': rehomeRollups },
  indicatorSources: planIndicatorSources,
  homeBlocks: plansHomeBlocks,
  jobs: [reminderJob],
  errors: [plansErrors.catalogue],
  auditWords: [plansAuditWords],
};

// The public face of the reporting engine.
export { dueOn, type PlanPeriods, planPeriodKeys } from './periods.ts';
export { expectedSql } from './plans.repo.ts';
// The daily reminder job, for the scheduler's tests (src/modules/notifications/notifications.test.ts).
export { duePeriods, REMINDERS_JOB, reminderJob, runReportReminders } from './reports/reminders.ts';

import type { ModuleDef } from '../../platform/modules.ts';
import { planIndicatorSources } from './indicator-sources.ts';
import { planFileRoutes } from './plans.files.routes.ts';
import { rehomeRollups } from './plans.repo.ts';
import { planRoutes } from './plans.routes.ts';

export const plansModule: ModuleDef = {
  name: 'plans',
  tags: [{ name: 'Kế hoạch & báo cáo', description: 'Kế hoạch, chỉ tiêu, báo cáo và tổng hợp' }],
  routes: [planRoutes, planFileRoutes],
  pathCopies: [
    { table: 'plans', column: 'issuer_path' },
    { table: 'plan_recipients', column: 'org_path' },
    { table: 'plan_reports', column: 'org_path' },
  ],
  subtreeMoveHooks: { 'plans.rollups': rehomeRollups },
  indicatorSources: planIndicatorSources,
};

// The public face of the reporting engine.
export { dueOn, type PlanPeriods, planPeriodKeys } from './periods.ts';
export { expectedSql } from './plans.repo.ts';

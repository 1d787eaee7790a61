import { idParam } from '../../../contracts/common.ts';
import {
  dashboardBehindPage,
  dashboardBehindQuery,
  dashboardQuery,
  dashboardView,
} from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { tags } from '../plans.schemas.ts';
import { planBehind, planDashboard } from './dashboard.service.ts';

/** A plan's dashboard for an organisation and period, and its units behind. */
export const dashboardRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/plans/:id/dashboard',
    {
      schema: {
        tags,
        summary: 'Totals, targets, completeness and lateness for an organisation and period',
        params: idParam,
        querystring: dashboardQuery,
        response: { 200: dashboardView },
      },
    },
    (req) => planDashboard(ctxOf(req, deps), req.params.id, req.query.orgId, req.query.periodKey),
  );
  app.get(
    '/api/plans/:id/dashboard/behind',
    {
      schema: {
        tags,
        summary: 'Every late or missing unit under an organisation for a period, by name, a page at a time',
        params: idParam,
        querystring: dashboardBehindQuery,
        response: { 200: dashboardBehindPage },
      },
    },
    (req) => {
      const { orgId, periodKey, page, pageSize } = req.query;
      return planBehind(ctxOf(req, deps), req.params.id, orgId, periodKey, { page, pageSize });
    },
  );
};

import { z } from 'zod';
import { idParam } from '../../contracts/common.ts';
import {
  createPlanBody,
  dashboardQuery,
  dashboardView,
  planView,
  reportView,
  reviewReportBody,
  saveReportBody,
  setTargetsBody,
  targetSplit,
} from '../../contracts/plans.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { planDashboard } from './dashboard.service.ts';
import * as plans from './plans.service.ts';
import * as reports from './reports.service.ts';

const tags = ['Kế hoạch & báo cáo'];
const planListItem = planView.omit({ indicators: true, reporters: true });

export const planRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Plans issued by or sent to the caller’s organisations',
        response: { 200: z.array(planListItem) },
      },
    },
    (req) => plans.listPlans(ctxOf(req, deps)),
  );
  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'One plan with indicators and recipients',
        params: idParam,
        response: { 200: planView },
      },
    },
    (req) => plans.getPlan(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/plans',
    { schema: { tags, summary: 'Draft a plan', body: createPlanBody, response: { 201: planView } } },
    async (req, reply) => reply.status(201).send(await plans.createPlan(ctxOf(req, deps), req.body)),
  );
  app.post(
    '/api/plans/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue a draft plan',
        params: idParam,
        body: z.object({ version: z.number().int().positive() }),
        response: { 200: planView },
      },
    },
    (req) => plans.issuePlan(ctxOf(req, deps), req.params.id, req.body.version),
  );
  app.put(
    '/api/plans/:id/targets',
    {
      schema: {
        tags,
        summary: 'Set targets for units of one parent; answers how the split adds up',
        params: idParam,
        body: setTargetsBody,
        response: { 200: targetSplit },
      },
    },
    (req) => plans.setTargets(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/plans/:id/reports',
    {
      schema: {
        tags,
        summary: 'Save a report draft or submit it (rolled up at once)',
        params: idParam,
        body: saveReportBody,
        response: { 200: reportView },
      },
    },
    (req) => reports.saveReport(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/plans/:id/reports/:reportId/review',
    {
      schema: {
        tags,
        summary: 'Accept (lock) or return a report',
        params: idParam.extend({ reportId: z.coerce.number().int().positive() }),
        body: reviewReportBody,
        response: { 200: reportView },
      },
    },
    (req) => reports.reviewReport(ctxOf(req, deps), req.params.id, req.params.reportId, req.body),
  );
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
};

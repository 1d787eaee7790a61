import { z } from 'zod';
import { id, idParam, idText, okBody } from '../../../contracts/common.ts';
import {
  activityActualsBody,
  activityInput,
  activityView,
  amendPlanBody,
  createPlanBody,
  dashboardBehindPage,
  dashboardBehindQuery,
  dashboardQuery,
  dashboardView,
  dueReportItem,
  dueReportsQuery,
  implementPlanBody,
  indicatorSourceView,
  planView,
  recipientsPage,
  recipientsQuery,
  reportFormQuery,
  reportFormView,
  reportListPage,
  reportListQuery,
  reportView,
  reviewReportBody,
  saveReportBody,
  setTargetsBody,
  targetSplit,
  targetsQuery,
  targetTableView,
  updatePlanBody,
} from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { listIndicatorSources } from '../../../platform/indicators.ts';
import * as activities from '../activities/activities.service.ts';
import { planBehind, planDashboard } from '../dashboard/dashboard.service.ts';
import { implementPlan } from '../implementing/implementing.service.ts';
import { listRecipients } from '../recipients/recipients.service.ts';
import * as reports from '../reports/reports.service.ts';
import { setTargets, targetTable } from '../targets/targets.service.ts';
import { amendPlan } from './amend.service.ts';
import * as lifecycle from './lifecycle.service.ts';
import { getPlan, listPlans } from './plan-detail.service.ts';

const plans = { ...lifecycle, amendPlan, getPlan, listPlans, implementPlan, setTargets, targetTable };

const tags = ['Kế hoạch & báo cáo'];
const planListItem = planView.pick({
  id: true,
  issuerOrgId: true,
  issuerName: true,
  kind: true,
  number: true,
  title: true,
  issuedOn: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  reportPeriodType: true,
  reportDueOn: true,
  implementsPlanId: true,
  revision: true,
  version: true,
});
const versionBody = z.object({ version: id });
const activityParams = idParam.extend({ activityId: idText });

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
        summary:
          'One plan with indicators, activities, revisions and its recipients counted (the first 20 named)',
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
  app.put(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft plan: its fields whole; recipients added and removed, or replaced whole',
        params: idParam,
        body: updatePlanBody,
        response: { 200: planView },
      },
    },
    (req) => plans.updatePlan(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/plans/:id/amend',
    {
      schema: {
        tags,
        summary: 'Amend an issued plan by a dated revision',
        params: idParam,
        body: amendPlanBody,
        response: { 200: planView },
      },
    },
    (req) => plans.amendPlan(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/plans/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an issued plan',
        params: idParam,
        body: versionBody,
        response: { 200: planView },
      },
    },
    (req) => plans.closePlan(ctxOf(req, deps), req.params.id, req.body.version),
  );
  app.post(
    '/api/plans/:id/implement',
    {
      schema: {
        tags,
        summary: 'Draft an implementing plan for a recipient, inheriting indicators, reporting and targets',
        params: idParam,
        body: implementPlanBody,
        response: { 201: planView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await plans.implementPlan(ctxOf(req, deps), req.params.id, req.body.issuerOrgId)),
  );
  app.post(
    '/api/plans/:id/activities',
    {
      schema: {
        tags,
        summary: 'Add an activity',
        params: idParam,
        body: activityInput,
        response: { 201: activityView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await activities.addActivity(ctxOf(req, deps), req.params.id, req.body)),
  );
  app.put(
    '/api/plans/:id/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Edit an activity',
        params: activityParams,
        body: activityInput.and(versionBody),
        response: { 200: activityView },
      },
    },
    (req) => activities.updateActivity(ctxOf(req, deps), req.params.id, req.params.activityId, req.body),
  );
  app.delete(
    '/api/plans/:id/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Remove an activity of a draft plan',
        params: activityParams,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await activities.removeActivity(ctxOf(req, deps), req.params.id, req.params.activityId);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/plans/:id/activities/:activityId/actuals',
    {
      schema: {
        tags,
        summary: 'Report the actual outputs of an activity (lead organisation or issuer)',
        params: activityParams,
        body: activityActualsBody,
        response: { 200: activityView },
      },
    },
    (req) => activities.reportActuals(ctxOf(req, deps), req.params.id, req.params.activityId, req.body),
  );
  app.get(
    '/api/plans/:id/targets',
    {
      schema: {
        tags,
        summary: 'Targets of one parent and its units (the cascade table)',
        params: idParam,
        querystring: targetsQuery,
        response: { 200: targetTableView },
      },
    },
    (req) => plans.targetTable(ctxOf(req, deps), req.params.id, req.query.parentOrgId, req.query.periodKey),
  );
  app.get(
    '/api/plans/:id/reports',
    {
      schema: {
        tags,
        summary:
          'The reviewer’s queue: reporters under an organisation for a period with their report state, a page at a time (filter by status, timeliness, name; sort by name, submission, status)',
        params: idParam,
        querystring: reportListQuery,
        response: { 200: reportListPage },
      },
    },
    (req) => reports.listReports(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/plans/:id/recipients',
    {
      schema: {
        tags,
        summary:
          'A plan’s recipients, a page at a time: by role, by name without diacritics, or those the caller may report for or implement as',
        params: idParam,
        querystring: recipientsQuery,
        response: { 200: recipientsPage },
      },
    },
    (req) => listRecipients(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/plans/:id/report-form',
    {
      schema: {
        tags,
        summary: 'The report of one unit and period, or an empty form to start one',
        params: idParam,
        querystring: reportFormQuery,
        response: { 200: reportFormView },
      },
    },
    (req) => reports.reportForm(ctxOf(req, deps), req.params.id, req.query.orgId, req.query.periodKey),
  );
  app.get(
    '/api/plans/:id/reports/:reportId',
    {
      schema: {
        tags,
        summary: 'One submitted report',
        params: idParam.extend({ reportId: idText }),
        response: { 200: reportView },
      },
    },
    (req) => reports.getReport(ctxOf(req, deps), req.params.id, req.params.reportId),
  );
  app.get(
    '/api/indicator-sources',
    {
      schema: {
        tags,
        summary: 'Indicator sources that fill values from records (for the plan editor)',
        response: { 200: z.array(indicatorSourceView) },
      },
    },
    () => listIndicatorSources(),
  );
  app.get(
    '/api/reports/due',
    {
      schema: {
        tags,
        summary: 'What the caller’s units must report, across every plan',
        querystring: dueReportsQuery,
        response: { 200: z.array(dueReportItem) },
      },
    },
    (req) => reports.dueReports(ctxOf(req, deps), req.query.state),
  );
  app.post(
    '/api/plans/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue a draft plan',
        params: idParam,
        body: z.object({ version: id }),
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
        params: idParam.extend({ reportId: idText }),
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

import { z } from 'zod';
import { idParam, idText } from '../../../contracts/common.ts';
import {
  acceptReportsBody,
  acceptReportsResult,
  dueReportItem,
  dueReportsQuery,
  reportFormQuery,
  reportFormView,
  reportListPage,
  reportListQuery,
  reportView,
  reviewQueuePage,
  reviewQueueQuery,
  reviewReportBody,
  saveReportBody,
} from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { tags } from '../plans.schemas.ts';
import { dueReports } from './due-reports.service.ts';
import { reportForm } from './report-form.service.ts';
import { saveReport } from './reports.service.ts';
import { getReport, listReports, reviewReport } from './review.service.ts';
import { acceptReports, reviewQueue } from './review-queue.service.ts';

const reportParams = idParam.extend({ reportId: idText });
/** Reports: the unit's form, save and submit, the inbox; the reviewer's queue and decision. */
export const reportRoutes: ModuleRoutes = (app, deps) => {
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
    (req) => listReports(ctxOf(req, deps), req.params.id, req.query),
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
    (req) => reportForm(ctxOf(req, deps), req.params.id, req.query.orgId, req.query.periodKey),
  );
  app.get(
    '/api/plans/:id/reports/:reportId',
    {
      schema: {
        tags,
        summary: 'One submitted report',
        params: reportParams,
        response: { 200: reportView },
      },
    },
    (req) => getReport(ctxOf(req, deps), req.params.id, req.params.reportId),
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
    (req) => dueReports(ctxOf(req, deps), req.query.state),
  );
  app.get(
    '/api/reports/review-queue',
    {
      schema: {
        tags,
        summary:
          'Reports waiting for the caller’s review across every plan it reviews, a page at a time (filter by plan, period), with the count per plan and period',
        querystring: reviewQueueQuery,
        response: { 200: reviewQueuePage },
      },
    },
    (req) => reviewQueue(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/reports/review-queue/accept',
    {
      schema: {
        tags,
        summary: 'Accept several submitted reports at once: all of them, or none (each checked and audited)',
        body: acceptReportsBody,
        response: { 200: acceptReportsResult },
      },
    },
    (req) => acceptReports(ctxOf(req, deps), req.body),
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
    (req) => saveReport(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/plans/:id/reports/:reportId/review',
    {
      schema: {
        tags,
        summary: 'Accept (lock) or return a report',
        params: reportParams,
        body: reviewReportBody,
        response: { 200: reportView },
      },
    },
    (req) => reviewReport(ctxOf(req, deps), req.params.id, req.params.reportId, req.body),
  );
};

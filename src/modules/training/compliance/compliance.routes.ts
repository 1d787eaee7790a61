import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  enterpriseComplianceQuery,
  enterpriseComplianceView,
  reachQuery,
  reachView,
  workforceBody,
  workforceView,
} from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as compliance from './compliance.service.ts';
import * as workforce from './workforce.service.ts';

const tags = ['Đào tạo'];

export const complianceRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/training/compliance/:id',
    {
      schema: {
        tags,
        summary: 'An enterprise: who must be (re)trained soon, first-aiders against TT 19/2016',
        params: idParam,
        querystring: enterpriseComplianceQuery,
        response: { 200: enterpriseComplianceView },
      },
    },
    (req) => compliance.enterpriseCompliance(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/training/reach/:id',
    {
      schema: {
        tags,
        summary: 'A provider’s month over its subtree: classes, learners, pass rate, revenue',
        params: idParam,
        querystring: reachQuery,
        response: { 200: reachView },
      },
    },
    (req) => compliance.providerReach(ctxOf(req, deps), req.params.id, req.query),
  );
  app.get(
    '/api/training/workforce/:id',
    {
      schema: {
        tags,
        summary: 'An enterprise’s declared headcounts (dated), newest first',
        params: idParam,
        response: { 200: z.array(workforceView) },
      },
    },
    (req) => workforce.listWorkforce(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/training/workforce',
    {
      schema: {
        tags,
        summary:
          'Declare an enterprise’s headcount on a date (TT 19/2016 first-aider rule); same day replaces',
        body: workforceBody,
        response: { 200: workforceView },
      },
    },
    (req) => workforce.recordWorkforce(ctxOf(req, deps), req.body),
  );
};

import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  amendPlanBody,
  createPlanBody,
  indicatorSourceView,
  planView,
  updatePlanBody,
} from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { listIndicatorSources } from '../../../platform/indicators.ts';
import { tags, versionBody } from '../plans.schemas.ts';
import { amendPlan } from './amend.service.ts';
import * as plans from './lifecycle.service.ts';
import { getPlan, listPlans } from './plan-detail.service.ts';

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
/** A plan's life: list, detail, draft, edit, issue, amend, close; and the indicator sources its editor offers. */
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
    (req) => listPlans(ctxOf(req, deps)),
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
    (req) => getPlan(ctxOf(req, deps), req.params.id),
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
    (req) => amendPlan(ctxOf(req, deps), req.params.id, req.body),
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
    '/api/plans/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue a draft plan',
        params: idParam,
        body: versionBody,
        response: { 200: planView },
      },
    },
    (req) => plans.issuePlan(ctxOf(req, deps), req.params.id, req.body.version),
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
};

import { idParam } from '../../../contracts/common.ts';
import { implementPlanBody, planView } from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { tags } from '../plans.schemas.ts';
import * as plans from './implementing.service.ts';

/** A recipient drafts its implementing plan. */
export const implementingRoutes: ModuleRoutes = (app, deps) => {
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
};

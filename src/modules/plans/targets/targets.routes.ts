import { idParam } from '../../../contracts/common.ts';
import { setTargetsBody, targetSplit, targetsQuery, targetTableView } from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { tags } from '../plans.schemas.ts';
import * as plans from './targets.service.ts';

/** Targets (chỉ tiêu) set by each parent for its units: the cascade table. */
export const targetRoutes: ModuleRoutes = (app, deps) => {
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
};

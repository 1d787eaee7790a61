import { idParam, idText, okBody } from '../../../contracts/common.ts';
import { activityActualsBody, activityInput, activityView } from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { tags, versionBody } from '../plans.schemas.ts';
import * as activities from './activities.service.ts';

const activityParams = idParam.extend({ activityId: idText });
/** A plan's activities and their reported outputs. */
export const activityRoutes: ModuleRoutes = (app, deps) => {
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
};

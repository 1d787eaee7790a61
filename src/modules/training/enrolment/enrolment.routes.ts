import { idParam } from '../../../contracts/common.ts';
import {
  cancelEnrolmentResult,
  enrolBody,
  enrolmentParams,
  enrolResult,
} from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as enrolment from './enrolment.service.ts';

const tags = ['Đào tạo'];

export const enrolmentRoutes: ModuleRoutes = (app, deps) => {
  app.post(
    '/api/training/classes/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol people (waitlist when full)',
        params: idParam,
        body: enrolBody,
        response: { 200: enrolResult },
      },
    },
    (req) => enrolment.enrolInClass(ctxOf(req, deps), req.params.id, req.body.personIds),
  );
  app.delete(
    '/api/training/classes/:id/enrolments/:personId',
    {
      schema: {
        tags,
        summary: 'Cancel a learner (promotes the first waitlisted)',
        params: enrolmentParams,
        response: { 200: cancelEnrolmentResult },
      },
    },
    (req) => enrolment.cancelEnrolment(ctxOf(req, deps), req.params.id, req.params.personId),
  );
};

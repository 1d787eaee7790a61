import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  createRequestBody,
  decideRequestBody,
  requestQuery,
  requestView,
  scheduleRequestBody,
  updateRequestBody,
  withdrawRequestBody,
} from '../../../contracts/training.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as requester from './requester.service.ts';
import * as requests from './requests.service.ts';

const tags = ['Đào tạo'];

export const requestRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/training/requests',
    {
      schema: {
        tags,
        summary: 'Training requests sent or received',
        querystring: requestQuery,
        response: { 200: z.array(requestView) },
      },
    },
    (req) => requests.listRequests(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/training/requests/:id',
    { schema: { tags, summary: 'One training request', params: idParam, response: { 200: requestView } } },
    (req) => requests.getRequest(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/training/requests',
    {
      schema: {
        tags,
        summary: 'Request training from a provider',
        body: createRequestBody,
        response: { 201: requestView },
      },
    },
    async (req, reply) => reply.status(201).send(await requests.createRequest(ctxOf(req, deps), req.body)),
  );
  app.post(
    '/api/training/requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accept or decline a request (provider)',
        params: idParam,
        body: decideRequestBody,
        response: { 200: requestView },
      },
    },
    (req) => requests.decideRequest(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/training/requests/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Turn a request into classes (provider)',
        params: idParam,
        body: scheduleRequestBody,
        response: { 200: requestView },
      },
    },
    (req) => requests.scheduleRequest(ctxOf(req, deps), req.params.id, req.body),
  );
  app.patch(
    '/api/training/requests/:id',
    {
      schema: {
        tags,
        summary: 'Edit a request until it is scheduled (requester)',
        params: idParam,
        body: updateRequestBody,
        response: { 200: requestView },
      },
    },
    (req) => requester.updateRequest(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/training/requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a request until it is scheduled (requester)',
        params: idParam,
        body: withdrawRequestBody,
        response: { 200: requestView },
      },
    },
    (req) => requester.withdrawRequest(ctxOf(req, deps), req.params.id, req.body),
  );
};

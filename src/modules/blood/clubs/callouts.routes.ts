import { z } from 'zod';
import {
  calloutBody,
  calloutDetail,
  calloutQuery,
  calloutView,
  cameBody,
  myCalloutView,
  replyBody,
} from '../../../contracts/blood/clubs-callouts.ts';
import { idParam } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as callouts from './callouts.service.ts';

const tags = ['Hiến máu – câu lạc bộ'];

export const calloutRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/callouts',
    {
      schema: {
        tags,
        summary: 'Call-outs of the caller’s organisations (counts only)',
        querystring: calloutQuery,
        response: { 200: z.array(calloutView) },
      },
    },
    (req) => callouts.listCallouts(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/blood/callouts',
    {
      schema: {
        tags,
        summary: 'Ask for rare blood: eligible donors are notified',
        body: calloutBody,
        response: { 201: calloutDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await callouts.createCallout(ctxOf(req, deps), req.body)),
  );
  app.get(
    '/api/blood/callouts/:id',
    {
      schema: {
        tags,
        summary: 'A call-out: counts and pseudonymous accepted donors',
        params: idParam,
        response: { 200: calloutDetail },
      },
    },
    (req) => callouts.getCallout(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/blood/callouts/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record who came, by reference number',
        params: idParam,
        body: cameBody,
        response: { 200: calloutDetail },
      },
    },
    (req) => callouts.recordAttendance(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/blood/callouts/:id/close',
    { schema: { tags, summary: 'Close a call-out', params: idParam, response: { 200: calloutDetail } } },
    (req) => callouts.closeCallout(ctxOf(req, deps), req.params.id),
  );
  app.get(
    '/api/me/blood/callouts',
    {
      schema: { tags, summary: 'The signed-in donor’s call-outs', response: { 200: z.array(myCalloutView) } },
    },
    (req) => callouts.myCallouts(ctxOf(req, deps)),
  );
  app.post(
    '/api/me/blood/callouts/:id/reply',
    {
      schema: {
        tags,
        summary: 'Accept or decline a call-out',
        params: idParam,
        body: replyBody,
        response: { 200: myCalloutView },
      },
    },
    (req) => callouts.reply(ctxOf(req, deps), req.params.id, req.body),
  );
};

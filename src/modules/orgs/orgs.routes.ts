import { z } from 'zod';
import { idParam } from '../../contracts/common.ts';
import {
  childrenQuery,
  closeOrgBody,
  createOrgBody,
  listOrgsQuery,
  mergeOrgBody,
  moveOrgBody,
  orgDetail,
  orgEvent,
  orgPage,
  orgSummary,
  reopenOrgBody,
  updateOrgBody,
} from '../../contracts/orgs.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import * as history from './orgs.history.service.ts';
import * as orgs from './orgs.service.ts';

const tags = ['Tổ chức'];

export const orgRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/orgs/roots',
    {
      schema: {
        tags,
        summary: 'Top organisations visible to the caller',
        querystring: childrenQuery,
        response: { 200: z.array(orgSummary) },
      },
    },
    (req) => orgs.listRoots(ctxOf(req, deps), req.query.status === 'all'),
  );
  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Search and list organisations (paginated)',
        querystring: listOrgsQuery,
        response: { 200: orgPage },
      },
    },
    (req) => orgs.searchOrgs(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/orgs/:id',
    { schema: { tags, summary: 'One organisation', params: idParam, response: { 200: orgDetail } } },
    (req) => orgs.getOrg(ctxOf(req, deps), req.params.id),
  );
  app.get(
    '/api/orgs/:id/children',
    {
      schema: {
        tags,
        summary: 'Direct children with counts',
        params: idParam,
        querystring: childrenQuery,
        response: { 200: z.array(orgSummary) },
      },
    },
    (req) => orgs.listChildren(ctxOf(req, deps), req.params.id, req.query.status === 'all'),
  );
  app.get(
    '/api/orgs/:id/history',
    { schema: { tags, summary: 'Dated history', params: idParam, response: { 200: z.array(orgEvent) } } },
    (req) => orgs.orgHistory(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/orgs',
    {
      schema: { tags, summary: 'Create an organisation', body: createOrgBody, response: { 201: orgDetail } },
    },
    async (req, reply) => reply.status(201).send(await orgs.createOrg(ctxOf(req, deps), req.body)),
  );
  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Edit or rename',
        params: idParam,
        body: updateOrgBody,
        response: { 200: orgDetail },
      },
    },
    (req) => orgs.updateOrg(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/move',
    {
      schema: {
        tags,
        summary: 'Move under another parent',
        params: idParam,
        body: moveOrgBody,
        response: { 200: orgDetail },
      },
    },
    (req) => history.moveOrg(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge into another organisation',
        params: idParam,
        body: mergeOrgBody,
        response: { 200: orgDetail },
      },
    },
    (req) => history.mergeOrg(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/close',
    {
      schema: {
        tags,
        summary: 'Close (giải thể)',
        params: idParam,
        body: closeOrgBody,
        response: { 200: orgDetail },
      },
    },
    (req) => history.closeOrg(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed organisation',
        params: idParam,
        body: reopenOrgBody,
        response: { 200: orgDetail },
      },
    },
    (req) => history.reopenOrg(ctxOf(req, deps), req.params.id, req.body),
  );
};

import { z } from 'zod';
import {
  activityBody,
  activityView,
  addMembersBody,
  clubBody,
  clubEditBody,
  clubList,
  clubMemberView,
  clubQuery,
  clubView,
  editMemberBody,
  memberParams,
} from '../../../contracts/blood/clubs.ts';
import { idParam, okBody } from '../../../contracts/common.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import * as clubs from './clubs.service.ts';

const tags = ['Hiến máu – câu lạc bộ'];

export const clubRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/clubs',
    {
      schema: { tags, summary: 'Donor clubs in scope', querystring: clubQuery, response: { 200: clubList } },
    },
    (req) => clubs.listClubs(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/blood/clubs',
    { schema: { tags, summary: 'Create a donor club', body: clubBody, response: { 201: clubView } } },
    async (req, reply) => reply.status(201).send(await clubs.createClub(ctxOf(req, deps), req.body)),
  );
  app.get(
    '/api/blood/clubs/:id',
    { schema: { tags, summary: 'A donor club', params: idParam, response: { 200: clubView } } },
    (req) => clubs.getClub(ctxOf(req, deps), req.params.id),
  );
  app.put(
    '/api/blood/clubs/:id',
    {
      schema: {
        tags,
        summary: 'Edit a donor club',
        params: idParam,
        body: clubEditBody,
        response: { 200: clubView },
      },
    },
    (req) => clubs.editClub(ctxOf(req, deps), req.params.id, req.body),
  );
  app.delete(
    '/api/blood/clubs/:id',
    { schema: { tags, summary: 'Delete an empty donor club', params: idParam, response: { 200: okBody } } },
    (req) => clubs.deleteClub(ctxOf(req, deps), req.params.id),
  );
  app.get(
    '/api/blood/clubs/:id/members',
    {
      schema: {
        tags,
        summary: 'Members of a club (blood group only with blood.health)',
        params: idParam,
        response: { 200: z.array(clubMemberView) },
      },
    },
    (req) => clubs.listMembers(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/blood/clubs/:id/members',
    {
      schema: {
        tags,
        summary: 'Add people in scope as members',
        params: idParam,
        body: addMembersBody,
        response: { 201: z.array(clubMemberView) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await clubs.addMembers(ctxOf(req, deps), req.params.id, req.body)),
  );
  app.put(
    '/api/blood/clubs/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Edit a membership (role, dates)',
        params: memberParams,
        body: editMemberBody,
        response: { 200: clubMemberView },
      },
    },
    (req) => clubs.editMember(ctxOf(req, deps), req.params.id, req.params.memberId, req.body),
  );
  app.get(
    '/api/blood/clubs/:id/activities',
    {
      schema: {
        tags,
        summary: 'A club’s activities',
        params: idParam,
        response: { 200: z.array(activityView) },
      },
    },
    (req) => clubs.listActivities(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/blood/clubs/:id/activities',
    {
      schema: {
        tags,
        summary: 'Record an activity',
        params: idParam,
        body: activityBody,
        response: { 201: activityView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await clubs.addActivity(ctxOf(req, deps), req.params.id, req.body)),
  );
};

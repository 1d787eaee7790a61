import { z } from 'zod';
import { idParam } from '../../contracts/common.ts';
import {
  createPersonBody,
  duplicatePair,
  duplicatesQuery,
  mergePersonBody,
  mergeResult,
  personGetQuery,
  personListQuery,
  personPage,
  personView,
  updatePersonBody,
} from '../../contracts/people.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import * as people from './people.service.ts';

const tags = ['Người (học viên, giảng viên…)'];

export const peopleRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/people',
    {
      // The query string may hold a full CCCD (exact lookup): keep it out of the request log (Decree 13/2023).
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Search people (name/phone without diacritics, or an exact 12-digit CCCD); CCCDs masked',
        querystring: personListQuery,
        response: { 200: personPage },
      },
    },
    (req) => people.listPeople(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/people/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicate pairs (same unaccented name and birth date or phone) in a subtree',
        querystring: duplicatesQuery,
        response: { 200: z.array(duplicatePair) },
      },
    },
    (req) => people.listDuplicates(ctxOf(req, deps), req.query.orgId),
  );
  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'One person; ?reveal=cccd answers the full CCCD (person.sensitive, audited)',
        params: idParam,
        querystring: personGetQuery,
        response: { 200: personView },
      },
    },
    (req) => people.getPerson(ctxOf(req, deps), req.params.id, req.query.reveal),
  );
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'Register a person: links to an identity kept elsewhere when what was typed matches it; 409 people.duplicate (a person the caller sees) or people.identity_conflict (no details)',
        body: createPersonBody,
        response: { 201: personView },
      },
    },
    async (req, reply) => reply.status(201).send(await people.createPerson(ctxOf(req, deps), req.body)),
  );
  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Edit a person (version checked: a stale edit is 409)',
        params: idParam,
        body: updatePersonBody,
        response: { 200: personView },
      },
    },
    (req) => people.updatePerson(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge this person into another: enrolments, certificates and trainer posts move to the kept one',
        params: idParam,
        body: mergePersonBody,
        response: { 200: mergeResult },
      },
    },
    (req) => people.mergePerson(ctxOf(req, deps), req.params.id, req.body),
  );
};

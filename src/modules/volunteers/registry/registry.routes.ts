import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  availabilityBody,
  createVolunteerBody,
  qualificationsBody,
  readinessQuery,
  readinessView,
  statusBody,
  statusChangeView,
  updateVolunteerBody,
  volunteerDetail,
  volunteerListQuery,
  volunteerPage,
} from '../../../contracts/volunteers/registry.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { readiness } from './readiness.service.ts';
import * as registry from './registry.service.ts';
import { changeStatus, statusHistory } from './status.service.ts';

const tags = ['Tình nguyện viên'];

export const registryRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary:
          'Volunteers in scope: search (name/phone without diacritics), org subtree, status, group, skill',
        querystring: volunteerListQuery,
        response: { 200: volunteerPage },
      },
    },
    (req) => registry.listVolunteers(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/volunteers/readiness',
    {
      schema: {
        tags,
        summary:
          'Per institution under orgId: registered, ready, deployed now (or as of asOf, from the dated status history), by group and by skill; totals',
        querystring: readinessQuery,
        response: { 200: readinessView },
      },
    },
    (req) => readiness(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary:
          'Register a volunteer: an existing person (personId) or a new one (person), matched by the people rules; 18+',
        body: createVolunteerBody,
        response: { 201: volunteerDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await registry.createVolunteer(ctxOf(req, deps), req.body)),
  );
  app.get(
    '/api/volunteers/:id',
    {
      schema: {
        tags,
        summary: 'A volunteer: profile, qualifications and training certificates (live), availability',
        params: idParam,
        response: { 200: volunteerDetail },
      },
    },
    (req) => registry.getVolunteer(ctxOf(req, deps), req.params.id),
  );
  app.put(
    '/api/volunteers/:id',
    {
      schema: {
        tags,
        summary: 'Edit a volunteer profile (version checked)',
        params: idParam,
        body: updateVolunteerBody,
        response: { 200: volunteerDetail },
      },
    },
    (req) => registry.updateVolunteer(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/volunteers/:id/qualifications',
    {
      schema: {
        tags,
        summary: 'Replace the qualifications (skill, level, issuer, document, issued/expiry)',
        params: idParam,
        body: qualificationsBody,
        response: { 200: volunteerDetail },
      },
    },
    (req) => registry.setQualifications(ctxOf(req, deps), req.params.id, req.body),
  );
  app.put(
    '/api/volunteers/:id/availability',
    {
      schema: {
        tags,
        summary: 'Replace the availability periods declared by an officer',
        params: idParam,
        body: availabilityBody,
        response: { 200: volunteerDetail },
      },
    },
    (req) => registry.setAvailability(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/volunteers/:id/status',
    {
      schema: {
        tags,
        summary:
          "Change the status on a date with a reason (allowed transitions; 'deployed' only by assignment)",
        params: idParam,
        body: statusBody,
        response: { 200: z.array(statusChangeView) },
      },
    },
    (req) => changeStatus(ctxOf(req, deps), req.params.id, req.body),
  );
  app.get(
    '/api/volunteers/:id/history',
    {
      schema: {
        tags,
        summary: 'Status history, newest first',
        params: idParam,
        response: { 200: z.array(statusChangeView) },
      },
    },
    (req) => statusHistory(ctxOf(req, deps), req.params.id),
  );
};

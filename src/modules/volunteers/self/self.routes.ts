import { idParam } from '../../../contracts/common.ts';
import {
  accountBody,
  accountCreated,
  myAvailabilityBody,
  myVolunteeringView,
} from '../../../contracts/volunteers/self.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { createVolunteerAccount } from './account.service.ts';
import { confirmMyAssignment, getMyVolunteering, setMyAvailability } from './me.service.ts';

const tags = ['Tình nguyện viên'];

/** The volunteer's own page (any signed-in user linked to a person) and the sign-in an officer creates. */
export const selfRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/me/volunteering',
    {
      schema: {
        tags,
        summary: 'My volunteering: profiles, availability, assignments, shifts, certificates',
        response: { 200: myVolunteeringView },
      },
    },
    (req) => getMyVolunteering(ctxOf(req, deps)),
  );
  app.put(
    '/api/me/volunteering/availability',
    {
      schema: {
        tags,
        summary: 'Declare my availability periods and whether I am ready to be mobilised',
        body: myAvailabilityBody,
        response: { 200: myVolunteeringView },
      },
    },
    (req) => setMyAvailability(ctxOf(req, deps), req.body),
  );
  app.post(
    '/api/me/volunteering/assignments/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm one of my assignments',
        params: idParam,
        response: { 200: myVolunteeringView },
      },
    },
    (req) => confirmMyAssignment(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/volunteers/:id/account',
    {
      schema: {
        tags,
        summary: 'Create a sign-in for a volunteer (no grants; temporary password shown once)',
        params: idParam,
        body: accountBody,
        response: { 201: accountCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createVolunteerAccount(ctxOf(req, deps), req.params.id, req.body)),
  );
};

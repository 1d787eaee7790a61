import { z } from 'zod';
import { idParam, okBody } from '../../../contracts/common.ts';
import {
  applicationsQuery,
  applicationView,
  approveBody,
  publicSignupView,
  rejectBody,
  signupAccepted,
  signupBody,
  signupLinkBody,
  signupLinkCreated,
  signupLinksQuery,
  signupLinkView,
  signupTokenParam,
} from '../../../contracts/volunteers/self-signup.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf, requestMeta } from '../../../platform/http/authenticate.ts';
import { approveApplication, listApplications, rejectApplication } from './applications.service.ts';
import {
  createSignupLink,
  deactivateSignupLink,
  listSignupLinks,
  publicSignupLink,
  submitSignup,
} from './signup.service.ts';

const tags = ['Tình nguyện viên'];

/** Sign-up links (officers), the public form behind them, and the applications officers decide. */
export const signupRoutes: ModuleRoutes = (app, deps) => {
  // Per IP: the form is public (SIGNUP_RATE_LIMIT_PER_MINUTE, 10 by default: a campus behind one address); the
  // link's page is read more often than it is sent.
  const SUBMIT_LIMIT = { max: deps.config.signupRateLimitPerMinute, timeWindow: '1 minute' };
  const READ_LIMIT = { max: deps.config.signupRateLimitPerMinute * 6, timeWindow: '1 minute' };
  const sys = (req: Parameters<typeof requestMeta>[0]) => ({
    db: deps.db,
    clock: deps.clock,
    meta: requestMeta(req),
  });

  app.get(
    '/api/volunteers/signup-links',
    {
      schema: {
        tags,
        summary: 'Sign-up links of my institutions',
        querystring: signupLinksQuery,
        response: { 200: z.array(signupLinkView) },
      },
    },
    (req) => listSignupLinks(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/volunteers/signup-links',
    {
      schema: {
        tags,
        summary: 'Create a sign-up link (its URL is shown once)',
        body: signupLinkBody,
        response: { 201: signupLinkCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await createSignupLink(ctxOf(req, deps), req.body)),
  );
  app.delete(
    '/api/volunteers/signup-links/:id',
    { schema: { tags, summary: 'Deactivate a sign-up link', params: idParam, response: { 200: okBody } } },
    (req) => deactivateSignupLink(ctxOf(req, deps), req.params.id),
  );
  app.get(
    '/api/public/volunteer-signup/:token',
    {
      config: { rateLimit: READ_LIMIT },
      schema: {
        tags,
        summary: 'The institution a sign-up link is for (public)',
        security: [],
        params: signupTokenParam,
        response: { 200: publicSignupView },
      },
    },
    (req) => publicSignupLink(sys(req), req.params.token),
  );
  app.post(
    '/api/public/volunteer-signup/:token',
    {
      config: { rateLimit: SUBMIT_LIMIT },
      schema: {
        tags,
        summary: 'Sign up as a volunteer (public; an officer approves)',
        security: [],
        params: signupTokenParam,
        body: signupBody,
        response: { 201: signupAccepted },
      },
    },
    async (req, reply) => reply.status(201).send(await submitSignup(sys(req), req.params.token, req.body)),
  );
  app.get(
    '/api/volunteers/applications',
    {
      schema: {
        tags,
        summary: 'Volunteer sign-ups to decide',
        querystring: applicationsQuery,
        response: { 200: z.array(applicationView) },
      },
    },
    (req) => listApplications(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/volunteers/applications/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a sign-up: the person enters the registry',
        params: idParam,
        body: approveBody,
        response: { 200: applicationView },
      },
    },
    (req) => approveApplication(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/volunteers/applications/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a sign-up',
        params: idParam,
        body: rejectBody,
        response: { 200: applicationView },
      },
    },
    (req) => rejectApplication(ctxOf(req, deps), req.params.id, req.body),
  );
};

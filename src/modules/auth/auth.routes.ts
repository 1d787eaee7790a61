import { z } from 'zod';
import {
  apiTokenView,
  changePasswordBody,
  createdToken,
  createTokenBody,
  loginBody,
  meBody,
  updateMeBody,
} from '../../contracts/auth.ts';
import { idParam, okBody } from '../../contracts/common.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf, requestMeta, SESSION_COOKIE } from '../../platform/http/authenticate.ts';
import * as auth from './auth.service.ts';

const tags = ['Xác thực'];

export const authRoutes: ModuleRoutes = (app, deps) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.isProduction,
  };

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in', security: [], body: loginBody, response: { 200: meBody } },
      // Per-IP throttle on top of the per-account lockout.
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await auth.login(
        { db: deps.db, clock: deps.clock, meta: requestMeta(req), sessionTtlMs: deps.config.sessionTtlMs },
        req.body,
      );
      reply.setCookie(SESSION_COOKIE, result.cookie, { ...cookieOptions, expires: result.expiresAt });
      return auth.meView(result.actor);
    },
  );
  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 200: okBody } } },
    async (req, reply) => {
      await auth.logout(ctxOf(req, deps));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/auth/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: meBody } } },
    (req) => auth.meView(ctxOf(req, deps).actor),
  );
  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Update own profile / language',
        body: updateMeBody,
        response: { 200: meBody },
      },
    },
    (req) => auth.updateMe(ctxOf(req, deps), req.body),
  );
  app.post(
    '/api/auth/password',
    { schema: { tags, summary: 'Change own password', body: changePasswordBody, response: { 200: okBody } } },
    async (req) => {
      await auth.changePassword(ctxOf(req, deps), req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/auth/tokens',
    { schema: { tags, summary: 'Own API tokens', response: { 200: z.array(apiTokenView) } } },
    (req) => auth.listTokens(ctxOf(req, deps)),
  );
  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (shown once)',
        body: createTokenBody,
        response: { 201: createdToken },
      },
    },
    async (req, reply) => reply.status(201).send(await auth.createToken(ctxOf(req, deps), req.body)),
  );
  app.delete(
    '/api/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: idParam, response: { 200: okBody } } },
    async (req) => {
      await auth.revokeToken(ctxOf(req, deps), req.params.id);
      return { ok: true as const };
    },
  );
};

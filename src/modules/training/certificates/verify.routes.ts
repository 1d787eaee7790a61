import { z } from 'zod';
import { verifyParams, verifyView } from '../../../contracts/certificates.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { verifyCodeNotFound } from '../training.errors.ts';
import { verifyCertificate } from './certificates.service.ts';
import { notFoundPage, verifyPage, verifyPageCsp } from './verify.page.ts';

const tags = ['Xác minh giấy chứng nhận (công khai)'];

/**
 * Public (no login) verification of a certificate by the code of its QR link: an HTML page for phones and
 * the same facts as JSON. Rate-limited per IP; one query on the unique index of the code.
 */
export const verifyRoutes: ModuleRoutes = (app, deps) => {
  const rateLimit = { max: deps.config.verifyRateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/verify/:code',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Verification page of a certificate (HTML, public)',
        security: [],
        params: verifyParams,
        produces: ['text/html'],
        response: { 200: z.string(), 404: z.string() },
      },
    },
    async (req, reply) => {
      const found = await verifyCertificate(deps, req.params.code);
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', verifyPageCsp)
        // A revocation must show at once: never served from a cache without asking.
        .header('cache-control', 'no-cache')
        .header('x-robots-tag', 'noindex');
      if (!found) return reply.status(404).send(notFoundPage());
      return reply.send(verifyPage(found, vnToday(deps.clock)));
    },
  );

  app.get(
    '/api/verify/:code',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary:
          'Verify a certificate by its code (public): state, number, course, issuer, dates, name, birth year',
        security: [],
        params: verifyParams,
        response: { 200: verifyView },
      },
    },
    async (req, reply) => {
      const found = await verifyCertificate(deps, req.params.code);
      if (!found) throw verifyCodeNotFound();
      return reply.header('cache-control', 'no-cache').send(found);
    },
  );
};

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { donationCertificateParams, donationVerifyView } from '../../../contracts/blood/donors.ts';
import { idParam } from '../../../contracts/common.ts';
import type { Config } from '../../../platform/config.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { sendFile } from '../../../platform/http/files.ts';
import { publicPageCsp } from '../../../platform/http/public-page.ts';
import { donationCertificatePdf } from './certificate.pdf.ts';
import { getDonationCertificate, verifyDonationCertificate, verifyPathOf } from './certificate.service.ts';
import type { CertificateRow } from './donations.repo.ts';
import { donorErrors } from './donors.errors.ts';
import { donationNotFoundPage, donationVerifyPage } from './verify.page.ts';

const publicBase = (req: FastifyRequest, config: Config) =>
  config.publicUrl ?? `${req.protocol}://${req.host}`;

/** Sends a certificate of donation as an inline PDF whose QR code opens its public verification page. */
export async function sendDonationCertificate(
  req: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  c: CertificateRow,
  now: Date,
) {
  const pdf = await donationCertificatePdf(
    { ...c, verifyUrl: `${publicBase(req, config)}${verifyPathOf(c.number)}` },
    now,
  );
  return sendFile(reply, pdf, 'application/pdf', `Giấy chứng nhận hiến máu ${c.number}.pdf`, {
    disposition: 'inline',
  });
}

/** The certificate of a donation (PDF with QR) and its public verification (initials, day, site, validity). */
export const certificateRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/blood/donations/:id/certificate.pdf',
    {
      schema: {
        tags: ['Hiến máu – người hiến'],
        summary:
          'The certificate of a donation (giấy chứng nhận hiến máu) as A4 landscape PDF with its QR code',
        params: idParam,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF document') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const c = await getDonationCertificate(ctx, req.params.id);
      return sendDonationCertificate(req, reply, deps.config, c, ctx.clock.now());
    },
  );

  const rateLimit = { max: deps.config.verifyRateLimitPerMinute, timeWindow: '1 minute' };
  const tags = ['Xác minh giấy chứng nhận (công khai)'];
  app.get(
    '/verify/blood/:no',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Verification page of a certificate of donation (HTML, public)',
        security: [],
        params: donationCertificateParams,
        produces: ['text/html'],
        response: { 200: z.string(), 404: z.string() },
      },
    },
    async (req, reply) => {
      const found = await verifyDonationCertificate(deps, req.params.no);
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', publicPageCsp)
        .header('cache-control', 'no-cache')
        .header('x-robots-tag', 'noindex');
      if (!found) return reply.status(404).send(donationNotFoundPage());
      return reply.send(donationVerifyPage(found));
    },
  );

  app.get(
    '/api/verify/blood/:no',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Verify a certificate of donation by its number (public): validity, initials, day, site',
        security: [],
        params: donationCertificateParams,
        response: { 200: donationVerifyView },
      },
    },
    async (req, reply) => {
      const found = await verifyDonationCertificate(deps, req.params.no);
      if (!found) throw donorErrors['certificate.not_found']();
      return reply.header('cache-control', 'no-cache').send(found);
    },
  );
};

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  certificateListQuery,
  certificatePage,
  certificateReasonBody,
  certificateView,
  issueCertificatesResult,
  reissueResult,
} from '../../../contracts/certificates.ts';
import { idParam } from '../../../contracts/common.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { contentDisposition, sendFile } from '../../../platform/http/files.ts';
import { certificatesPdf, certificatesPdfStream, type PrintableCertificate } from './certificates.pdf.ts';
import type { CertificateRow } from './certificates.repo.ts';
import * as certificates from './certificates.service.ts';

const tags = ['Đào tạo – giấy chứng nhận'];
const binary = (description: string) => z.any().describe(description);

/** Where the QR code points: PUBLIC_URL when set, else the address the request came to. */
function publicBase(req: FastifyRequest, config: Config) {
  return config.publicUrl ?? `${req.protocol}://${req.host}`;
}

function printable(rows: CertificateRow[], base: string, today: string): PrintableCertificate[] {
  return rows.map((r) => ({
    ...r,
    verifyUrl: `${base}${certificates.verifyPathOf(r.verifyCode)}`,
    state: certificates.toView(r, today).state,
  }));
}

export const certificateRoutes: ModuleRoutes = (app, deps) => {
  app.post(
    '/api/training/classes/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Issue certificates to the learners of a class who passed and have none yet (idempotent)',
        params: idParam,
        response: { 200: issueCertificatesResult },
      },
    },
    (req) => certificates.issueClassCertificates(ctxOf(req, deps), req.params.id),
  );

  app.get(
    '/api/training/certificates',
    {
      schema: {
        tags,
        summary:
          'Certificates the caller’s organisations issued or their workers hold, by person, class, organisation or text (q: a number, exact or its beginning, or the holder’s name without diacritics)',
        querystring: certificateListQuery,
        response: { 200: certificatePage },
      },
    },
    (req) => certificates.listCertificates(ctxOf(req, deps), req.query),
  );

  app.get(
    '/api/training/certificates/:id.pdf',
    {
      schema: {
        tags,
        summary: 'One certificate as a printable A4 landscape PDF with its verification QR code',
        params: idParam,
        produces: ['application/pdf'],
        response: { 200: binary('PDF document') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const row = await certificates.getCertificate(ctx, req.params.id);
      const [c] = printable([row], publicBase(req, deps.config), vnToday(ctx.clock));
      const body = await certificatesPdf([c!], `Giấy chứng nhận ${row.number}`, ctx.clock.now());
      const name = `Giấy chứng nhận ${row.number.replaceAll('/', '-')} - ${row.personName}.pdf`;
      return sendFile(reply, body, 'application/pdf', name, { disposition: 'inline' });
    },
  );

  app.get(
    '/api/training/classes/:id/certificates.pdf',
    {
      schema: {
        tags,
        summary: 'The valid certificates of a class in one PDF, one page each, streamed as it is drawn',
        params: idParam,
        produces: ['application/pdf'],
        response: { 200: binary('PDF document') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      // Everything is read before the first byte: once streaming starts, the status is already 200. A stream,
      // so not sendFile (which sends a buffer): the same headers, set here.
      const { classCode, list } = await certificates.classCertificatesForPrint(ctx, req.params.id);
      const pages = printable(list, publicBase(req, deps.config), vnToday(ctx.clock));
      const doc = certificatesPdfStream(pages, `Giấy chứng nhận lớp ${classCode}`, ctx.clock.now());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`Giấy chứng nhận lớp ${classCode}.pdf`, 'inline'))
        .header('cache-control', 'private, no-store')
        .header('x-certificate-count', String(pages.length))
        .send(doc);
    },
  );

  app.post(
    '/api/training/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate with a reason (audited)',
        params: idParam,
        body: certificateReasonBody,
        response: { 200: certificateView },
      },
    },
    (req) => certificates.revokeCertificate(ctxOf(req, deps), req.params.id, req.body.reason),
  );

  app.post(
    '/api/training/certificates/:id/reissue',
    {
      schema: {
        tags,
        summary: 'Replace a certificate by a new one with a new number (the old one is marked replaced)',
        params: idParam,
        body: certificateReasonBody,
        response: { 200: reissueResult },
      },
    },
    (req) => certificates.reissueCertificate(ctxOf(req, deps), req.params.id, req.body.reason),
  );
};

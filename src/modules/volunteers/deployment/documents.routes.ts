import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { certificatesQuery, sendOffQuery } from '../../../contracts/volunteers/deployment-documents.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { sendFile } from '../../../platform/http/files.ts';
import { loadCertificates, loadSendOff, loadSummary } from './documents.service.ts';
import { sendOffXlsx, summaryXlsx } from './documents.xlsx.ts';
import { participationPdf } from './participation.pdf.ts';
import { sendOffPdf, summaryPdf } from './send-off.pdf.ts';

const tags = ['Đợt huy động'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const file = (what: string) => ({ 200: z.any().describe(what) });

/** Which part of the wave a send-off list covers, for its file name. */
const part = (d: { orgName: string | null; destinationName: string | null }) =>
  [d.orgName, d.destinationName].filter(Boolean).join(' – ');

export const documentRoutes: ModuleRoutes = (app, deps) => {
  for (const kind of ['xlsx', 'pdf'] as const) {
    app.get(
      `/api/waves/:id/send-off.${kind}`,
      {
        schema: {
          tags,
          summary: `Send-off list (DANH SÁCH XUẤT QUÂN) as ${kind.toUpperCase()}: per institution (?orgId=) or destination (?destinationId=); an institution gets only its own volunteers`,
          params: idParam,
          querystring: sendOffQuery,
          produces: [kind === 'xlsx' ? XLSX : PDF],
          response: file(kind === 'xlsx' ? 'XLSX workbook' : 'PDF document'),
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req, deps);
        const d = await loadSendOff(ctx, req.params.id, req.query);
        const name = `Danh sách xuất quân ${part(d) || d.wave.title}.${kind}`;
        if (kind === 'xlsx') return sendFile(reply, await sendOffXlsx(d, ctx.clock.now()), XLSX, name);
        return sendFile(reply, await sendOffPdf(d, ctx.clock.now()), PDF, name, { disposition: 'inline' });
      },
    );
    app.get(
      `/api/waves/:id/summary.${kind}`,
      {
        schema: {
          tags,
          summary: `Wave summary per institution (quota, proposed, deployed, returned, approved hours; totals) as ${kind.toUpperCase()}`,
          params: idParam,
          produces: [kind === 'xlsx' ? XLSX : PDF],
          response: file(kind === 'xlsx' ? 'XLSX workbook' : 'PDF document'),
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req, deps);
        const d = await loadSummary(ctx, req.params.id);
        const name = `Báo cáo tổng hợp ${d.wave.title}.${kind}`;
        if (kind === 'xlsx') return sendFile(reply, await summaryXlsx(d, ctx.clock.now()), XLSX, name);
        return sendFile(reply, await summaryPdf(d, ctx.clock.now()), PDF, name, { disposition: 'inline' });
      },
    );
  }
  app.get(
    '/api/assignments/:id/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'Participation certificate of a completed assignment (numbered on first issue, audited)',
        params: idParam,
        produces: [PDF],
        response: file('PDF document'),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const d = await loadCertificates(ctx, { assignmentId: req.params.id }, deps.config.publicUrl);
      const name = `Giấy chứng nhận ${d.rows[0]!.certificateNo}.pdf`;
      return sendFile(reply, await participationPdf(d, ctx.clock.now()), PDF, name, {
        disposition: 'inline',
      });
    },
  );
  app.get(
    '/api/waves/:id/certificates.pdf',
    {
      schema: {
        tags,
        summary: "Participation certificates of a wave's completed assignments (?orgId= one institution's)",
        params: idParam,
        querystring: certificatesQuery,
        produces: [PDF],
        response: file('PDF document'),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const d = await loadCertificates(
        ctx,
        { waveId: req.params.id, orgId: req.query.orgId },
        deps.config.publicUrl,
      );
      const name = `Giấy chứng nhận tình nguyện ${d.wave.title}.pdf`;
      return sendFile(reply, await participationPdf(d, ctx.clock.now()), PDF, name, {
        disposition: 'inline',
      });
    },
  );
};

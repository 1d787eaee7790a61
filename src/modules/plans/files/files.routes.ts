import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  attachmentParams,
  attachmentView,
  planFileQuery,
  reportUploadFields,
  reportUploadResult,
} from '../../../contracts/plan-files.ts';
import { errors } from '../../../platform/errors.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { readMultipart, sendFile } from '../../../platform/http/files.ts';
import { tags } from '../plans.schemas.ts';
import * as attachments from './attachments.service.ts';
import { consolidatedReport } from './consolidated.service.ts';
import { summaryPdf } from './plans.pdf.ts';
import { consolidatedWorkbook } from './plans.xlsx.ts';
import { reportTemplate } from './report-template.service.ts';
import { uploadReports } from './report-upload.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (description: string) => z.any().describe(description);

const periodName = (key: string) => (key === 'once' ? '' : ` ${key}`);

export const planFileRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/plans/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Consolidated report of a plan for an organisation’s subtree and a period (XLSX)',
        params: idParam,
        querystring: planFileQuery,
        produces: [XLSX],
        response: { 200: binary('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const d = await consolidatedReport(ctx, req.params.id, req.query.orgId, req.query.periodKey);
      const body = await consolidatedWorkbook(d, ctx.clock.now());
      const name = `Báo cáo tổng hợp ${d.plan.number} - ${d.org.name}${periodName(d.periodKey)}.xlsx`;
      return sendFile(reply, body, XLSX, name);
    },
  );
  app.get(
    '/api/plans/:id/summary.pdf',
    {
      schema: {
        tags,
        summary: 'Printable A4 summary of the consolidated report (PDF)',
        params: idParam,
        querystring: planFileQuery,
        produces: ['application/pdf'],
        response: { 200: binary('PDF document') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const d = await consolidatedReport(ctx, req.params.id, req.query.orgId, req.query.periodKey);
      const body = await summaryPdf(d, ctx.clock.now());
      const name = `Báo cáo tổng hợp ${d.plan.number} - ${d.org.name}${periodName(d.periodKey)}.pdf`;
      // Inline: a link opens the browser's viewer, ready to print; saving keeps the file name.
      return sendFile(reply, body, 'application/pdf', name, { disposition: 'inline' });
    },
  );
  app.get(
    '/api/plans/:id/report-template.xlsx',
    {
      schema: {
        tags,
        summary: 'XLSX reporting template for the units under an organisation the caller reports for',
        params: idParam,
        querystring: planFileQuery,
        produces: [XLSX],
        response: { 200: binary('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const t = await reportTemplate(ctxOf(req, deps), req.params.id, req.query.orgId, req.query.periodKey);
      return sendFile(reply, t.buffer, XLSX, t.fileName);
    },
  );
  app.post(
    '/api/plans/:id/report-upload',
    {
      schema: {
        tags,
        summary:
          'Upload a filled reporting template (multipart: file, orgId, periodKey, submit): all lines or none',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 200: reportUploadResult },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const tooLarge = () => errors.badRequest('request.too_large', 'Tệp quá lớn (tối đa 5 MB).');
      const { fields, file } = await readMultipart(req, { maxBytes: 5 * 1024 * 1024, tooLarge });
      const parsed = reportUploadFields.safeParse(fields);
      if (!parsed.success) {
        throw errors.validation(
          parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
        );
      }
      return uploadReports(ctx, req.params.id, parsed.data, file.content);
    },
  );

  app.get(
    '/api/plans/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Files attached to a plan (without their content)',
        params: idParam,
        response: { 200: z.array(attachmentView) },
      },
    },
    (req) => attachments.listAttachments(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/plans/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file (multipart "file": PDF, DOCX, XLSX or image, at most 10 MB)',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentView },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const { file } = await readMultipart(req, {
        maxBytes: attachments.MAX_ATTACHMENT_BYTES,
        tooLarge: attachments.attachmentErrors.tooLarge,
      });
      return reply.status(201).send(await attachments.addAttachment(ctx, req.params.id, file));
    },
  );
  app.get(
    '/api/plans/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attached file',
        params: attachmentParams,
        produces: ['application/octet-stream'],
        response: { 200: binary('The file') },
      },
    },
    async (req, reply) => {
      const f = await attachments.downloadAttachment(
        ctxOf(req, deps),
        req.params.id,
        req.params.attachmentId,
      );
      return sendFile(reply, f.content, f.contentType, f.fileName, { sha256: f.sha256 });
    },
  );
  app.delete(
    '/api/plans/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attached file (kept for the audit trail, no longer listed)',
        params: attachmentParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await attachments.removeAttachment(ctxOf(req, deps), req.params.id, req.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
};

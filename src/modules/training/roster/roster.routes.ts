import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { rosterFields, rosterResult } from '../../../contracts/people.ts';
import { errors } from '../../../platform/errors.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { readMultipart, sendFile } from '../../../platform/http/files.ts';
import { streamProgress, wantsProgress } from '../../../platform/http/ndjson-progress.ts';
import { attendanceSheetPdf } from './attendance-sheet.pdf.ts';
import { loadClassDocument } from './class-files.service.ts';
import { classRosterXlsx } from './class-roster.xlsx.ts';
import { rosterTemplate } from './roster.parse.ts';
import { commitRoster, previewRoster } from './roster.service.ts';

const tags = ['Đào tạo'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A 10,000-row roster is about 0.5–1 MB; the limit leaves room for formatting and pictures. */
const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** The multipart body: the mode and the one file (field "file"). */
async function readRosterUpload(req: FastifyRequest) {
  const { fields, file } = await readMultipart(req, {
    maxBytes: MAX_ROSTER_BYTES,
    tooLarge: () => errors.badRequest('request.too_large', 'Tệp quá lớn (tối đa 10 MB).'),
    missingFile: 'Chưa chọn tệp danh sách',
  });
  const parsed = rosterFields.safeParse(fields);
  if (!parsed.success)
    throw errors.validation([{ path: 'body.mode', message: 'Chế độ phải là preview hoặc commit' }]);
  return { mode: parsed.data.mode, file: file.content };
}

export const rosterRoutes: ModuleRoutes = (app, deps) => {
  app.post(
    '/api/training/classes/:id/roster',
    {
      schema: {
        tags,
        summary:
          'Import a class roster (multipart: file = XLSX, mode = preview|commit). Preview writes nothing; commit writes all rows or none. With Accept: application/x-ndjson, progress lines then the result (see rosterProgress)',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 200: rosterResult },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const { mode, file } = await readRosterUpload(req);
      const run = mode === 'commit' ? commitRoster : previewRoster;
      if (!wantsProgress(req)) return run(ctx, req.params.id, file);
      return streamProgress(
        req,
        reply,
        (onProgress) => run(ctx, req.params.id, file, onProgress),
        'roster import',
      );
    },
  );
  app.get(
    '/api/training/roster-template.xlsx',
    {
      schema: {
        tags,
        summary: 'Blank roster template (XLSX) with the headers the import reads',
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook') },
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        // Not sendFile: its plain `filename=` would be "Mau-…"; this lower-case one is what clients have had.
        .header(
          'content-disposition',
          `attachment; filename="mau-danh-sach-hoc-vien.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu danh sách học viên.xlsx')}`,
        )
        .header('cache-control', 'private, no-store')
        .send(await rosterTemplate(null)),
  );

  app.get(
    '/api/training/classes/:id/roster.xlsx',
    {
      schema: {
        tags,
        summary:
          'The class roster as XLSX (Vietnamese headers, dd/mm/yyyy, CCCD as text; full CCCD only with person.sensitive, audited)',
        params: idParam,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const doc = await loadClassDocument(ctx, req.params.id, 'roster.xlsx');
      const body = await classRosterXlsx(doc, ctx.clock.now());
      return sendFile(reply, body, XLSX, `Danh sách học viên lớp ${doc.klass.code}.xlsx`);
    },
  );
  app.get(
    '/api/training/classes/:id/attendance-sheet.pdf',
    {
      schema: {
        tags,
        summary:
          'Printable attendance and signature sheet of a class (A4 landscape PDF, one box per session)',
        params: idParam,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF document') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const doc = await loadClassDocument(ctx, req.params.id, 'attendance-sheet.pdf');
      const body = await attendanceSheetPdf(doc, ctx.clock.now());
      return sendFile(reply, body, 'application/pdf', `Danh sách ký tên lớp ${doc.klass.code}.pdf`, {
        disposition: 'inline',
      });
    },
  );
};

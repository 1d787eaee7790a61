import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../contracts/common.ts';
import { type RosterResult, rosterFields, rosterResult } from '../../contracts/people.ts';
import { errors, isAppError } from '../../platform/errors.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { contentDisposition } from '../plans/plans.files.routes.ts';
import { attendanceSheetPdf } from './attendance-sheet.pdf.ts';
import { loadClassDocument } from './class-files.service.ts';
import { classRosterXlsx } from './class-roster.xlsx.ts';
import { rosterTemplate } from './roster.parse.ts';
import { commitRoster, type OnRosterProgress, previewRoster } from './roster.service.ts';

const tags = ['Đào tạo'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A 10,000-row roster is about 0.5–1 MB; the limit leaves room for formatting and pictures. */
const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** The multipart body: the text fields and the one file (field "file"). */
async function readRosterUpload(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_ROSTER_BYTES } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = content;
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw errors.badRequest('request.too_large', 'Tệp quá lớn (tối đa 10 MB).');
    throw e;
  }
  if (!file) throw errors.validation([{ path: 'body.file', message: 'Chưa chọn tệp danh sách' }]);
  const parsed = rosterFields.safeParse(fields);
  if (!parsed.success)
    throw errors.validation([{ path: 'body.mode', message: 'Chế độ phải là preview hoặc commit' }]);
  return { mode: parsed.data.mode, file };
}

const NDJSON = 'application/x-ndjson';

/**
 * The import with its progress as NDJSON (see `rosterProgress` in contracts/people.ts): the response starts with
 * the first progress line, so a refusal before any work (rights, no file) is still an ordinary HTTP error; what
 * fails later is the last line. Each line is flushed before the work goes on (PGlite would otherwise hold the
 * event loop until the end).
 */
async function streamProgress(
  req: FastifyRequest,
  reply: FastifyReply,
  work: (onProgress: OnRosterProgress) => Promise<RosterResult>,
) {
  const out = new PassThrough();
  let started = false;
  const onProgress: OnRosterProgress = async (progress) => {
    if (!started) {
      started = true;
      reply.type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').send(out);
    }
    out.write(`${JSON.stringify({ progress })}\n`);
    await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    const result = await work(onProgress);
    if (!started) return result;
    out.end(`${JSON.stringify({ result })}\n`);
  } catch (e) {
    if (!started) throw e;
    const known = isAppError(e) && !e.isInternal;
    if (!known) req.log.error({ err: e }, 'roster import failed');
    const error = known
      ? { code: e.code, message: e.message, details: e.details }
      : { code: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.' };
    out.end(`${JSON.stringify({ error })}\n`);
  }
  return reply;
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
      if (!req.headers.accept?.includes(NDJSON)) return run(ctx, req.params.id, file);
      return streamProgress(req, reply, (onProgress) => run(ctx, req.params.id, file, onProgress));
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
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`Danh sách học viên lớp ${doc.klass.code}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(await classRosterXlsx(doc, ctx.clock.now()));
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
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`Danh sách ký tên lớp ${doc.klass.code}.pdf`, 'inline'),
        )
        .header('cache-control', 'private, no-store')
        .send(await attendanceSheetPdf(doc, ctx.clock.now()));
    },
  );
};

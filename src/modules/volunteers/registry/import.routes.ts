import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { volunteerListQuery } from '../../../contracts/volunteers/registry.ts';
import {
  volunteerImportFields,
  volunteerImportResult,
} from '../../../contracts/volunteers/registry-import.ts';
import { errors } from '../../../platform/errors.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { readMultipart, sendFile } from '../../../platform/http/files.ts';
import { streamProgress, wantsProgress } from '../../../platform/http/ndjson-progress.ts';
import { exportVolunteers } from './export.service.ts';
import { commitImport, previewImport } from './import.service.ts';
import { volunteerTemplate } from './import.xlsx.ts';

const tags = ['Tình nguyện viên'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 10 * 1024 * 1024;

/** The multipart body: the institution (field "orgId") and the one file (field "file"). */
async function readUpload(req: FastifyRequest) {
  const { fields, file } = await readMultipart(req, {
    maxBytes: MAX_BYTES,
    tooLarge: () => errors.badRequest('request.too_large', 'Tệp quá lớn (tối đa 10 MB).'),
    missingFile: 'Chưa chọn tệp danh sách',
  });
  const parsed = volunteerImportFields.safeParse(fields);
  if (!parsed.success)
    throw errors.validation([{ path: 'body.orgId', message: 'Chọn đơn vị giữ danh sách' }]);
  return { orgId: parsed.data.orgId, file: file.content };
}

export const registryImportRoutes: ModuleRoutes = (app, deps) => {
  for (const mode of ['preview', 'commit'] as const)
    app.post(
      `/api/volunteers/import/${mode}`,
      {
        schema: {
          tags,
          summary:
            mode === 'preview'
              ? 'Check a volunteer list (multipart: orgId, file = XLSX): row-level errors, nothing written'
              : 'Import a volunteer list (multipart: orgId, file): all rows or none; with Accept: application/x-ndjson, progress lines then the result',
          consumes: ['multipart/form-data'],
          response: { 200: volunteerImportResult },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req, deps);
        const { orgId, file } = await readUpload(req);
        const run = mode === 'commit' ? commitImport : previewImport;
        if (!wantsProgress(req)) return run(ctx, orgId, file);
        return streamProgress(
          req,
          reply,
          (onProgress) => run(ctx, orgId, file, onProgress),
          'volunteer import',
        );
      },
    );
  app.get(
    '/api/volunteers/import-template.xlsx',
    {
      schema: {
        tags,
        summary: 'Blank volunteer list (XLSX) with the columns the import reads',
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook') },
      },
    },
    async (_req, reply) =>
      sendFile(reply, await volunteerTemplate(), XLSX, 'Mẫu danh sách tình nguyện viên.xlsx'),
  );
  app.get(
    '/api/volunteers/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The registry (list filters apply) as XLSX with the import columns',
        querystring: volunteerListQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const { body, name } = await exportVolunteers(ctxOf(req, deps), req.query);
      return sendFile(reply, body, XLSX, name);
    },
  );
};

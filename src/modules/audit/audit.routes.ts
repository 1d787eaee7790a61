import { z } from 'zod';
import { auditExportQuery, auditPage, auditQuery } from '../../contracts/audit.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { sendFile } from '../../platform/http/files.ts';
import { exportAudit, listAudit } from './audit.service.ts';
import { auditWorkbook } from './audit.xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportQuery = auditExportQuery.extend({ lang: z.enum(['vi', 'en']).default('vi') });

export const auditRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Audit log of the caller’s subtree',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    (req) => listAudit(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'The filtered audit log of the caller’s subtree (XLSX, at most 50,000 rows)',
        querystring: exportQuery,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const { lang, ...filters } = req.query;
      const now = ctx.clock.now();
      const body = await exportAudit(ctx, filters, (batches) => auditWorkbook(lang, batches, now));
      const day = now.toISOString().slice(0, 10);
      return sendFile(
        reply,
        body,
        XLSX,
        `${lang === 'vi' ? 'Nhật ký hoạt động' : 'Activity log'} ${day}.xlsx`,
      );
    },
  );
};

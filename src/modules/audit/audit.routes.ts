import { auditPage, auditQuery } from '../../contracts/audit.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { listAudit } from './audit.service.ts';

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
};

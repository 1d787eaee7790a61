import { auditAuditWords } from '../../contracts/audit/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { auditErrors } from './audit.errors.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit log's reader (the log itself, and `recordAudit`, are the platform's). */
export const auditModule: ModuleDef = {
  name: 'audit',
  tags: [{ name: 'Nhật ký', description: 'Nhật ký mọi thao tác ghi' }],
  routes: [auditRoutes],
  errors: [auditErrors.catalogue],
  auditWords: [auditAuditWords],
};

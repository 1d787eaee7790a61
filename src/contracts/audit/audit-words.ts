import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the log itself (its export): listed by the module's manifest and its web feature. */
export const auditAuditWords = defineAuditWords({
  module: 'audit',
  actions: {
    'audit.export': { vi: 'Xuất nhật ký', en: 'Export activity log' },
  },
  entities: {
    audit_log: { vi: 'Nhật ký hoạt động', en: 'Activity log' },
  },
  fields: {
    filters: { vi: 'Bộ lọc', en: 'Filters' },
  },
});

import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of administrative units: listed by the module's manifest and its web feature. */
export const adminUnitsAuditWords = defineAuditWords({
  module: 'admin-units',
  actions: {},
  entities: {
    admin_unit: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
    admin_unit_legacy: { vi: 'Đơn vị hành chính cũ (trước 2025)', en: 'Former administrative unit' },
  },
});

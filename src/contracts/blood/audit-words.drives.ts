import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's drives: listed by the module's manifest and its web feature. */
export const drivesAuditWords = defineAuditWords({
  module: 'blood',
  actions: {},
  entities: {
    blood_drive: { vi: 'Điểm hiến máu', en: 'Blood drive' },
  },
  fields: {},
  values: {},
});

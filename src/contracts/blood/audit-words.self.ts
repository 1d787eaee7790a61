import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's self: listed by the module's manifest and its web feature. */
export const donorSelfAuditWords = defineAuditWords({
  module: 'blood',
  actions: {},
  entities: {
    drive_booking: { vi: 'Đăng ký hiến máu', en: 'Donation booking' },
  },
  fields: {},
  values: {},
});

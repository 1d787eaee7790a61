import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's donors: listed by the module's manifest and its web feature. */
export const donorsAuditWords = defineAuditWords({
  module: 'blood',
  actions: {},
  entities: {
    donor_profile: { vi: 'Hồ sơ người hiến máu', en: 'Donor profile' },
  },
  fields: {},
  values: {},
});

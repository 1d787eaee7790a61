import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's clubs: listed by the module's manifest and its web feature. */
export const clubsAuditWords = defineAuditWords({
  module: 'blood',
  actions: {},
  entities: {
    donor_club: { vi: 'Câu lạc bộ hiến máu', en: 'Donor club' },
  },
  fields: {},
  values: {},
});

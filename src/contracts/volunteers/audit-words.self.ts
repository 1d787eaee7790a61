import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's self: listed by the module's manifest and its web feature. */
export const volunteerSelfAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {},
  entities: {
    volunteer_application: { vi: 'Đăng ký tình nguyện', en: 'Volunteer sign-up' },
  },
  fields: {},
  values: {},
});

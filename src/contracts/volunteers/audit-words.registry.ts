import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's registry: listed by the module's manifest and its web feature. */
export const volunteerRegistryAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {},
  entities: {
    volunteer_profile: { vi: 'Hồ sơ tình nguyện viên', en: 'Volunteer profile' },
  },
  fields: {},
  values: {},
});

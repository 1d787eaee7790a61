import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's deployment: listed by the module's manifest and its web feature. */
export const deploymentAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {},
  entities: {
    volunteer_assignment: { vi: 'Phân công tình nguyện viên', en: 'Volunteer assignment' },
  },
  fields: {},
  values: {},
});

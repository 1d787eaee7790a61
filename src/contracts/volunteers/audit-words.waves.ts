import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's waves: listed by the module's manifest and its web feature. */
export const wavesAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {},
  entities: {
    mobilisation_wave: { vi: 'Đợt huy động', en: 'Mobilisation wave' },
  },
  fields: {},
  values: {},
});

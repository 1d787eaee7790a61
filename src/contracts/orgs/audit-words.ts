import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the organisation tree: listed by the module's manifest and its web feature. */
export const orgsAuditWords = defineAuditWords({
  module: 'orgs',
  actions: {},
  entities: {},
  fields: {
    shortName: { vi: 'Tên viết tắt', en: 'Short name' },
    parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
    path: { vi: 'Vị trí trong cây tổ chức', en: 'Position in the tree' },
    adminUnitCode: { vi: 'Mã đơn vị hành chính', en: 'Administrative unit code' },
    closedOn: { vi: 'Ngày giải thể', en: 'Closed on' },
  },
});

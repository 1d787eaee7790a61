import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of person records: listed by the module's manifest and its web feature. */
export const peopleAuditWords = defineAuditWords({
  module: 'people',
  actions: {
    merge_into: { vi: 'Gộp vào hồ sơ khác', en: 'Merge into another record' },
  },
  entities: {},
  fields: {
    birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
    sex: { vi: 'Giới tính', en: 'Sex' },
    cccd: { vi: 'Số CCCD', en: 'ID card number' },
    jobTitle: { vi: 'Chức danh', en: 'Job title' },
    employerOrgId: { vi: 'Đơn vị sử dụng lao động', en: 'Employer' },
    personIds: { vi: 'Những người liên quan', en: 'People concerned' },
  },
  values: {
    male: { vi: 'Nam', en: 'Male' },
    female: { vi: 'Nữ', en: 'Female' },
    merged: { vi: 'Đã gộp', en: 'Merged' },
  },
});

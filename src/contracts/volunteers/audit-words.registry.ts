import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's registry: listed by the module's manifest and its web feature. */
export const volunteerRegistryAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {
    'volunteers.status': { vi: 'Chuyển trạng thái tình nguyện viên', en: 'Change volunteer status' },
    'volunteers.qualifications': { vi: 'Cập nhật trình độ, kỹ năng', en: 'Update qualifications' },
    'volunteers.availability': { vi: 'Cập nhật thời gian sẵn sàng', en: 'Update availability' },
    'volunteers.import': { vi: 'Nhập danh sách tình nguyện viên', en: 'Import volunteers' },
  },
  entities: {
    volunteer_profile: { vi: 'Hồ sơ tình nguyện viên', en: 'Volunteer profile' },
    volunteer_import: { vi: 'Tệp danh sách tình nguyện viên', en: 'Volunteer list file' },
  },
  fields: {
    group: { vi: 'Đối tượng', en: 'Group' },
    faculty: { vi: 'Khoa/Bộ môn', en: 'Faculty' },
    studyYear: { vi: 'Năm thứ', en: 'Year of study' },
    profession: { vi: 'Chuyên ngành', en: 'Profession' },
    languages: { vi: 'Ngoại ngữ', en: 'Languages' },
    homeProvinceCode: { vi: 'Tỉnh, thành phố', en: 'Home province' },
    readyDeclaredOn: { vi: 'Ngày đăng ký sẵn sàng', en: 'Ready declared on' },
    consentContact: { vi: 'Đồng ý cho liên hệ', en: 'Consent to contact' },
    consentOn: { vi: 'Ngày đồng ý', en: 'Consent given on' },
    qualifications: { vi: 'Trình độ, kỹ năng', en: 'Qualifications' },
    availability: { vi: 'Thời gian sẵn sàng', en: 'Availability' },
    onDate: { vi: 'Ngày', en: 'Date' },
  },
  // No values: status codes (ready, returned…) are words other modules use too; the log shows them as codes.
  values: {},
});

import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's donors: listed by the module's manifest and its web feature. */
export const donorsAuditWords = defineAuditWords({
  module: 'blood',
  actions: {},
  entities: {
    donor_profile: { vi: 'Hồ sơ người hiến máu', en: 'Donor profile' },
    blood_donation: { vi: 'Lần hiến máu', en: 'Blood donation' },
  },
  fields: {
    donorNo: { vi: 'Mã số người hiến', en: 'Donor number' },
    keeperOrgId: { vi: 'Đơn vị quản lý', en: 'Keeping organisation' },
    memberOfOrgId: { vi: 'Là đoàn viên của', en: 'Member of' },
    homeProvinceCode: { vi: 'Tỉnh, thành phố', en: 'Home province' },
    preferredContact: { vi: 'Cách liên hệ', en: 'Preferred contact' },
    consentContact: { vi: 'Đồng ý cho liên hệ', en: 'Consent to contact' },
    consentHealthAt: { vi: 'Đồng ý xử lý dữ liệu sức khỏe lúc', en: 'Health-data consent at' },
    healthFields: {
      vi: 'Dữ liệu sức khỏe đã ghi (không lưu giá trị)',
      en: 'Health fields written (values not kept)',
    },
    donatedOn: { vi: 'Ngày hiến', en: 'Donated on' },
    volumeMl: { vi: 'Thể tích (ml)', en: 'Volume (ml)' },
    outcome: { vi: 'Kết quả', en: 'Outcome' },
    driveId: { vi: 'Điểm hiến máu', en: 'Blood drive' },
    certificateNo: { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
    fields: { vi: 'Các trường đã xem', en: 'Fields read' },
    donationIds: { vi: 'Các lần hiến', en: 'Donations' },
  },
  values: {
    whole_blood: { vi: 'Máu toàn phần', en: 'Whole blood' },
    red_cells_apheresis: { vi: 'Hồng cầu gạn tách', en: 'Red cells (apheresis)' },
    plasma_apheresis: { vi: 'Huyết tương gạn tách', en: 'Plasma (apheresis)' },
    platelets_apheresis: { vi: 'Tiểu cầu gạn tách', en: 'Platelets (apheresis)' },
    donated: { vi: 'Đã hiến', en: 'Donated' },
    deferred: { vi: 'Tạm hoãn', en: 'Deferred' },
    adverse_event: { vi: 'Có phản ứng bất lợi', en: 'Adverse event' },
  },
});

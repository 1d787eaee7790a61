import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's self: listed by the module's manifest and its web feature. */
export const volunteerSelfAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {
    approve: { vi: 'Duyệt', en: 'Approve' },
    reject: { vi: 'Từ chối', en: 'Reject' },
    confirm: { vi: 'Xác nhận', en: 'Confirm' },
    deactivate: { vi: 'Khoá', en: 'Deactivate' },
    declare_availability: { vi: 'Tự khai thời gian tham gia', en: 'Declare own availability' },
  },
  entities: {
    volunteer_application: { vi: 'Đăng ký tình nguyện', en: 'Volunteer sign-up' },
    volunteer_signup_link: { vi: 'Liên kết tự đăng ký tình nguyện', en: 'Volunteer sign-up link' },
  },
  fields: {
    expiresOn: { vi: 'Hết hạn', en: 'Expires on' },
    ready: { vi: 'Sẵn sàng huy động', en: 'Ready to be mobilised' },
    periods: { vi: 'Thời gian tham gia', en: 'Availability periods' },
    confirmedAt: { vi: 'Xác nhận lúc', en: 'Confirmed at' },
    consentVersion: { vi: 'Phiên bản lời đồng ý', en: 'Consent wording version' },
    applicationId: { vi: 'Đơn đăng ký', en: 'Sign-up' },
    profileId: { vi: 'Hồ sơ tình nguyện viên', en: 'Volunteer profile' },
    linkId: { vi: 'Liên kết đăng ký', en: 'Sign-up link' },
  },
  values: {},
});

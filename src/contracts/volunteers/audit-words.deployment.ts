import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's deployment: listed by the module's manifest and its web feature. */
export const deploymentAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {
    'deployment.assign': { vi: 'Phân công tình nguyện viên', en: 'Deploy volunteers' },
    'deployment.override': {
      vi: 'Phân công vượt quy tắc trùng lịch',
      en: 'Deploy despite an overlap (override)',
    },
    'deployment.return': { vi: 'Ghi nhận trở về', en: 'Record return' },
    'deployment.end_early': { vi: 'Kết thúc phân công sớm', en: 'End assignment early' },
    'deployment.cancel': { vi: 'Huỷ phân công', en: 'Cancel assignment' },
    'deployment.incident': { vi: 'Ghi nhận sự cố', en: 'Record incident' },
    'deployment.shift_create': { vi: 'Tạo ca trực', en: 'Create shift' },
    'deployment.shift_signup': { vi: 'Đăng ký ca trực', en: 'Sign up for a shift' },
    'deployment.shift_override': {
      vi: 'Đăng ký ca vượt quy tắc trùng giờ',
      en: 'Shift sign-up despite an overlap (override)',
    },
    'deployment.check_in': { vi: 'Điểm danh vào ca', en: 'Check in' },
    'deployment.check_out': { vi: 'Điểm danh ra ca', en: 'Check out' },
    'deployment.hours_set': { vi: 'Nhập số giờ trực', en: 'Set hours' },
    'deployment.hours_approve': { vi: 'Duyệt số giờ trực', en: 'Approve hours' },
    'deployment.checkout_missing': { vi: 'Đánh dấu quên điểm danh ra', en: 'Flag missing check-out' },
    'deployment.certificate_issue': {
      vi: 'Cấp giấy chứng nhận tham gia tình nguyện',
      en: 'Issue participation certificate',
    },
  },
  entities: {
    volunteer_assignment: { vi: 'Phân công tình nguyện viên', en: 'Volunteer assignment' },
    mobilisation_wave: { vi: 'Đợt huy động', en: 'Mobilisation wave' },
    volunteer_shift: { vi: 'Ca trực', en: 'Shift' },
    shift_signup: { vi: 'Đăng ký ca trực', en: 'Shift sign-up' },
  },
  fields: {},
  values: {},
});

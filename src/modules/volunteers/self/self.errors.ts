import { defineErrors } from '../../../platform/errors.ts';

/** The volunteers' own pages and self-registration: codes `volunteer_self.<key>`. */
export const selfErrors = defineErrors('volunteer_self', {
  'profile.not_found': {
    status: 404,
    message: 'Không tìm thấy tình nguyện viên hoặc bạn không có quyền truy cập.',
  },
  'link.not_found': { status: 404, message: 'Liên kết đăng ký không tồn tại, đã hết hạn hoặc đã bị khoá.' },
  'application.not_found': {
    status: 404,
    message: 'Không tìm thấy đơn đăng ký hoặc bạn không có quyền truy cập.',
  },
  'assignment.not_found': { status: 404, message: 'Không tìm thấy phân công này trong hồ sơ của bạn.' },
  account_exists: {
    status: 409,
    message: (p: { username: string }) => `Người này đã có tài khoản đăng nhập (${p.username}).`,
  },
  application_decided: {
    status: 409,
    message: (p: { status: string }) => `Đơn đăng ký đã được xử lý (${p.status}).`,
  },
  already_registered: {
    status: 409,
    message: (p: { profileId: number }) =>
      `Người này đã có trong sổ tình nguyện viên của cơ sở (hồ sơ số ${p.profileId}).`,
  },
  assignment_closed: {
    status: 409,
    message: (p: { status: string }) =>
      `Phân công đã kết thúc hoặc bị huỷ (${p.status}): không xác nhận được nữa.`,
  },
  no_profile: {
    status: 409,
    message: 'Tài khoản của bạn chưa gắn với hồ sơ tình nguyện viên nào: hãy liên hệ cán bộ phụ trách.',
  },
});

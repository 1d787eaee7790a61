import { defineErrors } from '../../../platform/errors.ts';

/** The donor's own page: codes `donor_self.<key>`. */
export const donorSelfErrors = defineErrors('donor_self', {
  no_person: {
    status: 403,
    message: 'Tài khoản này chưa gắn với một người hiến máu. Hãy liên hệ đơn vị tổ chức để được gắn hồ sơ.',
  },
  'booking.not_found': { status: 404, message: 'Không tìm thấy đăng ký của bạn.' },
  'drive.not_found': { status: 404, message: 'Không tìm thấy điểm hiến máu đang nhận đăng ký.' },
  'certificate.not_found': { status: 404, message: 'Không tìm thấy giấy chứng nhận hiến máu của bạn.' },
});

import { defineErrors } from '../../../platform/errors.ts';

/** Errors of donors and donations: codes `donors.<key>`, the API's Vietnamese messages. */
export const donorErrors = defineErrors('donors', {
  not_found: { status: 404, message: 'Không tìm thấy người hiến máu hoặc bạn không có quyền truy cập.' },
  'donation.not_found': {
    status: 404,
    message: 'Không tìm thấy lần hiến máu hoặc bạn không có quyền truy cập.',
  },
  'certificate.not_found': { status: 404, message: 'Không có giấy chứng nhận hiến máu với số này.' },
  'certificate.none': {
    status: 409,
    message: 'Lần hiến này không lấy được máu nên không có giấy chứng nhận hiến máu.',
  },
  version_conflict: {
    status: 409,
    message: 'Hồ sơ người hiến vừa được người khác sửa. Hãy tải lại trước khi lưu.',
  },
  duplicate: {
    status: 409,
    message: (p: { id: number }) => `Người này đã có trong danh sách người hiến máu (hồ sơ số ${p.id}).`,
  },
  not_eligible: {
    status: 409,
    message: (p: { words: string }) => `Người này chưa được hiến máu vào ngày này: ${p.words}.`,
  },
  health_forbidden: {
    status: 403,
    message:
      'Bạn không có quyền ghi dữ liệu sức khỏe (nhóm máu, cân nặng, lý do hoãn hiến) của người hiến này.',
  },
});

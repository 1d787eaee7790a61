import { defineErrors } from '../../../platform/errors.ts';

/** The drives' errors: codes `drives.<key>`, the API's Vietnamese messages. */
export const drivesErrors = defineErrors('drives', {
  not_found: { status: 404, message: 'Không tìm thấy điểm hiến máu hoặc bạn không có quyền truy cập.' },
  'booking.not_found': { status: 404, message: 'Không tìm thấy đăng ký này.' },
  'slot.not_found': { status: 404, message: 'Không có khung giờ này.' },
  version_conflict: {
    status: 409,
    message: 'Điểm hiến máu vừa được người khác sửa. Hãy tải lại trước khi lưu.',
  },
  status_change: {
    status: 409,
    message: (p: { from: string; to: string }) =>
      `Không chuyển được điểm hiến máu từ trạng thái “${p.from}” sang “${p.to}”.`,
  },
  not_open: { status: 409, message: 'Điểm hiến máu chưa mở hoặc đã đóng: không nhận đăng ký.' },
  desk_not_yet: {
    status: 409,
    message: (p: { date: string }) =>
      `Điểm hiến máu diễn ra ngày ${p.date}: bàn tiếp nhận chỉ tiếp nhận người hiến từ ngày đó.`,
  },
  hours_locked: {
    status: 409,
    message: 'Đã có người đăng ký: không đổi được ngày, giờ hay độ dài khung giờ. Hãy sửa từng khung giờ.',
  },
  slot_full: {
    status: 409,
    message:
      'Khung giờ này đã đủ chỗ. Bạn có thể chọn khung giờ khác, vào danh sách chờ hoặc đăng ký đợt sau.',
  },
  capacity_below_booked: {
    status: 409,
    message: (p: { booked: number }) =>
      `Khung giờ đã có ${p.booked} người đăng ký: sức chứa không thể nhỏ hơn.`,
  },
  already_booked: {
    status: 409,
    message: 'Người này đã có một đăng ký tại điểm hiến máu này. Hãy đổi giờ thay vì đăng ký lần nữa.',
  },
  not_eligible: {
    status: 409,
    message: (p: { reasons: string[] }) => `Chưa thể hiến máu vào ngày này: ${p.reasons.join('; ')}.`,
  },
  booking_state: {
    status: 409,
    message: (p: { status: string }) =>
      `Đăng ký đang ở trạng thái “${p.status}”: không thực hiện được thao tác này.`,
  },
  token_invalid: { status: 404, message: 'Mã mời không đúng hoặc không thuộc điểm hiến máu này.' },
  slot_started: {
    status: 409,
    message: 'Khung giờ này đã bắt đầu. Hãy chọn khung giờ sau hoặc đến trực tiếp tại điểm hiến.',
  },
  slot_not_ended: { status: 409, message: 'Khung giờ chưa kết thúc: chưa thể ghi vắng mặt.' },
  already_waiting: { status: 409, message: 'Người này đã ở trong danh sách chờ của điểm hiến máu này.' },
  identity_conflict: {
    status: 409,
    message: 'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD.',
  },
});

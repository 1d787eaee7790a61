import { defineErrors } from '../../../platform/errors.ts';

/** Deployment's errors: codes `deployment.<key>`, the API's Vietnamese messages (the web has vi and en texts). */
export const deploymentErrors = defineErrors('deployment', {
  'wave.not_found': { status: 404, message: 'Không tìm thấy đợt huy động hoặc bạn không có quyền truy cập.' },
  'assignment.not_found': {
    status: 404,
    message: 'Không tìm thấy phân công hoặc bạn không có quyền truy cập.',
  },
  'shift.not_found': { status: 404, message: 'Không tìm thấy ca trực hoặc bạn không có quyền truy cập.' },
  'signup.not_found': { status: 404, message: 'Không tìm thấy đăng ký ca hoặc bạn không có quyền truy cập.' },
  'certificate.not_found': { status: 404, message: 'Không tìm thấy giấy chứng nhận với số này.' },
  overlap: {
    status: 409,
    message: (p: { count: number }) =>
      `${p.count} tình nguyện viên trùng thời gian với một phân công khác: không phân công ai. Sửa ngày, bỏ người trùng, hoặc phân công vượt quy tắc kèm lý do.`,
  },
  wave_state: {
    status: 409,
    message: (p: { status: string }) => `Đợt huy động đang ở trạng thái “${p.status}”: không phân công được.`,
  },
  assignment_closed: {
    status: 409,
    message: (p: { status: string }) => `Phân công đã ở trạng thái “${p.status}”: không thay đổi được nữa.`,
  },
  shift_full: {
    status: 409,
    message: (p: { capacity: number; booked: number; requested: number }) =>
      `Ca chỉ còn ${Math.max(0, p.capacity - p.booked)} chỗ (sức chứa ${p.capacity}), không đăng ký được ${p.requested} người.`,
  },
  shift_overlap: {
    status: 409,
    message: (p: { count: number }) =>
      `${p.count} người đã có ca trùng giờ: không đăng ký ai. Bỏ người trùng hoặc đăng ký vượt quy tắc kèm lý do.`,
  },
  not_checked_in: { status: 409, message: 'Chưa điểm danh vào ca: không điểm danh ra được.' },
  already_checked: {
    status: 409,
    message: 'Đã điểm danh rồi.',
  },
  check_in_window: {
    status: 409,
    message: 'Chỉ điểm danh vào từ 1 giờ trước khi ca bắt đầu đến khi ca kết thúc.',
  },
  checkout_flagged: {
    status: 409,
    message: 'Ca đã bị đánh dấu quên điểm danh ra: cán bộ phụ trách nhập số giờ.',
  },
  hours_missing: { status: 409, message: 'Chưa có số giờ: không duyệt được.' },
  certificate_not_eligible: {
    status: 409,
    message:
      'Chỉ cấp giấy chứng nhận cho tình nguyện viên đã hoàn thành (đã trở về hoặc hết thời gian phân công).',
  },
});

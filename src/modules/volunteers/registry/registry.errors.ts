import { defineErrors } from '../../../platform/errors.ts';

/** The volunteer registry's errors: codes `volunteers.<key>`, the API's Vietnamese messages. */
export const registryErrors = defineErrors('volunteers', {
  not_found: {
    status: 404,
    message: 'Không tìm thấy tình nguyện viên hoặc bạn không có quyền truy cập.',
  },
  already_registered: {
    status: 409,
    message: 'Người này đã có trong sổ tình nguyện viên của đơn vị: mở hồ sơ đã có.',
  },
  version_conflict: {
    status: 409,
    message: 'Hồ sơ vừa được người khác sửa. Hãy tải lại trước khi lưu.',
  },
  person_required: {
    status: 400,
    message: 'Chọn một người đã có hoặc nhập thông tin người mới (một trong hai).',
  },
  transition_refused: {
    status: 409,
    message: (p: { from: string; to: string }) =>
      `Không chuyển được trạng thái từ “${p.from}” sang “${p.to}”.`,
  },
  deployed_by_assignment: {
    status: 409,
    message:
      'Trạng thái “Đang được điều động” chỉ có khi tình nguyện viên được phân công trong một đợt huy động.',
  },
  import_invalid: {
    status: 400,
    message: (p: { count: number }) =>
      `Danh sách có ${p.count} lỗi: sửa các dòng được báo rồi tải lên lại. Chưa có gì được lưu.`,
  },
  import_file: { status: 400, message: 'Tệp không đọc được.' },
});

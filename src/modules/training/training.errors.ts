import { AppError, errors } from '../../platform/errors.ts';

const conflict = (code: string, message: string, details?: unknown) =>
  new AppError({ code: `training.${code}`, status: 409, message, details });

export const trainingErrors = {
  courseNotFound: () => errors.notFound('training.course', 'Không tìm thấy khoá học.'),
  trainerNotFound: () => errors.notFound('training.trainer', 'Không tìm thấy giảng viên.'),
  requestNotFound: () =>
    errors.notFound('training.request', 'Không tìm thấy đề nghị đào tạo hoặc bạn không có quyền truy cập.'),
  classNotFound: () =>
    errors.notFound('training.class', 'Không tìm thấy lớp học hoặc bạn không có quyền truy cập.'),
  enrolmentNotFound: () => errors.notFound('training.enrolment', 'Học viên không có trong lớp này.'),
  versionConflict: (entity: 'request' | 'class', current: number) =>
    conflict(
      `${entity}_version_conflict`,
      `${entity === 'class' ? 'Lớp học' : 'Đề nghị'} vừa được người khác sửa. Hãy tải lại trước khi lưu.`,
      { currentVersion: current },
    ),
  requestState: (status: string) =>
    conflict('request_state', `Đề nghị đang ở trạng thái “${status}”: không thực hiện được thao tác này.`),
  classCancelled: () => conflict('class_cancelled', 'Lớp đã huỷ: không ghi nhận thanh toán cho lớp này.'),
  classClosed: () => conflict('class_closed', 'Lớp đã kết thúc hoặc đã huỷ: không sửa được nữa.'),
  badTransition: (from: string, to: string) =>
    conflict('class_transition', `Không chuyển được lớp từ “${from}” sang “${to}”.`),
  tooFewTrainers: (have: number, need: number) =>
    conflict(
      'too_few_trainers',
      `Lớp cần ít nhất ${need} giảng viên theo quy định của khoá học (hiện có ${have}).`,
      {
        have,
        need,
      },
    ),
  /** Same code as opening with too few (same rule, same remedy), worded for a removal from a running class. */
  trainersBelowMinimum: (
    have: number,
    course: { code: string; minTrainers: number; legalSource: string | null },
    status: string,
  ) =>
    conflict(
      'too_few_trainers',
      `Lớp ${status === 'open' ? 'đang mở' : 'đang học'} phải giữ ít nhất ${course.minTrainers} giảng viên theo quy định của khoá ${course.code}${course.legalSource ? ` (${course.legalSource})` : ''}: danh sách mới chỉ còn ${have}. Hãy phân công giảng viên thay thế trước khi bỏ bớt.`,
      { have, need: course.minTrainers, courseCode: course.code, legalSource: course.legalSource },
    ),
  tooFewHours: (have: number, need: number) =>
    conflict(
      'too_few_hours',
      `Tổng số giờ các buổi học (${have}) chưa đủ thời lượng khoá học (${need} giờ).`,
      {
        have,
        need,
      },
    ),
  trainerBusy: (trainer: string, classCode: string, index?: number) =>
    errors.validation([
      {
        path: index === undefined ? 'body.sessions' : `body.trainerIds.${index}`,
        message: `Giảng viên ${trainer} đã có lịch dạy trùng giờ ở lớp ${classCode}`,
      },
    ]),
};

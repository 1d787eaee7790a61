import { AppError, defineErrors, errors } from '../../platform/errors.ts';

type Have = { have: number; need: number };
/** A day as users read it (dd/mm/yyyy); `details` carry it as `date`, and the ISO day as `day`. */
type OnDay = { date: string };

/** The training module's errors: codes `training.<key>`, the API's Vietnamese messages. */
export const trainingErrors = defineErrors('training', {
  'course.not_found': { status: 404, message: 'Không tìm thấy khoá học.' },
  'trainer.not_found': { status: 404, message: 'Không tìm thấy giảng viên.' },
  'request.not_found': {
    status: 404,
    message: 'Không tìm thấy đề nghị đào tạo hoặc bạn không có quyền truy cập.',
  },
  'class.not_found': { status: 404, message: 'Không tìm thấy lớp học hoặc bạn không có quyền truy cập.' },
  'enrolment.not_found': { status: 404, message: 'Học viên không có trong lớp này.' },
  'session.not_found': { status: 404, message: 'Không có buổi học này.' },
  request_version_conflict: {
    status: 409,
    message: 'Đề nghị vừa được người khác sửa. Hãy tải lại trước khi lưu.',
  },
  class_version_conflict: {
    status: 409,
    message: 'Lớp học vừa được người khác sửa. Hãy tải lại trước khi lưu.',
  },
  request_state: {
    status: 409,
    message: (p: { status: string }) =>
      `Đề nghị đang ở trạng thái “${p.status}”: không thực hiện được thao tác này.`,
  },
  request_closed: {
    status: 409,
    message: (p: { status: string }) =>
      `Đề nghị đang ở trạng thái “${p.status}”: đã xếp lớp hoặc đã đóng, không sửa hay rút được nữa.`,
  },
  request_duplicate: {
    status: 409,
    message: (p: { requestId: number; courseCode: string }) =>
      `Đơn vị đã có đề nghị số ${p.requestId} đang mở cho khoá ${p.courseCode} trong thời gian này. Gửi lại với xác nhận nếu vẫn muốn gửi.`,
  },
  class_cancelled: { status: 409, message: 'Lớp đã huỷ: không ghi nhận thanh toán cho lớp này.' },
  class_closed: { status: 409, message: 'Lớp đã kết thúc hoặc đã huỷ: không sửa được nữa.' },
  class_transition: {
    status: 409,
    message: (p: { from: string; to: string }) => `Không chuyển được lớp từ “${p.from}” sang “${p.to}”.`,
  },
  too_few_trainers: {
    status: 409,
    message: (p: Have) =>
      `Lớp cần ít nhất ${p.need} giảng viên theo quy định của khoá học (hiện có ${p.have}).`,
  },
  too_few_hours: {
    status: 409,
    message: (p: Have) => `Tổng số giờ các buổi học (${p.have}) chưa đủ thời lượng khoá học (${p.need} giờ).`,
  },
  class_no_sessions: {
    status: 409,
    message: 'Lớp chưa có buổi học nào: hãy nhập lịch ở thẻ “Buổi học” trước.',
  },
  class_not_started_yet: {
    status: 409,
    message: (p: OnDay) => `Lớp chưa đến ngày học đầu tiên (${p.date}): chưa bắt đầu được lớp.`,
  },
  class_not_ended_yet: {
    status: 409,
    message: (p: OnDay) => `Lớp chưa đến ngày học cuối cùng (${p.date}): chưa kết thúc được lớp.`,
  },
  session_not_held_yet: {
    status: 409,
    message: (p: OnDay) => `Buổi học ngày ${p.date} chưa diễn ra: chưa điểm danh được.`,
  },
  certificates_class_not_ended: {
    status: 409,
    message: 'Lớp chưa kết thúc: giấy chứng nhận chỉ được cấp sau khi kết thúc lớp.',
  },
  'certificate.not_found': {
    status: 404,
    message: 'Không tìm thấy giấy chứng nhận hoặc bạn không có quyền truy cập.',
  },
  certificate_not_issued_for_course: {
    status: 409,
    message:
      'Khoá học này không cấp giấy chứng nhận (nhóm 4 theo Nghị định 44/2016/NĐ-CP chỉ ghi sổ theo dõi huấn luyện).',
  },
  certificate_not_valid: {
    status: 409,
    message: (p: { status: string }) =>
      `Giấy chứng nhận đã ${p.status === 'revoked' ? 'bị thu hồi' : 'được thay thế'}: không thực hiện được thao tác này.`,
  },
  'certificates.not_found': { status: 404, message: 'Lớp chưa có giấy chứng nhận nào còn hiệu lực để in.' },
});

// Codes of the catalogue above, worded for another situation (same rule, same remedy).

/** dd/mm/yyyy of an ISO day, as every date shown to a user. */
const dateText = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The refusal of a status change the calendar does not allow yet (see `statusCalendarRefusal`). */
export function classCalendarError(
  r: { reason: 'no_sessions' } | { reason: 'not_started' | 'not_ended'; day: string },
) {
  if (r.reason === 'no_sessions') return trainingErrors.class_no_sessions();
  const factory =
    r.reason === 'not_started' ? trainingErrors.class_not_started_yet : trainingErrors.class_not_ended_yet;
  return factory({ date: dateText(r.day) }, { day: r.day });
}

/** `training.session_not_held_yet`: attendance for a session whose day has not come. */
export const sessionNotHeldError = (day: string) =>
  trainingErrors.session_not_held_yet({ date: dateText(day) }, { day });

/** `training.class_not_ended_yet` when certificates would be dated before the class's last session. */
export const certificateBeforeLastSession = (day: string) =>
  new AppError({
    code: 'training.class_not_ended_yet',
    status: 409,
    message: `Chưa cấp được giấy chứng nhận trước ngày học cuối cùng của lớp (${dateText(day)}).`,
    details: { date: dateText(day), day },
  });

/** `training.too_few_trainers`, worded for a removal from a running class. */
export function trainersBelowMinimum(
  have: number,
  course: { code: string; minTrainers: number; legalSource: string | null },
  status: string,
) {
  return errors.conflict(
    'training.too_few_trainers',
    `Lớp ${status === 'open' ? 'đang mở' : 'đang học'} phải giữ ít nhất ${course.minTrainers} giảng viên theo quy định của khoá ${course.code}${course.legalSource ? ` (${course.legalSource})` : ''}: danh sách mới chỉ còn ${have}. Hãy phân công giảng viên thay thế trước khi bỏ bớt.`,
    { have, need: course.minTrainers, courseCode: course.code, legalSource: course.legalSource },
  );
}

/** `training.class_closed` when certificates are asked of a cancelled class. */
export const certificateClassCancelled = () =>
  new AppError({
    code: 'training.class_closed',
    status: 409,
    message: 'Lớp đã huỷ: không cấp giấy chứng nhận.',
  });

/** `training.certificate.not_found` on the public verification (no scope there: the code is unknown). */
export const verifyCodeNotFound = () =>
  errors.notFound('training.certificate', 'Không tìm thấy giấy chứng nhận với mã kiểm tra này.');

/** A trainer booked twice at once: a field error on the sessions, or on the trainer's place in the list. */
export function trainerBusy(trainer: string, classCode: string, index?: number) {
  return errors.validation([
    {
      path: index === undefined ? 'body.sessions' : `body.trainerIds.${index}`,
      message: `Giảng viên ${trainer} đã có lịch dạy trùng giờ ở lớp ${classCode}`,
    },
  ]);
}

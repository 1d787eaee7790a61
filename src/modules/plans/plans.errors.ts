import { formatViDate } from '../../platform/dates.ts';
import { defineErrors, errors } from '../../platform/errors.ts';

/** The most an attached file may weigh. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The plans module's errors: codes `plans.<key>`, their statuses and Vietnamese messages. */
export const plansErrors = defineErrors('plans', {
  not_found: { status: 404, message: 'Không tìm thấy kế hoạch hoặc bạn không có quyền truy cập.' },
  not_issued: { status: 409, message: 'Kế hoạch chưa ban hành hoặc đã kết thúc.' },
  not_draft: { status: 409, message: 'Kế hoạch đã ban hành: chỉ sửa bằng văn bản điều chỉnh.' },
  no_reporters: { status: 409, message: 'Chưa có đơn vị nào phải báo cáo: hãy chọn nơi nhận.' },
  report_locked: {
    status: 409,
    message: (p: { status: string }) =>
      p.status === 'accepted'
        ? 'Báo cáo đã được duyệt và khoá.'
        : 'Báo cáo đã nộp: chờ duyệt hoặc trả lại để sửa.',
  },
  /** details: `{ currentVersion }`. */
  report_version_conflict: {
    status: 409,
    message: 'Báo cáo vừa được người khác sửa. Hãy tải lại trước khi lưu, để không ghi đè.',
  },
  /** details: `{ currentVersion }`. */
  version_conflict: { status: 409, message: 'Kế hoạch vừa được người khác sửa. Hãy tải lại trước khi lưu.' },
  form_closed: {
    status: 409,
    message: (p: { locksOn: string }) =>
      `Đã khoá nhận báo cáo kỳ này từ ngày ${formatViDate(p.locksOn)}. Liên hệ cơ quan ban hành để được mở lại.`,
  },
  not_reviewable: { status: 409, message: 'Báo cáo chưa nộp nên chưa thể duyệt.' },
  /** details: `{ maxBytes }`. */
  attachment_too_large: {
    status: 413,
    message: `Tệp vượt quá giới hạn ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB cho mỗi tệp đính kèm.`,
  },
  /** The message says what is wrong with which file; details: `{ text, detected, allowed }`. */
  attachment_type: { status: 400, message: (p: { text: string }) => p.text },
  'attachments.not_found': { status: 404, message: 'Không tìm thấy tệp đính kèm.' },
});

/** The shorthands services throw (the codes and messages above; the field issue of a non-reporter). */
export const planErrors = {
  notFound: () => plansErrors.not_found(),
  notIssued: () => plansErrors.not_issued(),
  notDraft: () => plansErrors.not_draft(),
  noReporters: () => plansErrors.no_reporters(),
  notReporter: () =>
    errors.validation([
      { path: 'body.orgId', message: 'Đơn vị này không thuộc danh sách phải báo cáo của kế hoạch' },
    ]),
  reportLocked: (status: string) => plansErrors.report_locked({ status }),
  reportVersionConflict: (current: number) =>
    plansErrors.report_version_conflict({ currentVersion: current }),
  versionConflict: (current: number) => plansErrors.version_conflict({ currentVersion: current }),
  formClosed: (locksOn: string) => plansErrors.form_closed({ locksOn }),
  notReviewable: () => plansErrors.not_reviewable(),
};

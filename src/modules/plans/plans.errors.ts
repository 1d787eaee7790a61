import { AppError, errors } from '../../platform/errors.ts';

export const planErrors = {
  notFound: () => errors.notFound('plans', 'Không tìm thấy kế hoạch hoặc bạn không có quyền truy cập.'),
  notIssued: () =>
    new AppError({
      code: 'plans.not_issued',
      status: 409,
      message: 'Kế hoạch chưa ban hành hoặc đã kết thúc.',
    }),
  notDraft: () =>
    new AppError({
      code: 'plans.not_draft',
      status: 409,
      message: 'Kế hoạch đã ban hành: chỉ sửa bằng văn bản điều chỉnh.',
    }),
  noReporters: () =>
    new AppError({
      code: 'plans.no_reporters',
      status: 409,
      message: 'Chưa có đơn vị nào phải báo cáo: hãy chọn nơi nhận.',
    }),
  notReporter: () =>
    errors.validation([
      { path: 'body.orgId', message: 'Đơn vị này không thuộc danh sách phải báo cáo của kế hoạch' },
    ]),
  reportLocked: (status: string) =>
    new AppError({
      code: 'plans.report_locked',
      status: 409,
      message:
        status === 'accepted'
          ? 'Báo cáo đã được duyệt và khoá.'
          : 'Báo cáo đã nộp: chờ duyệt hoặc trả lại để sửa.',
    }),
  reportVersionConflict: (current: number) =>
    new AppError({
      code: 'plans.report_version_conflict',
      status: 409,
      message: 'Báo cáo vừa được người khác sửa. Hãy tải lại trước khi lưu, để không ghi đè.',
      details: { currentVersion: current },
    }),
  versionConflict: (current: number) =>
    new AppError({
      code: 'plans.version_conflict',
      status: 409,
      message: 'Kế hoạch vừa được người khác sửa. Hãy tải lại trước khi lưu.',
      details: { currentVersion: current },
    }),
  formClosed: (locksOn: string) =>
    new AppError({
      code: 'plans.form_closed',
      status: 409,
      message: `Đã khoá nhận báo cáo kỳ này từ ngày ${locksOn.split('-').reverse().join('/')}. Liên hệ cơ quan ban hành để được mở lại.`,
      details: { locksOn },
    }),
  notReviewable: () =>
    new AppError({
      code: 'plans.not_reviewable',
      status: 409,
      message: 'Báo cáo chưa nộp nên chưa thể duyệt.',
    }),
};

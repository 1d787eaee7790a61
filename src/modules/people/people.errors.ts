import { AppError, errors } from '../../platform/errors.ts';

export const peopleErrors = {
  notFound: () => errors.notFound('people', 'Không tìm thấy người này hoặc bạn không có quyền truy cập.'),
  /**
   * The record would repeat a person the caller already sees (through a link in its scope): the web offers to
   * open it or merge into it. Never raised for a person outside the scope (that is `identityConflict` or a link).
   */
  duplicate: (existingId: number, matchedBy: 'cccd' | 'name_birth_phone') =>
    new AppError({
      code: 'people.duplicate',
      status: 409,
      message:
        matchedBy === 'cccd'
          ? 'Số CCCD này đã có trong danh sách người: dùng hồ sơ đã có hoặc gộp hai hồ sơ.'
          : 'Đã có người cùng họ tên, ngày sinh và số điện thoại: dùng hồ sơ đã có hoặc gộp hai hồ sơ.',
      details: { existingId, matchedBy },
    }),
  /**
   * What was typed repeats a stored identity outside the caller's scope without agreeing with it (a CCCD with
   * another name or birth date): refused with nothing about the stored person — no id, name, keeper.
   */
  identityConflict: () =>
    new AppError({
      code: 'people.identity_conflict',
      status: 409,
      message: 'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD.',
    }),
  versionConflict: (current: number) =>
    new AppError({
      code: 'people.version_conflict',
      status: 409,
      message: 'Hồ sơ vừa được người khác sửa. Hãy tải lại trước khi lưu.',
      details: { currentVersion: current },
    }),
  notActive: () =>
    new AppError({
      code: 'people.merged',
      status: 409,
      message: 'Hồ sơ này đã được gộp vào hồ sơ khác: hãy sửa hồ sơ được giữ lại.',
    }),
  mergeSelf: () =>
    errors.validation([{ path: 'body.intoId', message: 'Không thể gộp một hồ sơ vào chính nó' }]),
  mergeClash: (classIds: number[], trainerOrgIds: number[]) =>
    new AppError({
      code: 'people.merge_conflict',
      status: 409,
      message:
        'Hai hồ sơ cùng có mặt trong một lớp hoặc cùng là giảng viên của một đơn vị: hãy huỷ bản ghi trùng trước khi gộp.',
      details: { classIds, trainerOrgIds },
    }),
};

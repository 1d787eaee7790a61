import { AppError, errors } from '../../platform/errors.ts';

export const orgErrors = {
  notFound: () => errors.notFound('orgs', 'Không tìm thấy tổ chức hoặc bạn không có quyền truy cập.'),
  versionConflict: (current: number) =>
    new AppError({
      code: 'orgs.version_conflict',
      status: 409,
      message: 'Tổ chức vừa được người khác sửa. Hãy tải lại rồi thực hiện lại thay đổi.',
      details: { currentVersion: current },
    }),
  codeTaken: (code: string) =>
    new AppError({
      code: 'orgs.code_taken',
      status: 409,
      message: `Mã "${code}" đã được dùng cho tổ chức khác.`,
    }),
  notActive: () =>
    new AppError({ code: 'orgs.not_active', status: 409, message: 'Tổ chức đã giải thể hoặc sáp nhập.' }),
  hasActiveChildren: (count: number) =>
    new AppError({
      code: 'orgs.has_active_children',
      status: 409,
      message: `Còn ${count} đơn vị trực thuộc đang hoạt động: hãy chuyển, sáp nhập hoặc giải thể chúng trước.`,
      details: { count },
    }),
  moveCycle: () =>
    new AppError({
      code: 'orgs.move_cycle',
      status: 400,
      message: 'Không thể chuyển hoặc sáp nhập một tổ chức vào chính nó hay đơn vị trực thuộc của nó.',
    }),
  rootNeedsSystemAdmin: () =>
    new AppError({
      code: 'orgs.root_requires_system_admin',
      status: 403,
      message: 'Chỉ quản trị hệ thống mới tạo được tổ chức cấp cao nhất.',
    }),
  unknownAdminUnit: (code: string) =>
    errors.validation([{ path: 'body.adminUnitCode', message: `Không có đơn vị hành chính mã ${code}` }]),
};

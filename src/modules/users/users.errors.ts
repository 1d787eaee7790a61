import { defineErrors } from '../../platform/errors.ts';

export const userErrors = defineErrors('users', {
  not_found: { status: 404, message: 'Không tìm thấy người dùng hoặc bạn không có quyền.' },
  managed_elsewhere: {
    status: 403,
    message:
      'Người dùng này còn có quyền ở tổ chức ngoài phạm vi của bạn: chỉ cấp quản lý chung mới sửa được tài khoản.',
  },
  /** The web form and the CLI word it differently; the code is the same. */
  username_taken: {
    status: 409,
    message: (p: { username: string; cli?: true }) =>
      p.cli ? `Tên đăng nhập "${p.username}" đã có.` : `Tên đăng nhập "${p.username}" đã có người dùng.`,
  },
  cannot_remove_own_admin: {
    status: 400,
    message: 'Không thể tự gỡ quyền quản trị hệ thống của chính mình.',
  },
});

export const grantErrors = defineErrors('grants', {
  not_found: { status: 404, message: 'Không tìm thấy quyền này trong phạm vi của bạn.' },
});

import { viAccount, viHome } from '../../features/account/i18n.vi.ts';
import { viAdminUnits } from '../../features/admin-units/i18n.vi.ts';
import { viAudit } from '../../features/audit/i18n.vi.ts';
import { viAuth } from '../../features/auth/i18n.vi.ts';
import { viOrgKinds, viOrgStatus, viOrgs } from '../../features/orgs/i18n.vi.ts';
import { viNotifications, viPlans, viReports } from '../../features/plans/i18n.vi.ts';
import { viPeople, viTraining } from '../../features/training/i18n.vi.ts';
import { viUsers } from '../../features/users/i18n.vi.ts';
import { viErrors } from './vi-errors.ts';

/** Vietnamese, the first language. en.ts must have the same shape (checked by its type). */
export const vi = {
  common: {
    decimalSeparator: ',',
    save: 'Lưu',
    cancel: 'Huỷ',
    create: 'Tạo',
    edit: 'Sửa',
    remove: 'Xoá',
    retry: 'Thử lại',
    loading: 'Đang tải…',
    none: 'Chưa có',
    print: 'In danh sách',
    printedOn: 'In ngày {{date}}',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    system: 'Hệ thống',
  },
  nav: {
    home: 'Tổng quan',
    orgs: 'Tổ chức',
    plans: 'Kế hoạch & báo cáo',
    reports: 'Báo cáo phải nộp',
    training: 'Tập huấn & chứng nhận',
    people: 'Danh sách người',
    blood: 'Hiến máu',
    volunteers: 'Tình nguyện viên',
    firstAid: 'Trạm sơ cấp cứu',
    osh: 'An toàn vệ sinh lao động',
    comingSoon: 'Sắp ra mắt',
    admin: 'Quản trị',
    users: 'Người dùng',
    adminUnits: 'Đơn vị hành chính',
    audit: 'Nhật ký hoạt động',
    account: 'Tài khoản',
    logout: 'Đăng xuất',
  },
  header: { language: 'Ngôn ngữ', userMenu: 'Tài khoản của tôi', systemAdmin: 'Quản trị hệ thống' },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Đường dẫn này không tồn tại hoặc đã thay đổi.',
    home: 'Về trang tổng quan',
  },
  auth: viAuth,
  home: viHome,
  orgKinds: viOrgKinds,
  orgStatus: viOrgStatus,
  orgs: viOrgs,
  plans: viPlans,
  reports: viReports,
  notifications: viNotifications,
  training: viTraining,
  people: viPeople,
  adminUnits: viAdminUnits,
  users: viUsers,
  audit: viAudit,
  account: viAccount,
  validation: { required: 'Bắt buộc nhập' },
  errors: viErrors,
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Resource = Shape<typeof vi>;

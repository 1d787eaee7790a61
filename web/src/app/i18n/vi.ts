import { features } from '../features.ts';
import { mergeNamespaces } from './keys.ts';
import { viErrors } from './vi-errors.ts';
import { viFieldIssues } from './vi-field-issues.ts';

/** The shell's own texts (menu, header, common words, errors); each feature brings its namespaces. */
const viShell = {
  common: {
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
    dateNotUnderstood: 'Không hiểu ngày “{{text}}”: hãy nhập dạng dd/mm/yyyy, ví dụ 01/01/2027.',
  },
  nav: {
    home: 'Tổng quan',
    orgs: 'Tổ chức',
    plans: 'Kế hoạch & báo cáo',
    reports: 'Báo cáo phải nộp',
    training: 'Tập huấn & chứng nhận',
    blood: 'Hiến máu',
    volunteers: 'Tình nguyện viên',
    people: 'Danh sách người',
    admin: 'Quản trị',
    users: 'Người dùng',
    adminUnits: 'Đơn vị hành chính',
    audit: 'Nhật ký hoạt động',
    account: 'Tài khoản',
    logout: 'Đăng xuất',
  },
  header: {
    menu: 'Mở menu',
    language: 'Ngôn ngữ',
    userMenu: 'Tài khoản của tôi',
    systemAdmin: 'Quản trị hệ thống',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Đường dẫn này không tồn tại hoặc đã thay đổi.',
    home: 'Về trang tổng quan',
  },
  numbers: {
    notANumber: 'Không phải là số (ví dụ: 1.234 hoặc 1.234,5)',
    notInteger: 'Phải là số nguyên',
    tooSmall: 'Không được nhỏ hơn {{min}}',
    tooLarge: 'Không được lớn hơn {{max}}',
  },
  validation: { required: 'Bắt buộc nhập' },
  errors: viErrors,
  fieldIssues: viFieldIssues,
};

export type ShellResource = typeof viShell;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type FeatureResource = UnionToIntersection<(typeof features)[number]['translations']['vi']>;

/** Every key the app may translate: the shell's and every feature's (i18next's key types read this). */
export type Resource = ShellResource & FeatureResource;

/** Vietnamese, the first language. English has the same shape (each part is checked by its type). */
export const vi = { ...viShell, ...mergeNamespaces(features.map((f) => f.translations.vi)) } as Resource;

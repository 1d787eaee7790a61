/**
 * The audit log's words, Vietnamese and English, in one place the server (the XLSX export) and the web (the page)
 * both read, so a file says what the screen says. `recordAudit` takes only an `AuditAction` and an
 * `AuditEntityType`: a new code that is not listed here fails `tsc`, and `test/audit-vocabulary.test.ts` also
 * greps `src/` for codes written as SQL.
 */

/** Sign-in activity: hidden from the change log by default, shown apart ("Đăng nhập"). */
export const signInActions = ['login', 'login_failed', 'locked', 'logout'] as const;

export type AuditLang = 'vi' | 'en';
type Words<K extends string> = Record<K, Record<AuditLang, string>>;

const actionWords = {
  // Sign-in
  login: { vi: 'Đăng nhập', en: 'Sign in' },
  login_failed: { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  locked: { vi: 'Tạm khoá tài khoản', en: 'Account locked' },
  logout: { vi: 'Đăng xuất', en: 'Sign out' },
  // Shared verbs
  create: { vi: 'Tạo mới', en: 'Create' },
  update: { vi: 'Cập nhật', en: 'Update' },
  delete: { vi: 'Xoá', en: 'Delete' },
  move: { vi: 'Chuyển đơn vị cấp trên', en: 'Move' },
  merge: { vi: 'Sáp nhập', en: 'Merge' },
  link: { vi: 'Liên kết người đã có', en: 'Link an existing person' },
  merge_into: { vi: 'Gộp vào hồ sơ khác', en: 'Merge into another record' },
  close: { vi: 'Đóng', en: 'Close' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
  import: { vi: 'Nhập danh sách', en: 'Import list' },
  read_sensitive: { vi: 'Xem dữ liệu cá nhân nhạy cảm', en: 'Read sensitive personal data' },
  // Users and access
  grant: { vi: 'Cấp quyền', en: 'Grant role' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  unlock: { vi: 'Mở khoá tài khoản', en: 'Unlock account' },
  change_password: { vi: 'Đổi mật khẩu', en: 'Change password' },
  // Plans
  issue: { vi: 'Ban hành kế hoạch', en: 'Issue plan' },
  amend: { vi: 'Điều chỉnh kế hoạch', en: 'Amend plan' },
  implement: { vi: 'Triển khai kế hoạch', en: 'Implement plan' },
  set_targets: { vi: 'Giao chỉ tiêu', en: 'Set targets' },
  attach: { vi: 'Đính kèm tệp', en: 'Attach file' },
  remove_attachment: { vi: 'Gỡ tệp đính kèm', en: 'Remove attachment' },
  report_actuals: { vi: 'Báo cáo kết quả hoạt động', en: 'Report activity results' },
  save_draft: { vi: 'Lưu nháp báo cáo', en: 'Save report draft' },
  submit: { vi: 'Gửi báo cáo', en: 'Submit report' },
  accept: { vi: 'Duyệt báo cáo', en: 'Accept report' },
  return: { vi: 'Trả lại báo cáo', en: 'Return report' },
  remind: { vi: 'Nhắc hạn báo cáo', en: 'Send report reminder' },
  // Training
  'training.course.create': { vi: 'Tạo khoá học', en: 'Create course' },
  'training.trainer.create': { vi: 'Thêm giảng viên', en: 'Add trainer' },
  'training.request.create': { vi: 'Gửi yêu cầu huấn luyện', en: 'Request training' },
  'training.request.requested': { vi: 'Yêu cầu: chờ xử lý', en: 'Request: pending' },
  'training.request.accepted': { vi: 'Nhận yêu cầu huấn luyện', en: 'Accept training request' },
  'training.request.declined': { vi: 'Từ chối yêu cầu huấn luyện', en: 'Decline training request' },
  'training.request.scheduled': { vi: 'Xếp lớp cho yêu cầu', en: 'Schedule request into classes' },
  'training.request.done': { vi: 'Hoàn thành yêu cầu', en: 'Complete request' },
  'training.request.update': { vi: 'Sửa đề nghị huấn luyện', en: 'Edit training request' },
  'training.request.withdrawn': { vi: 'Rút đề nghị huấn luyện', en: 'Withdraw training request' },
  'training.class.create': { vi: 'Mở lớp mới', en: 'Create class' },
  'training.class.update': { vi: 'Sửa thông tin lớp', en: 'Edit class' },
  'training.class.open': { vi: 'Mở đăng ký lớp', en: 'Open class enrolment' },
  'training.class.in_progress': { vi: 'Bắt đầu lớp', en: 'Start class' },
  'training.class.completed': { vi: 'Kết thúc lớp', en: 'End class' },
  'training.class.cancelled': { vi: 'Huỷ lớp', en: 'Cancel class' },
  'training.class.sessions': { vi: 'Sửa lịch học', en: 'Edit sessions' },
  'training.class.trainers': { vi: 'Phân công giảng viên', en: 'Assign trainers' },
  'training.class.payment': { vi: 'Ghi nhận thanh toán', en: 'Record payment' },
  'training.enrolment.add': { vi: 'Ghi danh học viên', en: 'Enrol learners' },
  'training.enrolment.cancel': { vi: 'Huỷ ghi danh', en: 'Cancel enrolment' },
  'training.roster.import': { vi: 'Nhập danh sách học viên', en: 'Import roster' },
  'training.attendance.save': { vi: 'Điểm danh', en: 'Take attendance' },
  'training.results.save': { vi: 'Nhập kết quả', en: 'Record results' },
  'training.workforce.declare': { vi: 'Khai báo số lao động', en: 'Declare headcount' },
  'training.workforce.update': { vi: 'Sửa số lao động', en: 'Update headcount' },
  'certificate.issue': { vi: 'Cấp chứng nhận', en: 'Issue certificates' },
  'certificate.revoke': { vi: 'Thu hồi chứng nhận', en: 'Revoke certificate' },
  'certificate.replace': { vi: 'Thay chứng nhận', en: 'Replace certificate' },
  'certificate.reissue': { vi: 'Cấp lại chứng nhận', en: 'Reissue certificate' },
  // The log itself
  'audit.export': { vi: 'Xuất nhật ký', en: 'Export activity log' },
} as const satisfies Record<string, Record<AuditLang, string>>;

export type AuditAction = keyof typeof actionWords;
export const auditActions = Object.keys(actionWords) as AuditAction[];

const entityWords = {
  organisation: { vi: 'Tổ chức', en: 'Organisation' },
  user: { vi: 'Người dùng', en: 'User' },
  role_grant: { vi: 'Phân quyền', en: 'Role grant' },
  session: { vi: 'Phiên đăng nhập', en: 'Session' },
  api_token: { vi: 'Khoá API', en: 'API key' },
  admin_unit: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  admin_unit_legacy: { vi: 'Đơn vị hành chính cũ (trước 2025)', en: 'Former administrative unit' },
  person: { vi: 'Hồ sơ cá nhân', en: 'Person' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  plan_activity: { vi: 'Hoạt động kế hoạch', en: 'Plan activity' },
  plan_report: { vi: 'Báo cáo', en: 'Report' },
  course_type: { vi: 'Khoá học', en: 'Course' },
  trainer: { vi: 'Giảng viên', en: 'Trainer' },
  training_request: { vi: 'Yêu cầu huấn luyện', en: 'Training request' },
  training_class: { vi: 'Lớp học', en: 'Class' },
  certificate: { vi: 'Chứng nhận', en: 'Certificate' },
  audit_log: { vi: 'Nhật ký hoạt động', en: 'Activity log' },
} as const satisfies Record<string, Record<AuditLang, string>>;

export type AuditEntityType = keyof typeof entityWords;
export const auditEntityTypes = Object.keys(entityWords) as AuditEntityType[];

/** Field names in before/after; a field not listed shows as it is. */
const fieldWords: Words<string> = {
  name: { vi: 'Tên', en: 'Name' },
  shortName: { vi: 'Tên viết tắt', en: 'Short name' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  code: { vi: 'Mã', en: 'Code' },
  kind: { vi: 'Loại', en: 'Kind' },
  status: { vi: 'Trạng thái', en: 'Status' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  path: { vi: 'Vị trí trong cây tổ chức', en: 'Position in the tree' },
  adminUnitCode: { vi: 'Mã đơn vị hành chính', en: 'Administrative unit code' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Email', en: 'Email' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  cccd: { vi: 'Số CCCD', en: 'ID card number' },
  jobTitle: { vi: 'Chức danh', en: 'Job title' },
  employerOrgId: { vi: 'Đơn vị sử dụng lao động', en: 'Employer' },
  orgId: { vi: 'Đơn vị', en: 'Organisation' },
  role: { vi: 'Vai trò', en: 'Role' },
  isActive: { vi: 'Đang hoạt động', en: 'Active' },
  closedOn: { vi: 'Ngày giải thể', en: 'Closed on' },
  effectiveOn: { vi: 'Ngày hiệu lực', en: 'Effective on' },
  startDate: { vi: 'Ngày bắt đầu', en: 'Start date' },
  endDate: { vi: 'Ngày kết thúc', en: 'End date' },
  year: { vi: 'Năm', en: 'Year' },
  version: { vi: 'Phiên bản', en: 'Version' },
  comment: { vi: 'Nhận xét', en: 'Comment' },
  reason: { vi: 'Lý do', en: 'Reason' },
  number: { vi: 'Số', en: 'Number' },
  field: { vi: 'Trường dữ liệu', en: 'Field' },
  document: { vi: 'Tài liệu', en: 'Document' },
  personIds: { vi: 'Những người liên quan', en: 'People concerned' },
  count: { vi: 'Số lượng', en: 'Count' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  source: { vi: 'Nguồn', en: 'Source' },
  location: { vi: 'Địa điểm', en: 'Location' },
  capacity: { vi: 'Sĩ số tối đa', en: 'Capacity' },
  filters: { vi: 'Bộ lọc', en: 'Filters' },
  classId: { vi: 'Lớp học (mã số)', en: 'Class (id)' },
  personId: { vi: 'Người (mã số)', en: 'Person (id)' },
  enrolmentId: { vi: 'Ghi danh (mã số)', en: 'Enrolment (id)' },
  courseTypeId: { vi: 'Khoá học (mã số)', en: 'Course (id)' },
  issuedOn: { vi: 'Ngày cấp', en: 'Issued on' },
  validUntil: { vi: 'Hiệu lực đến', en: 'Valid until' },
  replacesId: { vi: 'Thay cho chứng nhận (mã số)', en: 'Replaces certificate (id)' },
  replacedById: { vi: 'Được thay bằng (mã số)', en: 'Replaced by (id)' },
  classIds: { vi: 'Các lớp (mã số)', en: 'Classes (ids)' },
  periodKey: { vi: 'Kỳ báo cáo', en: 'Period' },
  planId: { vi: 'Kế hoạch (mã số)', en: 'Plan (id)' },
};

/** Values of a few well-known enums; others show as they are. */
const valueWords: Words<string> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  implementing: { vi: 'Đang triển khai', en: 'Implementing' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  accepted: { vi: 'Đã duyệt', en: 'Accepted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  planned: { vi: 'Dự kiến', en: 'Planned' },
  open: { vi: 'Đang nhận đăng ký', en: 'Open' },
  in_progress: { vi: 'Đang học', en: 'In progress' },
  completed: { vi: 'Đã kết thúc', en: 'Completed' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
  requested: { vi: 'Chờ xử lý', en: 'Requested' },
  declined: { vi: 'Bị từ chối', en: 'Declined' },
  scheduled: { vi: 'Đã xếp lớp', en: 'Scheduled' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  enrolled: { vi: 'Đã ghi danh', en: 'Enrolled' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waitlisted' },
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
  merged: { vi: 'Đã gộp', en: 'Merged' },
};

const misc = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  empty: { vi: '(trống)', en: '(empty)' },
  more: { vi: 'và {{n}} mục khác', en: 'and {{n}} more' },
} as const;

export function auditActionLabel(lang: AuditLang, action: string): string {
  return (actionWords as Words<string>)[action]?.[lang] ?? action;
}
export function auditEntityLabel(lang: AuditLang, entityType: string): string {
  return (entityWords as Words<string>)[entityType]?.[lang] ?? entityType;
}
export function auditFieldLabel(lang: AuditLang, field: string): string {
  return fieldWords[field]?.[lang] ?? field;
}

export function isSignInAction(action: string): boolean {
  return (signInActions as readonly string[]).includes(action);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** dd/mm/yyyy HH:mm in Vietnam (UTC+7, no summer time), for an instant. */
export function formatVnDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** One value as a person reads it: dates dd/mm/yyyy, Có/Không, enum labels; lists and objects compact. */
export function formatAuditValue(lang: AuditLang, value: unknown): string {
  if (value === null || value === undefined || value === '') return misc.empty[lang];
  if (typeof value === 'boolean') return value ? misc.yes[lang] : misc.no[lang];
  if (typeof value === 'number') return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  if (typeof value === 'string') {
    if (isoDay.test(value)) return value.split('-').reverse().join('/');
    if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return formatVnDateTime(value);
    return valueWords[value]?.[lang] ?? value;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 10).map((v) => formatAuditValue(lang, v));
    const rest = value.length - shown.length;
    return rest > 0
      ? `${shown.join(', ')} ${misc.more[lang].replace('{{n}}', String(rest))}`
      : shown.join(', ');
  }
  return JSON.stringify(value);
}

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

/** Before → after per field, in words; a field only in one side shows the other as absent (null). */
export function describeAuditChanges(lang: AuditLang, before: unknown, after: unknown): AuditChange[] {
  const obj = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  const b = obj(before);
  const a = obj(after);
  if (!b && !a) return [];
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return fields
    .filter((f) => !b || !a || JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({
      field,
      label: auditFieldLabel(lang, field),
      before: b && field in b ? formatAuditValue(lang, b[field]) : null,
      after: a && field in a ? formatAuditValue(lang, a[field]) : null,
    }));
}

import i18n from 'i18next';

/**
 * The shared zod contracts carry Vietnamese messages (the API's first language). In English we show
 * these equivalents; zod's own default messages follow the zod locale set in ./index.ts.
 */
const english: Record<string, string> = {
  'Nhập tên đăng nhập': 'Enter your username',
  'Nhập mật khẩu': 'Enter your password',
  'Mật khẩu tối thiểu 10 ký tự': 'The password needs at least 10 characters',
  'Mật khẩu cần có chữ cái': 'The password needs a letter',
  'Mật khẩu cần có chữ số': 'The password needs a digit',
  'Đặt tên cho khoá': 'Give the key a name',
  'Ngày phải có dạng YYYY-MM-DD': 'The date must look like YYYY-MM-DD',
  'Ngày không tồn tại': 'That date does not exist',
  'Mã tỉnh gồm 2 chữ số': 'A province code has 2 digits',
  'Nhập họ tên': 'Enter the full name',
  'Số điện thoại không hợp lệ': 'Invalid phone number',
  'Email không hợp lệ': 'Invalid email address',
  'Tên tối thiểu 2 ký tự': 'The name needs at least 2 characters',
  'Mã chỉ gồm chữ, số và . _ / -': 'The code may only hold letters, digits and . _ / -',
  'Mã đơn vị hành chính gồm 2 (tỉnh) hoặc 5 (xã) chữ số':
    'An administrative unit code has 2 (province) or 5 (commune) digits',
  'Tên đăng nhập tối thiểu 3 ký tự': 'The username needs at least 3 characters',
  'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -':
    'The username may only hold unaccented letters, digits and . _ -',
  'Cần ít nhất một quyền trên một tổ chức': 'Give at least one role on an organisation',
  'Mật khẩu hiện tại không đúng': 'The current password is wrong',
  'Số CCCD phải gồm đúng 12 chữ số': 'A CCCD has exactly 12 digits',
  'Mã chỉ gồm chữ không dấu, số, _ . -': 'The code may only hold unaccented letters, digits, _ . -',
  'Ngày hết hiệu lực trước ngày có hiệu lực': 'The end date is before the date it takes effect',
  'Ngày kết thúc trước ngày bắt đầu': 'The end date is before the start date',
  'Giờ kết thúc phải sau giờ bắt đầu': 'The end time must be after the start time',
  'Điểm từ 0 đến 10': 'Scores run from 0 to 10',
  'Lý do cần ít nhất 3 ký tự': 'The reason needs at least 3 characters',
  'Tháng có dạng YYYY-MM': 'The month must look like YYYY-MM',
  'Nhập điểm lý thuyết': 'Enter the theory score',
  'Nhập điểm thực hành': 'Enter the practice score',
  'Chưa chọn tệp danh sách': 'Choose a roster file',
};

export function translateIssue(message: string): string {
  return i18n.language === 'en' ? (english[message] ?? message) : message;
}

import i18n from 'i18next';

/**
 * The server checks rosters and people with Vietnamese messages that carry the row's own values (lengths,
 * row numbers, years). In English we rewrite the known ones by pattern; anything unknown stays as written.
 */
const english: [RegExp, string | ((...m: string[]) => string)][] = [
  [
    /^Số CCCD phải gồm đúng 12 chữ số \(đang có (\d+)\) — đây có thể là số CMND cũ 9 số; hãy ghi số CCCD 12 số$/,
    (n) =>
      `A CCCD has exactly 12 digits (this one has ${n}) — it may be an old 9-digit ID card number; write the 12-digit CCCD`,
  ],
  [
    /^Số CCCD phải gồm đúng 12 chữ số \(đang có (\d+)\)$/,
    (n) => `A CCCD has exactly 12 digits (this one has ${n})`,
  ],
  [/^Số CCCD phải gồm đúng 12 chữ số$/, 'A CCCD has exactly 12 digits'],
  [/^Số CCCD chỉ gồm chữ số$/, 'A CCCD holds digits only'],
  [/^Thiếu ngày sinh$/, 'The birth date is missing'],
  [/^Chưa nhập họ và tên$/, 'The full name is missing'],
  [/^Ghi đủ họ và tên$/, 'Write the full name (family and given names)'],
  [/^Trùng với dòng (\d+) trong tệp \(cùng người\)$/, (n) => `Same person as row ${n} of the file`],
  [
    /^Dòng (\d+) và dòng này là cùng một người đã có hồ sơ$/,
    (n) => `Row ${n} and this row are the same registered person`,
  ],
  [/^Ngày sinh không được sau ngày hôm nay$/, 'The birth date cannot be after today'],
  [
    /^Tuổi phải từ (\d+) đến (\d+) \(ngày sinh (.+) cho (\d+) tuổi\)$/,
    (a, b, d, n) => `Age must be ${a} to ${b} (born ${d}: ${n} years old)`,
  ],
  [/^Địa chỉ e-mail không hợp lệ$/, 'Invalid e-mail address'],
  [
    /^Số điện thoại phải có 10 chữ số/,
    'A phone number has 10 digits starting with 0 (mobile), 11 starting with 02 (landline), or +84',
  ],
  [
    /^Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD$/,
    'This person cannot be registered with the details entered; check the CCCD number',
  ],
  [
    /^Số CCCD trùng với hồ sơ đã có nhưng họ tên khác: kiểm tra lại trước khi ghi$/,
    'The CCCD matches a registered person with a different name: check before saving',
  ],
  [
    /^Danh sách có (\d+) lỗi: sửa các dòng được báo rồi tải lên lại\. Chưa có gì được lưu\.$/,
    (n) => `The roster has ${n} errors: fix the rows listed and upload it again. Nothing was saved.`,
  ],
  [
    /^(.+) đã có lịch học trùng giờ ở lớp (.+)$/,
    (who, k) => `${who} already attends class ${k} at the same time`,
  ],
];

export function translateRosterMessage(message: string): string {
  if (i18n.language !== 'en') return message;
  for (const [re, out] of english) {
    const m = re.exec(message);
    if (m) return typeof out === 'string' ? out : out(...m.slice(1));
  }
  return message;
}

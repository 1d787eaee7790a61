import { foldWords } from '../../platform/text.ts';

/**
 * Validation rules of the person registry, pure so the API and the roster import share them. Messages are
 * Vietnamese and name what is wrong, so a clerk can fix the cell or field they point at.
 */

/**
 * Birthplace codes in digits 1–3 of a CCCD (Thông tư 07/2016/TT-BCA, kept by 59/2021/TT-BCA): the 63 provinces
 * before the 2025 merger, with a leading 0. Cards keep these codes after 1/7/2025.
 */
export const CCCD_PROVINCES: Record<string, string> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'TP. Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

/** Workers: the Labour Code's minimum working age is 15; above 100 is a typo far more often than not. */
export const MIN_AGE = 15;
export const MAX_AGE = 100;

export type Sex = 'male' | 'female';
export type PersonFields = {
  fullName: string | null;
  birthDate: string | null;
  sex: Sex | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
};
export type PersonField = keyof PersonFields;
export type RuleIssue = { field: PersonField; message: string };

/** Folding for duplicate checks and search: no diacritics, đ → d, lower case, single spaces. */
export function foldName(s: string): string {
  return foldWords(s);
}

export function normaliseName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Digits only: people type CCCDs with spaces or dots ("001 090 000 123"). */
export function normaliseCccd(s: string): string {
  return s.replace(/[\s.-]/g, '');
}

/** "+84 912 345 678", "0912.345.678" → "0912345678"; anything else is returned cleaned for the check. */
export function normalisePhone(s: string): string {
  const d = s.replace(/[\s.\-()]/g, '');
  if (d.startsWith('+84')) return `0${d.slice(3)}`;
  return d;
}

const sexVi = (s: Sex) => (s === 'male' ? 'nam' : 'nữ');
export const formatVnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Age in whole years on `today` (both ISO dates). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * CCCD (Thông tư 59/2021/TT-BCA, art. 7): 12 digits = birthplace province (1–3), century and sex (4: 0/1 = man/woman
 * born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199 …), last two digits of the birth year (5–6), 6 random digits.
 */
export function cccdIssues(cccd: string, birthDate: string | null, sex: Sex | null, today: string): string[] {
  if (!/^\d+$/.test(cccd)) return ['Số CCCD chỉ gồm chữ số'];
  if (cccd.length !== 12) {
    const old = cccd.length === 9 ? ' — đây có thể là số CMND cũ 9 số; hãy ghi số CCCD 12 số' : '';
    return [`Số CCCD phải gồm đúng 12 chữ số (đang có ${cccd.length})${old}`];
  }
  const province = cccd.slice(0, 3);
  if (!CCCD_PROVINCES[province])
    return [`3 chữ số đầu của CCCD (${province}) không phải mã tỉnh nơi đăng ký khai sinh (001–096)`];
  const issues: string[] = [];
  const d4 = Number(cccd[3]);
  const century = 1900 + Math.floor(d4 / 2) * 100;
  const year = century + Number(cccd.slice(4, 6));
  const cardSex: Sex = d4 % 2 === 0 ? 'male' : 'female';
  if (birthDate) {
    const born = Number(birthDate.slice(0, 4));
    if (Math.floor((born - 1900) / 100) !== Math.floor(d4 / 2))
      issues.push(
        `Chữ số thứ 4 của CCCD (${d4}) ứng với người sinh năm ${century}–${century + 99}, không khớp ngày sinh ${formatVnDate(birthDate)}`,
      );
    else if (year !== born)
      issues.push(
        `Chữ số thứ 5–6 của CCCD (${cccd.slice(4, 6)}) phải là hai số cuối của năm sinh (${String(born).slice(2)})`,
      );
  } else if (year > Number(today.slice(0, 4))) {
    issues.push(`Năm sinh ghi trong CCCD (${year}) chưa tới: kiểm tra chữ số thứ 4–6`);
  }
  if (sex && sex !== cardSex)
    issues.push(
      `Chữ số thứ 4 của CCCD (${d4}) ứng với giới tính ${sexVi(cardSex)}, không khớp giới tính đã khai (${sexVi(sex)})`,
    );
  return issues;
}

const NAME_RE = /^[\p{Script=Latin}' ]+$/u;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Mobile numbers are 10 digits (03/05/07/08/09…); landlines since 2017 are 11 (02x…). */
const PHONE_RE = /^(0[35789]\d{8}|02\d{9})$/;

/**
 * Checks and normalises one person. `fullName` is required; the rest are optional. `today` is the Vietnamese
 * calendar day (ISO) from the injected clock.
 */
export function checkPerson(
  input: PersonFields,
  today: string,
): { value: PersonFields; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const value: PersonFields = { ...input };
  const name = input.fullName ? normaliseName(input.fullName) : '';
  value.fullName = name || null;
  if (!name) issues.push({ field: 'fullName', message: 'Chưa nhập họ và tên' });
  else if (name.length > 100) issues.push({ field: 'fullName', message: 'Họ và tên tối đa 100 ký tự' });
  else if (!NAME_RE.test(name))
    issues.push({
      field: 'fullName',
      message: 'Họ và tên chỉ gồm chữ cái (có dấu tiếng Việt), dấu cách và dấu nháy đơn',
    });
  else if (!name.includes(' ')) issues.push({ field: 'fullName', message: 'Ghi đủ họ và tên' });

  if (input.birthDate) {
    if (input.birthDate > today)
      issues.push({ field: 'birthDate', message: 'Ngày sinh không được sau ngày hôm nay' });
    else {
      const age = ageOn(input.birthDate, today);
      if (age < MIN_AGE || age > MAX_AGE)
        issues.push({
          field: 'birthDate',
          message: `Tuổi phải từ ${MIN_AGE} đến ${MAX_AGE} (ngày sinh ${formatVnDate(input.birthDate)} cho ${age} tuổi)`,
        });
    }
  }
  if (input.cccd) {
    value.cccd = normaliseCccd(input.cccd);
    for (const m of cccdIssues(value.cccd, input.birthDate, input.sex, today))
      issues.push({ field: 'cccd', message: m });
  } else value.cccd = null;
  if (input.phone) {
    value.phone = normalisePhone(input.phone);
    if (!PHONE_RE.test(value.phone))
      issues.push({
        field: 'phone',
        message:
          'Số điện thoại phải có 10 chữ số bắt đầu bằng 0 (di động), 11 số bắt đầu 02 (cố định), hoặc +84',
      });
  } else value.phone = null;
  if (input.email) {
    value.email = input.email.trim().toLowerCase();
    if (value.email.length > 254 || !EMAIL_RE.test(value.email))
      issues.push({ field: 'email', message: 'Địa chỉ e-mail không hợp lệ' });
  } else value.email = null;
  return { value, issues };
}

/**
 * Masked CCCD for readers without 'person.sensitive', same length as the number: digits 1–4 (birthplace
 * province, century/sex — little beyond the sex shown beside them) and the last 2 (to tell two records apart
 * when checking with the person) stay; digits 5–10 (birth year and most of the serial) are hidden, so the
 * number cannot be rebuilt from what the screen shows: 001090123456 → 0010******56.
 */
/** The keys two records of one person share (what the duplicate check compares): the CCCD; name + birth + phone. */
export function identityKeys(p: {
  cccd: string | null;
  fullName: string | null;
  birthDate: string | null;
  phone: string | null;
}): string[] {
  const keys: string[] = [];
  if (p.cccd) keys.push(`c:${p.cccd}`);
  if (p.fullName) keys.push(`n:${foldName(p.fullName)}|${p.birthDate ?? ''}|${p.phone ?? ''}`);
  return keys;
}

export function maskCccd(cccd: string | null): string | null {
  if (!cccd) return null;
  if (cccd.length < 8) return '*'.repeat(cccd.length);
  return `${cccd.slice(0, 4)}${'*'.repeat(cccd.length - 6)}${cccd.slice(-2)}`;
}

/** What registering a candidate that repeats a stored identity does (`identityDecision`). */
export type IdentityDecision = 'duplicate' | 'link' | 'conflict';

/**
 * One person stays one person (ARCHITECTURE.md, "People: one identity, many keepers"). A stored identity the
 * caller already sees is a duplicate (it is shown and may be opened). One it does not see is linked to the new
 * keeper when what was typed matches it — the same CCCD with the same folded name and birth date, or, without
 * a CCCD, the same folded name, birth date and phone (which is how it was found) — and otherwise refused
 * without saying anything about it.
 */
export function identityDecision(
  typed: { fullName: string | null; birthDate: string | null },
  stored: {
    matchedBy: 'cccd' | 'name_birth_phone';
    fullName: string;
    birthDate: string | null;
    visible: boolean;
  },
): IdentityDecision {
  if (stored.visible) return 'duplicate';
  if (stored.matchedBy === 'name_birth_phone') return 'link';
  const agrees =
    typed.fullName !== null &&
    typed.birthDate !== null &&
    typed.birthDate === stored.birthDate &&
    foldName(typed.fullName) === foldName(stored.fullName);
  return agrees ? 'link' : 'conflict';
}

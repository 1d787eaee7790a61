import ExcelJS from 'exceljs';
import { foldKey } from '../../../platform/text.ts';
import type { Sex } from '../../people/index.ts';

/**
 * Reads a roster the way enterprises send it: an XLSX with a title block, then a header row in Vietnamese
 * ("Họ và tên", "Ngày sinh", "Số CCCD"…), dates as real Excel dates or dd/mm/yyyy text, and CCCDs or phone
 * numbers that Excel stored as numbers (leading zeros lost). Rows past the cap are refused.
 */

export const MAX_ROSTER_ROWS = 10_000;
const HEADER_SEARCH_ROWS = 20;

export type RosterField = 'fullName' | 'birthDate' | 'sex' | 'cccd' | 'phone' | 'email' | 'jobTitle';
export type CellIssue = { field: RosterField; message: string };
export type ParsedRosterRow = {
  row: number;
  fullName: string | null;
  birthDate: string | null;
  sex: Sex | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  jobTitle: string | null;
  issues: CellIssue[];
};
export type ParsedRoster = {
  rows: ParsedRosterRow[];
  /** field → the header as written in the file. */
  columns: Partial<Record<RosterField, string>>;
  fileIssues: { row: number; message: string }[];
};

export const defaultLabels: Record<RosterField, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  cccd: 'Số CCCD',
  phone: 'Số điện thoại',
  email: 'Email',
  jobTitle: 'Chức vụ/Công việc',
};

/** Which field a header names; order matters ("Ngày sinh" before anything with "ten"). */
export function headerField(header: string): RosterField | null {
  const h = foldKey(header);
  if (!h || h === 'stt' || h === 'tt') return null;
  if (/ngay_sinh|ngay_thang_nam_sinh|^nam_sinh$|birth|^dob$/.test(h)) return 'birthDate';
  if (/cccd|can_cuoc|cmnd|dinh_danh|national_id|id_number/.test(h)) return 'cccd';
  if (/dien_thoai|^sdt|di_dong|phone|^dt$/.test(h)) return 'phone';
  if (/email|e_mail|thu_dien_tu/.test(h)) return 'email';
  if (/gioi_tinh|^gioi$|^sex$|gender|nam_nu/.test(h)) return 'sex';
  if (/chuc_vu|cong_viec|vi_tri|nghe_nghiep|chuc_danh|job|position|bo_phan/.test(h)) return 'jobTitle';
  if (/^(ho_va_ten|ho_ten|ten_hoc_vien|ten_nguoi_lao_dong|full_name)($|_)|^(ten|name)$/.test(h))
    return 'fullName';
  return null;
}

type Cell = string | number | Date | null;

/** One cell as a plain value: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return cellValue(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return null;
}

function asText(c: Cell): string | null {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return c;
}

const iso = (y: number, m: number, d: number): string | null => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
    ? dt.toISOString().slice(0, 10)
    : null;
};

/** A birth date from a real Excel date, an Excel serial number, or text dd/mm/yyyy (also - or .) or yyyy-mm-dd. */
export function parseBirthDate(c: Cell): { value: string | null; issue?: string } {
  if (c === null) return { value: null };
  if (c instanceof Date) {
    // Excel dates arrive as UTC midnight; a time-of-day fraction is rounded to the nearest day.
    const d = new Date(c.getTime() + 12 * 3600_000);
    return { value: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
  }
  if (typeof c === 'number') {
    if (c >= 1000 && c <= 9999 && Number.isInteger(c))
      return { value: null, issue: 'Ghi đủ ngày/tháng/năm sinh (dd/mm/yyyy), không chỉ năm sinh' };
    if (c > 0 && c < 80_000) {
      const d = new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000);
      return { value: d.toISOString().slice(0, 10) };
    }
    return { value: null, issue: 'Ngày sinh không đúng dạng dd/mm/yyyy' };
  }
  const s = c.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const v = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    return v ? { value: v } : { value: null, issue: `Ngày sinh ${s} không tồn tại` };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const v = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return v ? { value: v } : { value: null, issue: `Ngày sinh ${s} không tồn tại` };
  }
  if (/^\d{4}$/.test(s))
    return { value: null, issue: 'Ghi đủ ngày/tháng/năm sinh (dd/mm/yyyy), không chỉ năm sinh' };
  return { value: null, issue: 'Ngày sinh không đúng dạng dd/mm/yyyy' };
}

export function parseSex(c: Cell): { value: Sex | null; issue?: string } {
  const t = asText(c);
  if (!t) return { value: null };
  const f = foldKey(t);
  if (['nam', 'male', 'm', '0'].includes(f)) return { value: 'male' };
  if (['nu', 'female', 'f', '1'].includes(f)) return { value: 'female' };
  return { value: null, issue: 'Giới tính ghi "Nam" hoặc "Nữ"' };
}

/** CCCD typed as a number loses its leading zeros (every province code starts with 0): 10–11 digits are padded. */
export function parseCccd(c: Cell): string | null {
  const t = asText(c);
  if (!t) return null;
  const s = t.replace(/^'/, '').replace(/[\s.-]/g, '');
  return /^\d{10,11}$/.test(s) ? s.padStart(12, '0') : s;
}

/** Phone numbers stored as numbers lose the leading 0 (912345678) or keep the country code (84912345678). */
export function parsePhone(c: Cell): string | null {
  const t = asText(c);
  if (!t) return null;
  const s = t.replace(/^'/, '').replace(/[\s.\-()]/g, '');
  if (/^[35789]\d{8}$/.test(s) || /^2\d{9}$/.test(s)) return `0${s}`;
  if (/^84\d{9,10}$/.test(s)) return `0${s.slice(2)}`;
  return s;
}

function toRow(line: number, cells: Cell[], index: Partial<Record<RosterField, number>>): ParsedRosterRow {
  const at = (f: RosterField) => (index[f] === undefined ? null : (cells[index[f]!] ?? null));
  const issues: CellIssue[] = [];
  const birth = parseBirthDate(at('birthDate'));
  if (birth.issue) issues.push({ field: 'birthDate', message: birth.issue });
  const sex = parseSex(at('sex'));
  if (sex.issue) issues.push({ field: 'sex', message: sex.issue });
  return {
    row: line,
    fullName: asText(at('fullName')),
    birthDate: birth.value,
    sex: sex.value,
    cccd: parseCccd(at('cccd')),
    phone: parsePhone(at('phone')),
    email: asText(at('email')),
    jobTitle: asText(at('jobTitle'))?.replace(/\s+/g, ' ') ?? null,
    issues,
  };
}

/** Reads the first worksheet of an XLSX into roster rows (at most MAX_ROSTER_ROWS). */
export async function parseRoster(buf: Buffer): Promise<ParsedRoster> {
  const out: ParsedRoster = { rows: [], columns: {}, fileIssues: [] };
  if (buf.subarray(0, 2).toString() !== 'PK') {
    out.fileIssues.push({
      row: 0,
      message: 'Tệp không phải XLSX (Excel 2007 trở lên): hãy lưu lại dạng .xlsx',
    });
    return out;
  }
  let index: Partial<Record<RosterField, number>> | null = null;
  // Not ExcelJS's streaming WorkbookReader: it decodes each inflated chunk separately and splits multi-byte
  // UTF-8 characters at chunk boundaries ("Đ���ng"; exceljs#2063, #2316, fixes #1665/#1821 unmerged) — silent
  // corruption of Vietnamese names (3 of the benchmark's 10,000 rows came out as "Cư���ng", ExcelJS 4.4.0). The
  // upload limit bounds the memory of loading the whole workbook instead (~1 s for 10,000 rows on a 2-core
  // machine; docs/benchmarks.md).
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    out.fileIssues.push({
      row: 0,
      message: `Tệp XLSX không đọc được: hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx (${(e as Error).message})`,
    });
    return out;
  }
  const ws = wb.worksheets[0];
  const last = ws?.actualRowCount ? ws.rowCount : 0;
  for (let n = 1; n <= last; n++) {
    const row = ws!.findRow(n);
    if (!row) continue;
    const values = (row.values as unknown[]).map(cellValue);
    if (!index) {
      if (n > HEADER_SEARCH_ROWS) break;
      const found: Partial<Record<RosterField, number>> = {};
      values.forEach((v, i) => {
        const f = typeof v === 'string' ? headerField(v) : null;
        if (f && found[f] === undefined) {
          found[f] = i;
          out.columns[f] = (v as string).replace(/\s+/g, ' ');
        }
      });
      if (found.fullName !== undefined) index = found;
      else out.columns = {};
      continue;
    }
    if (values.every((v) => v === null)) continue;
    if (out.rows.length >= MAX_ROSTER_ROWS) {
      out.fileIssues.push({
        row: n,
        message: `Tệp có hơn ${MAX_ROSTER_ROWS.toLocaleString('vi-VN')} dòng: hãy chia thành nhiều tệp`,
      });
      break;
    }
    const parsed = toRow(n, values, index);
    // A row with none of the roster's cells (a signature block, notes beside the table) is not a person.
    if (parsed.fullName || parsed.birthDate || parsed.cccd || parsed.phone || parsed.issues.length)
      out.rows.push(parsed);
  }
  if (!index) {
    out.fileIssues.push({
      row: 0,
      message: `Không tìm thấy dòng tiêu đề có cột "Họ và tên" trong ${HEADER_SEARCH_ROWS} dòng đầu`,
    });
  } else if (index.birthDate === undefined) {
    out.fileIssues.push({ row: 0, message: 'Thiếu cột "Ngày sinh"' });
  } else if (out.rows.length === 0 && out.fileIssues.length === 0) {
    out.fileIssues.push({ row: 0, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề' });
  }
  return out;
}

/**
 * The template enterprises fill in: the headers the parser knows, CCCD and phone columns as text so Excel keeps
 * their leading zeros, the birth-date column formatted dd/mm/yyyy, and a sheet of instructions.
 */
export async function rosterTemplate(title: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Tay';
  const ws = wb.addWorksheet('Danh sách học viên');
  const columns: { header: string; width: number; numFmt?: string }[] = [
    { header: 'STT', width: 6 },
    { header: defaultLabels.fullName, width: 28 },
    { header: defaultLabels.birthDate, width: 14, numFmt: 'dd/mm/yyyy' },
    { header: defaultLabels.sex, width: 10 },
    { header: defaultLabels.cccd, width: 16, numFmt: '@' },
    { header: defaultLabels.phone, width: 15, numFmt: '@' },
    { header: defaultLabels.email, width: 26 },
    { header: defaultLabels.jobTitle, width: 24 },
  ];
  ws.addRow([title ? `DANH SÁCH HỌC VIÊN — ${title}` : 'DANH SÁCH HỌC VIÊN']).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) for (let r = 4; r <= 1003; r++) ws.getCell(r, i + 1).numFmt = c.numFmt;
  });
  for (let r = 4; r <= 1003; r++)
    ws.getCell(r, 4).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"Nam,Nữ"'],
      showErrorMessage: true,
      error: 'Chọn Nam hoặc Nữ',
    };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  for (const line of [
    'Cách điền danh sách học viên',
    '• Mỗi người một dòng, bắt đầu từ dòng 4; giữ nguyên dòng tiêu đề.',
    '• Họ và tên: ghi đủ, có dấu tiếng Việt (ví dụ: Nguyễn Thị Hồng Nhung).',
    '• Ngày sinh: dd/mm/yyyy (ví dụ 07/05/1990); người học từ 15 đến 100 tuổi.',
    '• Giới tính: Nam hoặc Nữ.',
    '• Số CCCD: đủ 12 chữ số (không ghi số CMND 9 số); 3 số đầu là mã tỉnh nơi khai sinh, số thứ 4 và 5–6 khớp giới tính và năm sinh.',
    '• Số điện thoại: 10 chữ số bắt đầu bằng 0, hoặc +84.',
    `• Tối đa ${MAX_ROSTER_ROWS.toLocaleString('vi-VN')} dòng mỗi tệp. Tải lên để xem trước: lỗi được báo theo dòng và cột, chưa có gì được lưu.`,
    '• Số CCCD là dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP): chỉ gửi tệp qua hệ thống, không gửi qua mạng xã hội.',
  ])
    help.addRow([line]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

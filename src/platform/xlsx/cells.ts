import ExcelJS from 'exceljs';
import { foldKey } from '../text.ts';

/**
 * Reading lists the way organisations send them (shared by the training roster and the volunteer registry
 * imports): an XLSX with a title block, then a header row in Vietnamese, dates as real Excel dates or dd/mm/yyyy
 * text, and CCCDs or phone numbers that Excel stored as numbers (leading zeros lost).
 */

export type Cell = string | number | Date | null;

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

export function asText(c: Cell): string | null {
  if (c === null) return null;
  if (typeof c === 'number') return String(c);
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

export function parseSex(c: Cell): { value: 'male' | 'female' | null; issue?: string } {
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

export type PersonColumn = 'fullName' | 'birthDate' | 'sex' | 'cccd' | 'phone' | 'email';

/**
 * Which person field a header names ("Họ và tên", "Ngày sinh", "Số CCCD", "Điện thoại"…), or a list's own column
 * (`own`, asked before the name: "Họ tên - chức vụ" is a job title). Order matters ("Ngày sinh" before anything
 * with "ten").
 */
export function personHeaderField<F extends string>(
  header: string,
  own: (folded: string) => F | null = () => null,
): PersonColumn | F | null {
  const h = foldKey(header);
  if (!h || h === 'stt' || h === 'tt') return null;
  if (/ngay_sinh|ngay_thang_nam_sinh|^nam_sinh$|birth|^dob$/.test(h)) return 'birthDate';
  if (/cccd|can_cuoc|cmnd|dinh_danh|national_id|id_number/.test(h)) return 'cccd';
  if (/dien_thoai|^sdt|di_dong|phone|^dt$/.test(h)) return 'phone';
  if (/email|e_mail|thu_dien_tu/.test(h)) return 'email';
  if (/gioi_tinh|^gioi$|^sex$|gender|nam_nu/.test(h)) return 'sex';
  const o = own(h);
  if (o) return o;
  if (/^(ho_va_ten|ho_ten|ten_hoc_vien|ten_nguoi_lao_dong|full_name)($|_)|^(ten|name)$/.test(h))
    return 'fullName';
  return null;
}

const HEADER_SEARCH_ROWS = 20;

export type SheetTable<F extends string> = {
  /** Data rows under the header: the sheet's row number and its cells (index as in `index`). */
  rows: { line: number; values: Cell[] }[];
  /** field → column index of the header row. */
  index: Partial<Record<F, number>> | null;
  /** field → the header as written in the file. */
  columns: Partial<Record<F, string>>;
  fileIssues: { row: number; message: string }[];
};

/**
 * The first worksheet of an XLSX as a table: the header row is the first of the first 20 rows naming the
 * `key` field (`headerField` says which field a header names); blank rows are skipped; past `maxRows` data rows
 * the file is refused. Not ExcelJS's streaming WorkbookReader: it decodes each inflated chunk separately and
 * splits multi-byte UTF-8 characters at chunk boundaries ("Đ���ng"; exceljs#2063, #2316) — silent corruption
 * of Vietnamese names. The upload limit bounds the memory of loading the whole workbook instead (~1 s for
 * 10,000 rows on a 2-core machine; docs/benchmarks.md).
 */
export async function readSheetTable<F extends string>(
  buf: Buffer,
  opts: {
    headerField: (header: string) => F | null;
    key: F;
    keyLabel: string;
    maxRows: number;
    /** Whether a non-blank row is a record (a signature block or notes beside the table are not). */
    isRecord?: (values: Cell[], index: Partial<Record<F, number>>) => boolean;
  },
): Promise<SheetTable<F>> {
  const out: SheetTable<F> = { rows: [], index: null, columns: {}, fileIssues: [] };
  if (buf.subarray(0, 2).toString() !== 'PK') {
    out.fileIssues.push({
      row: 0,
      message: 'Tệp không phải XLSX (Excel 2007 trở lên): hãy lưu lại dạng .xlsx',
    });
    return out;
  }
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
    if (!out.index) {
      if (n > HEADER_SEARCH_ROWS) break;
      const found: Partial<Record<F, number>> = {};
      values.forEach((v, i) => {
        const f = typeof v === 'string' ? opts.headerField(v) : null;
        if (f && found[f] === undefined) {
          found[f] = i;
          out.columns[f] = (v as string).replace(/\s+/g, ' ');
        }
      });
      if (found[opts.key] !== undefined) out.index = found;
      else out.columns = {};
      continue;
    }
    if (values.every((v) => v === null)) continue;
    if (out.rows.length >= opts.maxRows) {
      out.fileIssues.push({
        row: n,
        message: `Tệp có hơn ${opts.maxRows.toLocaleString('vi-VN')} dòng: hãy chia thành nhiều tệp`,
      });
      break;
    }
    if (!opts.isRecord || opts.isRecord(values, out.index)) out.rows.push({ line: n, values });
  }
  if (!out.index)
    out.fileIssues.push({
      row: 0,
      message: `Không tìm thấy dòng tiêu đề có cột "${opts.keyLabel}" trong ${HEADER_SEARCH_ROWS} dòng đầu`,
    });
  return out;
}

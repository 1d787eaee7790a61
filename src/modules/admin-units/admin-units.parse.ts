import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportRowError } from '../../contracts/admin-units.ts';
import { foldKey } from '../../platform/text.ts';

export type CommuneRow = {
  line: number;
  provinceCode: string;
  provinceName: string;
  code: string;
  name: string;
};
export type ParsedFile = { rows: CommuneRow[]; errors: ImportRowError[] };

const MAX_ROWS = 20_000;

/** Header names, official or spreadsheet-style, in Vietnamese or English, folded to one key. */
const headerAliases: Record<string, keyof Omit<CommuneRow, 'line'>> = {
  province_code: 'provinceCode',
  ma_tinh: 'provinceCode',
  ma_tp: 'provinceCode',
  province_name: 'provinceName',
  ten_tinh: 'provinceName',
  tinh_thanh_pho: 'provinceName',
  commune_code: 'code',
  ma_xa: 'code',
  ma: 'code',
  commune_name: 'name',
  ten_xa: 'name',
  ten: 'name',
};

/** Spreadsheets drop leading zeros from numeric codes: 1 → "01", 70 → "00070". */
function padCode(value: string, width: number): string {
  const v = value.trim();
  return /^\d+$/.test(v) && v.length < width ? v.padStart(width, '0') : v;
}

function mapHeader(headers: string[]): {
  index: Partial<Record<keyof Omit<CommuneRow, 'line'>, number>>;
  errors: ImportRowError[];
} {
  const index: Partial<Record<keyof Omit<CommuneRow, 'line'>, number>> = {};
  headers.forEach((h, i) => {
    const key = headerAliases[foldKey(h)];
    if (key && index[key] === undefined) index[key] = i;
  });
  const required = [
    ['provinceCode', 'province_code'],
    ['code', 'commune_code'],
    ['name', 'commune_name'],
  ] as const;
  const errors = required
    .filter(([k]) => index[k] === undefined)
    .map(([, col]) => ({ line: 1, field: col, message: `Thiếu cột ${col}` }));
  return { index, errors };
}

function toRows(table: { line: number; cells: string[] }[]): ParsedFile {
  const [head, ...body] = table;
  if (!head) return { rows: [], errors: [{ line: 1, field: 'file', message: 'Tệp trống' }] };
  const { index, errors } = mapHeader(head.cells);
  if (errors.length) return { rows: [], errors };
  if (body.length > MAX_ROWS) {
    return {
      rows: [],
      errors: [{ line: MAX_ROWS + 2, field: 'file', message: `Tối đa ${MAX_ROWS} dòng mỗi lần nhập` }],
    };
  }
  const cell = (cells: string[], k: keyof typeof index) =>
    index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim();
  const rows = body
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({
      line: r.line,
      provinceCode: padCode(cell(r.cells, 'provinceCode'), 2),
      provinceName: cell(r.cells, 'provinceName'),
      code: padCode(cell(r.cells, 'code'), 5),
      name: cell(r.cells, 'name').replace(/\s+/g, ' '),
    }));
  return { rows, errors: [] };
}

export function parseCsv(buf: Buffer): ParsedFile {
  try {
    const records = parse(buf, {
      bom: true,
      relax_quotes: false,
      skip_empty_lines: false,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return toRows(records.map((r) => ({ line: r.info.lines, cells: r.record })));
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return {
      rows: [],
      errors: [{ line: err.lines ?? 0, field: 'file', message: `CSV không đọc được: ${err.message}` }],
    };
  }
}

export async function parseXlsx(buf: Buffer): Promise<ParsedFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    return {
      rows: [],
      errors: [{ line: 0, field: 'file', message: `Tệp XLSX không đọc được: ${(e as Error).message}` }],
    };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ line: 0, field: 'file', message: 'Tệp không có trang tính nào' }] };
  const table: { line: number; cells: string[] }[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text ?? '');
    table.push({ line, cells });
  });
  return toRows(table);
}

export async function parseAdminUnitFile(buf: Buffer, filename: string): Promise<ParsedFile> {
  const isXlsx = /\.xlsx$/i.test(filename) || buf.subarray(0, 2).toString() === 'PK';
  return isXlsx ? parseXlsx(buf) : parseCsv(buf);
}

export function communeKind(name: string): 'xa' | 'phuong' | 'dac_khu' | null {
  if (/^Xã\s/u.test(name)) return 'xa';
  if (/^Phường\s/u.test(name)) return 'phuong';
  if (/^Đặc khu\s/u.test(name)) return 'dac_khu';
  return null;
}

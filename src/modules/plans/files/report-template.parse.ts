import ExcelJS from 'exceljs';
import { type NumberIssue, type NumberRules, parseNumber } from '../../../contracts/numbers.ts';
import { reportValueRules } from '../../../contracts/plans.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import type { Indicator } from './consolidated.service.ts';
import { MAGIC, SHEET, type TemplateColumn, templateColumns } from './report-template.ts';

/**
 * The reader of a filled reporting template: the plan and period it says it is for, one line per unit with
 * the number in each column found by its bracketed code, and what is wrong with each cell, named by row and
 * column (`file.row 7.DV_MAU`).
 */

const MAX_ROWS = 5000;

/** Where an issue of a file is: a row, and a column by its code. */
export const fileCell = (row: number | string, col?: string) => `file.row ${row}${col ? `.${col}` : ''}`;

export type ParsedRow = { row: number; orgId: number; cells: Map<string, number | null> };
export type ParsedTemplate = {
  planId: number | null;
  periodKey: string | null;
  rows: ParsedRow[];
  issues: FieldIssue[];
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

const issueText = (issue: NumberIssue, text: string): string => {
  const quoted = `“${text.slice(0, 40)}”`;
  if (issue.code === 'not_integer') return `${quoted} phải là số nguyên`;
  if (issue.code === 'too_small') return `${quoted} không được nhỏ hơn ${issue.min}`;
  if (issue.code === 'too_large') return `${quoted} không được lớn hơn ${issue.max}`;
  return `${quoted} không phải là số`;
};

/**
 * A number, a blank (null), or why the cell is not a number. Text is read by the very parser of the report
 * form's number field (Vietnamese marks: "1.234" is one thousand two hundred thirty-four, "1,5" one and a half).
 */
export function readNumber(
  v: ExcelJS.CellValue,
  rules: NumberRules = {},
): { value: number | null } | { error: string } {
  if (v && typeof v === 'object' && 'result' in v) v = (v.result ?? null) as ExcelJS.CellValue;
  if (v && typeof v === 'object' && 'error' in v) return { error: `ô báo lỗi ${v.error}` };
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { error: 'không phải số' };
  if (typeof v === 'boolean') return { value: v ? 1 : 0 };
  if (v instanceof Date) return { error: 'là ngày tháng, không phải số' };
  const text = cellText(v).trim();
  if (text === '') return { value: null };
  const folded = text.toLowerCase();
  if (folded === 'có') return { value: 1 };
  if (folded === 'không') return { value: 0 };
  const read = parseNumber(text, 'vi', rules);
  return 'issue' in read ? { error: issueText(read.issue, text) } : read;
}

/** The header row is the one naming [ORG_ID] (within the first 20); each column is found by its bracketed code. */
function findHeader(ws: ExcelJS.Worksheet) {
  const colOf = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    ws.getRow(r).eachCell((cell, c) => {
      const m = /\[([A-Za-z0-9_.:-]+)\]\s*$/.exec(cellText(cell.value));
      if (m) colOf.set(m[1]!, c);
    });
    if (colOf.has('ORG_ID')) return { headerRow: r, colOf };
    colOf.clear();
  }
  return undefined;
}

/** The lines below the header: a unit id and a number (or blank) per column; empty lines are skipped. */
function readLines(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  colOf: Map<string, number>,
  cols: TemplateColumn[],
) {
  const rows: ParsedRow[] = [];
  const issues: FieldIssue[] = [];
  const last = ws.actualRowCount ? ws.rowCount : headerRow;
  for (let r = headerRow + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells = new Map<string, number | null>();
    let hasValue = false;
    for (const c of cols) {
      const read = readNumber(
        row.getCell(colOf.get(c.code)!).value,
        reportValueRules(c.indicator, c.part.kind),
      );
      if ('error' in read) issues.push({ path: fileCell(r, c.code), message: `${c.header}: ${read.error}` });
      else cells.set(c.code, read.value);
      if ('error' in read || read.value !== null) hasValue = true;
    }
    const idText = cellText(row.getCell(colOf.get('ORG_ID')!).value).trim();
    if (!idText && !hasValue) continue; // an empty line
    const orgId = /^\d+$/.test(idText) ? Number(idText) : Number.NaN;
    if (Number.isSafeInteger(orgId)) rows.push({ row: r, orgId, cells });
    else
      issues.push({
        path: fileCell(r, 'ORG_ID'),
        message: 'Thiếu hoặc sai mã đơn vị: không thêm dòng, chỉ nhập vào các dòng có sẵn.',
      });
  }
  return { rows, issues };
}

/** A workbook from an upload, or why it cannot be one. */
async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook | string> {
  // XLSX is a ZIP archive: anything else is refused before the parser sees it.
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50)
    return 'Tệp không phải tệp Excel .xlsx (hãy dùng biểu mẫu tải về từ hệ thống).';
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb;
  } catch {
    return 'Không đọc được tệp Excel .xlsx: tệp hỏng hoặc không đúng định dạng.';
  }
}

export async function parseTemplate(buf: Buffer, indicators: Indicator[]): Promise<ParsedTemplate> {
  const fail = (message: string): ParsedTemplate => ({
    planId: null,
    periodKey: null,
    rows: [],
    issues: [{ path: 'file', message }],
  });
  const wb = await loadWorkbook(buf);
  if (typeof wb === 'string') return fail(wb);
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return fail('Tệp không có trang tính nào.');
  const isOurs = cellText(ws.getCell('A1').value) === MAGIC;
  const planId = isOurs ? Number(cellText(ws.getCell('A2').value)) || null : null;
  const periodKey = isOurs ? cellText(ws.getCell('A3').value) || null : null;
  const header = findHeader(ws);
  if (!header)
    return fail('Không tìm thấy dòng tiêu đề có cột [ORG_ID]: hãy dùng biểu mẫu tải về từ hệ thống.');
  const cols = templateColumns(indicators);
  const missing = cols.filter((c) => !header.colOf.has(c.code)).map((c) => `[${c.code}]`);
  if (missing.length) {
    const message = `Thiếu cột ${missing.join(', ')}: hãy tải lại biểu mẫu mới.`;
    return { planId, periodKey, rows: [], issues: [{ path: fileCell(header.headerRow), message }] };
  }
  const last = ws.actualRowCount ? ws.rowCount : header.headerRow;
  if (last - header.headerRow > MAX_ROWS) return fail(`Tối đa ${MAX_ROWS} đơn vị trong một tệp.`);
  return { planId, periodKey, ...readLines(ws, header.headerRow, header.colOf, cols) };
}

import ExcelJS from 'exceljs';
import {
  asText,
  type Cell,
  parseBirthDate,
  parseCccd,
  parsePhone,
  parseSex,
  personHeaderField,
  readSheetTable,
} from '../../../platform/xlsx/cells.ts';
import type { Sex } from '../../people/index.ts';

export { parseBirthDate, parseCccd, parsePhone, parseSex };

/**
 * Reads a roster the way enterprises send it: an XLSX with a title block, then a header row in Vietnamese
 * ("Họ và tên", "Ngày sinh", "Số CCCD"…), dates as real Excel dates or dd/mm/yyyy text, and CCCDs or phone
 * numbers that Excel stored as numbers (leading zeros lost). Rows past the cap are refused.
 */

export const MAX_ROSTER_ROWS = 10_000;

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

/** Which field a header names: a person's, or the job title. */
export function headerField(header: string): RosterField | null {
  return personHeaderField<'jobTitle'>(header, (h) =>
    /chuc_vu|cong_viec|vi_tri|nghe_nghiep|chuc_danh|job|position|bo_phan/.test(h) ? 'jobTitle' : null,
  );
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
  const table = await readSheetTable<RosterField>(buf, {
    headerField,
    key: 'fullName',
    keyLabel: 'Họ và tên',
    maxRows: MAX_ROSTER_ROWS,
    // A row with none of the roster's cells (a signature block, notes beside the table) is not a person.
    isRecord: (values, index) => {
      const r = toRow(0, values, index);
      return Boolean(r.fullName || r.birthDate || r.cccd || r.phone || r.issues.length);
    },
  });
  const out: ParsedRoster = {
    rows: table.index ? table.rows.map((r) => toRow(r.line, r.values, table.index!)) : [],
    columns: table.columns,
    fileIssues: table.fileIssues,
  };
  if (!table.index) return out;
  if (table.index.birthDate === undefined) {
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

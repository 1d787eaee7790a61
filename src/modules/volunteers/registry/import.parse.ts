import type { VolunteerGroup } from '../../../contracts/volunteers/common.ts';
import { volunteerSkills } from '../../../contracts/volunteers/common.ts';
import { groupWords, volunteerColumns } from '../../../contracts/volunteers/registry-import.ts';
import { foldKey } from '../../../platform/text.ts';
import {
  asText,
  type Cell,
  type PersonColumn,
  parseBirthDate,
  parseCccd,
  parsePhone,
  parseSex,
  personHeaderField,
  readSheetTable,
} from '../../../platform/xlsx/cells.ts';

/**
 * Reads a volunteer list the way institutions send it (STT, Họ và tên, Ngày sinh, Giới tính, Số CCCD, Điện thoại,
 * Email, Đối tượng, Khoa/Bộ môn, Năm thứ, Chuyên ngành, Kỹ năng, Sẵn sàng, Tỉnh quê quán), with the cell
 * readers the training roster uses (platform/xlsx/cells.ts).
 */

export const MAX_VOLUNTEER_ROWS = 10_000;

export type OwnColumn =
  | 'group'
  | 'faculty'
  | 'studyYear'
  | 'profession'
  | 'skills'
  | 'ready'
  | 'homeProvince';
export type VolunteerField = PersonColumn | OwnColumn;
export type CellIssue = { field: VolunteerField; message: string };

export type ParsedVolunteerRow = {
  row: number;
  fullName: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  group: VolunteerGroup | null;
  faculty: string | null;
  studyYear: number | null;
  profession: string | null;
  skills: string[];
  ready: boolean;
  homeProvince: string | null;
  issues: CellIssue[];
};

export type ParsedVolunteers = {
  rows: ParsedVolunteerRow[];
  columns: Partial<Record<VolunteerField, string>>;
  fileIssues: { row: number; message: string }[];
};

export const volunteerLabels: Record<VolunteerField, string> = {
  fullName: volunteerColumns[1],
  birthDate: volunteerColumns[2],
  sex: volunteerColumns[3],
  cccd: volunteerColumns[4],
  phone: volunteerColumns[5],
  email: volunteerColumns[6],
  group: volunteerColumns[7],
  faculty: volunteerColumns[8],
  studyYear: volunteerColumns[9],
  profession: volunteerColumns[10],
  skills: volunteerColumns[11],
  ready: volunteerColumns[12],
  homeProvince: volunteerColumns[13],
};

function ownColumn(h: string): OwnColumn | null {
  if (/doi_tuong|^nhom$|^group$/.test(h)) return 'group';
  if (/^khoa|bo_mon|faculty|department/.test(h)) return 'faculty';
  if (/^nam_thu|^nam_hoc|study_year|^year$/.test(h)) return 'studyYear';
  if (/chuyen_nganh|chuyen_mon|nghe_nghiep|profession|speciality/.test(h)) return 'profession';
  if (/ky_nang|skill/.test(h)) return 'skills';
  if (/san_sang|ready/.test(h)) return 'ready';
  if (/que_quan|^tinh|province/.test(h)) return 'homeProvince';
  return null;
}

export const headerField = (header: string): VolunteerField | null => personHeaderField(header, ownColumn);

const groupByWord = new Map<string, VolunteerGroup>(
  Object.entries(groupWords).flatMap(([code, word]) => [
    [foldKey(word), code as VolunteerGroup],
    [code, code as VolunteerGroup],
  ]),
);
groupByWord.set('sinh_vien_hoc_vien', 'student');
groupByWord.set('nghien_cuu_sinh', 'graduate_student');

const skillByWord = new Map<string, string>(
  Object.entries(volunteerSkills).flatMap(([code, w]) => [
    [foldKey(w.vi), code],
    [foldKey(w.en), code],
    [code, code],
  ]),
);

/** "Lấy mẫu xét nghiệm, Tiêm chủng" → skill codes; an unknown word is named. */
export function parseSkills(text: string | null): { value: string[]; unknown: string[] } {
  if (!text) return { value: [], unknown: [] };
  const value: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const word = part.trim();
    if (!word) continue;
    const code = skillByWord.get(foldKey(word));
    if (code) {
      if (!value.includes(code)) value.push(code);
    } else unknown.push(word);
  }
  return { value, unknown };
}

export function parseYes(c: Cell): { value: boolean; issue?: string } {
  const t = asText(c);
  if (!t) return { value: false };
  const f = foldKey(t);
  if (['co', 'x', '1', 'yes', 'true', 'san_sang'].includes(f)) return { value: true };
  if (['khong', '0', 'no', 'false', 'chua'].includes(f)) return { value: false };
  return { value: false, issue: 'Ghi "Có" hoặc "Không"' };
}

function toRow(
  line: number,
  cells: Cell[],
  index: Partial<Record<VolunteerField, number>>,
): ParsedVolunteerRow {
  const at = (f: VolunteerField) => (index[f] === undefined ? null : (cells[index[f]!] ?? null));
  const text = (f: VolunteerField) => asText(at(f))?.replace(/\s+/g, ' ') ?? null;
  const issues: CellIssue[] = [];
  const birth = parseBirthDate(at('birthDate'));
  if (birth.issue) issues.push({ field: 'birthDate', message: birth.issue });
  const sex = parseSex(at('sex'));
  if (sex.issue) issues.push({ field: 'sex', message: sex.issue });
  const groupText = text('group');
  const group = groupText ? (groupByWord.get(foldKey(groupText)) ?? null) : null;
  if (groupText && !group)
    issues.push({
      field: 'group',
      message: 'Đối tượng ghi "Cán bộ", "Giảng viên", "Học viên" hoặc "Sinh viên"',
    });
  const yearText = text('studyYear');
  const studyYear = yearText && /^\d{1,2}$/.test(yearText) ? Number(yearText) : null;
  if (yearText && (studyYear === null || studyYear < 1 || studyYear > 10))
    issues.push({ field: 'studyYear', message: 'Năm thứ ghi một số từ 1 đến 10' });
  const skills = parseSkills(text('skills'));
  if (skills.unknown.length)
    issues.push({
      field: 'skills',
      message: `Kỹ năng không có trong danh mục: ${skills.unknown.join(', ')}`,
    });
  const ready = parseYes(at('ready'));
  if (ready.issue) issues.push({ field: 'ready', message: ready.issue });
  return {
    row: line,
    fullName: text('fullName'),
    birthDate: birth.value,
    sex: sex.value,
    cccd: parseCccd(at('cccd')),
    phone: parsePhone(at('phone')),
    email: text('email'),
    group,
    faculty: text('faculty'),
    studyYear: studyYear !== null && studyYear >= 1 && studyYear <= 10 ? studyYear : null,
    profession: text('profession'),
    skills: skills.value,
    ready: ready.value,
    homeProvince: text('homeProvince'),
    issues,
  };
}

/** Reads the first worksheet of an XLSX into volunteer rows (at most MAX_VOLUNTEER_ROWS). */
export async function parseVolunteers(buf: Buffer): Promise<ParsedVolunteers> {
  const table = await readSheetTable<VolunteerField>(buf, {
    headerField,
    key: 'fullName',
    keyLabel: volunteerLabels.fullName,
    maxRows: MAX_VOLUNTEER_ROWS,
    isRecord: (values, index) => {
      const r = toRow(0, values, index);
      return Boolean(r.fullName || r.birthDate || r.cccd || r.phone);
    },
  });
  const out: ParsedVolunteers = {
    rows: table.index ? table.rows.map((r) => toRow(r.line, r.values, table.index!)) : [],
    columns: table.columns,
    fileIssues: table.fileIssues,
  };
  if (!table.index) return out;
  if (table.index.birthDate === undefined) out.fileIssues.push({ row: 0, message: 'Thiếu cột "Ngày sinh"' });
  else if (out.rows.length === 0 && out.fileIssues.length === 0)
    out.fileIssues.push({ row: 0, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề' });
  return out;
}

import { volunteerSkills } from '../../../contracts/volunteers/common.ts';
import { vnDateText } from '../../../platform/pdf.ts';
import type { AssignmentRow } from './assignments.repo.ts';
import type { SummaryDocument } from './documents.service.ts';
import type { Column } from './pdf-table.ts';

/** The columns and cell texts deployment's lists share between their XLSX and their PDF. */

const groupVi: Record<string, string> = {
  staff: 'Cán bộ',
  lecturer: 'Giảng viên',
  graduate_student: 'Học viên sau đại học',
  student: 'Sinh viên',
  other: 'Khác',
};

/** A4 landscape content width, 751 pt. */
export const sendOffColumns: Column[] = [
  { title: 'STT', width: 26, align: 'center' },
  { title: 'Họ và tên', width: 110 },
  { title: 'Ngày sinh', width: 58, align: 'center' },
  { title: 'Đối tượng', width: 62 },
  { title: 'Khoa/lớp', width: 80 },
  { title: 'Kỹ năng/nhiệm vụ', width: 95 },
  { title: 'Nơi đến', width: 85 },
  { title: 'Từ ngày – Đến ngày', width: 100, align: 'center' },
  { title: 'Trưởng nhóm', width: 80 },
  { title: 'Ghi chú', width: 55 },
];

const skillVi = (s: string | null) =>
  s && s in volunteerSkills ? volunteerSkills[s as keyof typeof volunteerSkills].vi : s;

export function sendOffCells(r: AssignmentRow, i: number): string[] {
  const note =
    r.status === 'ended_early' && r.endedOn
      ? `Về sớm ngày ${vnDateText(r.endedOn)}`
      : r.overrideReason
        ? 'Phân công vượt quy tắc trùng lịch'
        : '';
  return [
    String(i + 1),
    r.fullName,
    r.birthDate ? vnDateText(r.birthDate) : '',
    groupVi[r.group] ?? r.group,
    [r.faculty, r.studyYear ? `năm ${r.studyYear}` : null].filter(Boolean).join(', '),
    r.task ?? skillVi(r.skill) ?? '',
    r.site ? `${r.destinationName} – ${r.site}` : r.destinationName,
    `${vnDateText(r.startsOn)} – ${vnDateText(r.endedOn ?? r.endsOn)}`,
    r.teamLeaderName ?? '',
    note,
  ];
}

export const summaryColumns: Column[] = [
  { title: 'STT', width: 30, align: 'center' },
  { title: 'Đơn vị', width: 261 },
  { title: 'Chỉ tiêu', width: 80, align: 'right' },
  { title: 'Đã đề cử', width: 90, align: 'right' },
  { title: 'Đã điều động', width: 95, align: 'right' },
  { title: 'Đã trở về', width: 90, align: 'right' },
  { title: 'Giờ trực đã duyệt', width: 105, align: 'right' },
];

const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function summaryCells(d: SummaryDocument): string[][] {
  const line = (r: SummaryDocument['totals']) =>
    [r.quota, r.proposed, r.deployed, r.returned, r.approvedHours].map((n) => num.format(Number(n)));
  return [
    ...d.rows.map((r, i) => [String(i + 1), r.orgName, ...line(r)]),
    ['', 'Tổng cộng', ...line(d.totals)],
  ];
}

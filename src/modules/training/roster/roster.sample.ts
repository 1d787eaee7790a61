import ExcelJS from 'exceljs';

/**
 * Made-up but valid rosters the way an enterprise sends them (a title block, Vietnamese headers, dates as
 * Excel dates, CCCDs as text): the demo data, the acceptance test, the sample file in docs/samples and the
 * benchmark build their files here. Deterministic: the same seed gives the same people. CCCDs follow
 * Thông tư 59/2021/TT-BCA (birthplace 027 Bắc Ninh / 024 Bắc Giang, century-and-sex digit, birth year).
 */

export type SampleWorker = {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  cccd: string;
  phone: string;
  jobTitle: string;
};

const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Đào',
  'Trịnh',
];
const middles = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân'],
  female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Thị Thu'],
};
const givens = {
  male: [
    'An',
    'Bảo',
    'Cường',
    'Dũng',
    'Đức',
    'Giang',
    'Hải',
    'Hùng',
    'Khánh',
    'Long',
    'Nam',
    'Phúc',
    'Quân',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
  ],
  female: [
    'Anh',
    'Ánh',
    'Chi',
    'Dung',
    'Hà',
    'Hằng',
    'Hoa',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Ngân',
    'Nhung',
    'Phương',
    'Thảo',
    'Trang',
    'Yến',
  ],
};
/** The name parts, for other generators of made-up people (the volunteers' demo registry and benchmark). */
export const sampleNameParts = { families, middles, givens } as const;

const jobs = [
  'Công nhân lắp ráp',
  'Công nhân kiểm tra chất lượng',
  'Tổ trưởng sản xuất',
  'Kỹ thuật viên',
  'Công nhân đóng gói',
  'Thủ kho',
];

/** A small deterministic generator (mulberry32), so samples never change between runs. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` workers aged about 19–50 on `today`; `offset` makes their CCCDs and phones distinct from another batch. */
export function sampleWorkers(n: number, seed = 1, offset = 0, today = '2026-05-04'): SampleWorker[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const thisYear = Number(today.slice(0, 4));
  return Array.from({ length: n }, (_, i) => {
    const sex = rnd() < 0.55 ? 'female' : 'male';
    const year = thisYear - 19 - Math.floor(rnd() * 31);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const centurySex = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    const serial = String(offset + i + 1).padStart(6, '0');
    return {
      fullName: `${pick(families)} ${pick(middles[sex])} ${pick(givens[sex])}`,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
      cccd: `${rnd() < 0.7 ? '027' : '024'}${centurySex}${String(year).slice(2)}${serial}`,
      phone: `09${String(10_000_000 + offset + i).slice(-8)}`,
      jobTitle: pick(jobs),
    };
  });
}

export type RosterCell = string | number | Date | null;

/** A worker as a roster line: STT is added by the file; the birth date is a real Excel date. */
export function rosterLine(w: SampleWorker): RosterCell[] {
  return [
    w.fullName,
    new Date(`${w.birthDate}T00:00:00Z`),
    w.sex === 'male' ? 'Nam' : 'Nữ',
    w.cccd,
    w.phone,
    w.jobTitle,
  ];
}

/** The XLSX an enterprise sends: title, a blank line, the headers on row 3, one worker per row. */
export async function rosterWorkbook(
  lines: RosterCell[][],
  title = 'DANH SÁCH NGƯỜI LAO ĐỘNG THAM GIA TẬP HUẤN SƠ CẤP CỨU',
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Tay';
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow([title]).font = { bold: true };
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Số CCCD',
    'Số điện thoại',
    'Chức vụ/Công việc',
  ]).font = {
    bold: true,
  };
  for (const [i, w] of [28, 14, 10, 16, 14, 28].entries()) ws.getColumn(i + 2).width = w;
  lines.forEach((l, i) => {
    const row = ws.addRow([i + 1, ...l]);
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.getCell(5).numFmt = '@';
    row.getCell(6).numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The three mistakes of seed 000's roster, on rows 4, 6 and 9 of the file: a 9-digit CMND typed for the CCCD,
 * a missing birth date, and a worker listed twice. `fixed` is the corrected file (the duplicate removed).
 */
export function withTypicalMistakes(workers: SampleWorker[]): { bad: RosterCell[][]; fixed: RosterCell[][] } {
  const fixed = workers.map(rosterLine);
  const bad = fixed.map((l) => [...l]);
  bad[0]![3] = String(bad[0]![3]).slice(3); // 9 digits: an old CMND number
  bad[2]![1] = null; // no birth date
  bad.splice(5, 0, [...fixed[1]!]); // row 2 again
  return { bad, fixed };
}

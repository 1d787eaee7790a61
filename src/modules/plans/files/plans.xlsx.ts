import ExcelJS from 'exceljs';
import { formatViDate } from '../../../platform/dates.ts';
import { behindSheet } from './behind.xlsx.ts';
import {
  type Consolidated,
  completenessText,
  type Indicator,
  planKindLabel,
  statusLabel,
  type Total,
  type UnitLine,
} from './consolidated.service.ts';
import { box, dateFmt, headFill, intFmt, pctFmt, sumFill, sumFmt, xlsxDate, yesNoFmt } from './xlsx-style.ts';

/**
 * The consolidated report as a workbook — what goes upward: a heading block, the sheet "Tổng hợp" with one
 * line per unit of the hierarchy (indented by level), the totals, target and achievement lines, and the
 * sheet "Chưa nộp, muộn" (behind.xlsx.ts). Numbers stay numbers; percentages are fractions with a % format.
 */

type Col = { header: string; kind: 'value' | 'denominator' | 'percent'; numFmt: string; width: number };

export function indicatorColumns(ind: Indicator): Col[] {
  if (ind.kind === 'ratio') {
    return [
      { header: ind.numeratorLabel ?? 'Tử số', kind: 'value', numFmt: sumFmt, width: 14 },
      { header: ind.denominatorLabel ?? 'Mẫu số', kind: 'denominator', numFmt: sumFmt, width: 14 },
      { header: 'Tỷ lệ', kind: 'percent', numFmt: pctFmt, width: 10 },
    ];
  }
  if (ind.kind === 'yes_no') {
    return [
      { header: 'Có thực hiện (số đơn vị)', kind: 'value', numFmt: intFmt, width: 14 },
      { header: 'Tỷ lệ đơn vị', kind: 'percent', numFmt: pctFmt, width: 10 },
    ];
  }
  const unit = ind.unit ? ` (${ind.unit})` : '';
  return [
    { header: `Kết quả${unit}`, kind: 'value', numFmt: ind.kind === 'count' ? intFmt : sumFmt, width: 14 },
  ];
}

/** A percentage as the fraction Excel formats with %, without float noise (33.3 → 0.333). */
const pct = (p: number | null) => (p === null ? null : Math.round(p * 10) / 1000);

type Cell = { value: number | string | null; numFmt?: string; isBelow?: boolean };

/** What a missing figure reads as everywhere (web, XLSX, PDF): never a 0 that looks like a result. */
const MISSING = '—';

/**
 * The cells of one indicator for one line: a reporter's yes/no reads "Có"/"Không"; a unit that has no counted
 * report reads "—"; a share under its floor is marked (red, see the note).
 */
function totalCells(ind: Indicator, t: Total, line: UnitLine | null): Cell[] {
  const isMissing = t.value === null || (line !== null && line.reported === 0);
  return indicatorColumns(ind).map((c) => {
    if (isMissing) return { value: MISSING };
    if (c.kind === 'value') {
      if (ind.kind === 'yes_no' && line?.isReporter) return { value: t.value, numFmt: yesNoFmt };
      return { value: t.value };
    }
    if (c.kind === 'denominator') return { value: t.denominator };
    if (ind.kind === 'yes_no' && line?.isReporter) return { value: null };
    return { value: t.percent === null ? MISSING : pct(t.percent), isBelow: t.isBelowFloor };
  });
}

/** The goal a quota is judged on: 105% of a quota of 1,000 is 1,050. */
const goalOf = (ind: Indicator, t: Total) =>
  t.target === null ? null : Math.round(t.target * ind.goalPercent) / 100;

function goalCells(ind: Indicator, t: Total): Cell[] {
  const isQuota = ind.kind === 'count' || ind.kind === 'sum';
  return indicatorColumns(ind).map((c) => {
    if (isQuota && c.kind === 'value') return { value: goalOf(ind, t) };
    if (!isQuota && c.kind === 'percent') return { value: pct(t.target) };
    return { value: null };
  });
}

function targetCells(ind: Indicator, t: Total) {
  return indicatorColumns(ind).map((c) => {
    const isQuota = ind.kind === 'count' || ind.kind === 'sum';
    if (isQuota && c.kind === 'value') return { value: t.target };
    if (!isQuota && c.kind === 'percent') return { value: pct(t.target) };
    return { value: null };
  });
}

function achievementCells(ind: Indicator, t: Total) {
  const cols = indicatorColumns(ind);
  // Shown under the column the target is judged on: the result for quotas, the share otherwise.
  const at = ind.kind === 'count' || ind.kind === 'sum' ? 0 : cols.length - 1;
  return cols.map((c, i) =>
    i === at ? { value: pct(t.achievementPercent), numFmt: pctFmt } : { value: null, numFmt: c.numFmt },
  );
}

function headingBlock(ws: ExcelJS.Worksheet, d: Consolidated, lastCol: number) {
  const merge = (row: number) => ws.mergeCells(row, 1, row, lastCol);
  const put = (
    row: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    align: 'left' | 'center' = 'center',
  ) => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    merge(row);
  };
  if (d.org.parentName) put(1, d.org.parentName.toUpperCase(), { size: 11 }, 'left');
  put(2, d.org.name.toUpperCase(), { bold: true, size: 11 }, 'left');
  put(4, 'BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN', { bold: true, size: 14 });
  put(
    5,
    `${planKindLabel[d.plan.kind]} số ${d.plan.number} ngày ${formatViDate(d.plan.issuedOn)} của ${d.plan.issuerName}`,
    { italic: true, size: 11 },
  );
  put(6, d.plan.title, { bold: true, size: 12 });
  ws.getRow(6).height = 32;
  const facts: [string, string | Date][] = [
    ['Cơ quan ban hành', d.plan.issuerName],
    ['Số, ký hiệu', d.plan.number],
    ['Kỳ báo cáo', d.periodLabel],
    ['Hạn nộp báo cáo', xlsxDate(d.dueOn)],
    ['Đơn vị tổng hợp', d.org.name],
    ['Ngày lập', xlsxDate(d.today)],
    ['Tình hình báo cáo', completenessText(d.completeness)],
  ];
  facts.forEach(([label, value], i) => {
    const row = 8 + i;
    ws.getCell(row, 1).value = `${label}:`;
    ws.getCell(row, 1).font = { bold: true };
    const cell = ws.getCell(row, 2);
    cell.value = value;
    if (value instanceof Date) cell.numFmt = dateFmt;
    cell.alignment = { horizontal: 'left' };
    ws.mergeCells(row, 2, row, lastCol);
  });
  return 8 + facts.length + 1; // the table's first header row
}

function summarySheet(wb: ExcelJS.Workbook, d: Consolidated) {
  const ws = wb.addWorksheet('Tổng hợp', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const groups = d.indicators.map((ind) => ({ ind, cols: indicatorColumns(ind) }));
  const lastCol = 3 + groups.reduce((n, g) => n + g.cols.length, 0);
  const head = headingBlock(ws, d, lastCol);

  // Two header rows: the indicator over its columns, then what each column holds.
  const h1 = ws.getRow(head);
  const h2 = ws.getRow(head + 1);
  ['Đơn vị', 'Tình trạng', 'Ngày nộp'].forEach((label, i) => {
    h1.getCell(i + 1).value = label;
    ws.mergeCells(head, i + 1, head + 1, i + 1);
  });
  let col = 4;
  for (const g of groups) {
    h1.getCell(col).value = `${g.ind.code}. ${g.ind.name}`;
    if (g.cols.length > 1) ws.mergeCells(head, col, head, col + g.cols.length - 1);
    g.cols.forEach((c, i) => {
      h2.getCell(col + i).value = c.header;
      ws.getColumn(col + i).width = c.width;
    });
    col += g.cols.length;
  }
  for (const r of [h1, h2]) {
    r.height = r === h1 ? 48 : 32;
    for (let c = 1; c <= lastCol; c++) {
      const cell = r.getCell(c);
      cell.font = { bold: true };
      cell.fill = headFill;
      cell.border = box;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  ws.getColumn(1).width = 46;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 12;
  ws.views = [
    { state: 'frozen', xSplit: 1, ySplit: head + 1, topLeftCell: `B${head + 2}`, activeCell: `B${head + 2}` },
  ];

  const addLine = (
    first: { label: string; indent?: number; bold?: boolean },
    status: string | null,
    date: string | null,
    cells: Cell[],
    fill?: ExcelJS.Fill,
  ) => {
    const row = ws.addRow([first.label, status, date ? xlsxDate(date) : null, ...cells.map((c) => c.value)]);
    row.getCell(1).alignment = { indent: first.indent ?? 0, wrapText: true, vertical: 'middle' };
    row.getCell(3).numFmt = dateFmt;
    let c = 4;
    for (const g of groups) {
      g.cols.forEach((spec) => {
        const cell = row.getCell(c);
        const got = cells[c - 4];
        cell.numFmt = got?.numFmt ?? spec.numFmt;
        if (got?.value === MISSING) cell.alignment = { horizontal: 'right' };
        if (got?.isBelow) cell.font = { bold: true, color: { argb: 'FFC8102E' } };
        c++;
      });
    }
    for (let i = 1; i <= lastCol; i++) {
      const cell = row.getCell(i);
      cell.border = box;
      if (first.bold) cell.font = { ...cell.font, bold: true };
      if (fill) cell.fill = fill;
    }
  };

  for (const line of d.units) {
    const status = line.status ? statusLabel[line.status] : `${line.reported}/${line.expected} đã báo cáo`;
    addLine(
      { label: line.orgName, indent: line.depth - 1, bold: !line.isReporter },
      status,
      line.submittedOn,
      line.totals.flatMap((t, i) => totalCells(d.indicators[i]!, t, line)),
    );
  }
  const summaryLines: [string, string | null, (t: Total, i: Indicator) => Cell[]][] = [
    [
      'Tổng cộng',
      `${d.completeness.reported}/${d.completeness.expected} đã báo cáo`,
      (t, i) => totalCells(i, t, null),
    ],
    ['Chỉ tiêu được giao', null, (t, i) => targetCells(i, t)],
    ...(d.indicators.some((i) => i.goalPercent !== 100)
      ? [
          [
            'Mục tiêu phấn đấu',
            null,
            (t: Total, i: Indicator) => goalCells(i, t),
          ] as (typeof summaryLines)[number],
        ]
      : []),
    ['Tỷ lệ đạt so với mục tiêu', null, (t, i) => achievementCells(i, t)],
  ];
  for (const [label, status, cells] of summaryLines)
    addLine(
      { label, bold: true },
      status,
      null,
      d.totals.flatMap((t, i) => cells(t, d.indicators[i]!)),
      sumFill,
    );

  const n = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  const notes = d.indicators.flatMap((i, k) => {
    const t = d.totals[k]!;
    if ((i.kind !== 'count' && i.kind !== 'sum') || i.goalPercent === 100) return [];
    const goal =
      t.target === null ? '' : ` (${n.format(goalOf(i, t)!)} = ${i.goalPercent}% của ${n.format(t.target)})`;
    return [
      `${i.name} [${i.code}]: mục tiêu phấn đấu là ${i.goalPercent}% chỉ tiêu được giao${goal}; tỷ lệ đạt tính theo mục tiêu này.`,
    ];
  });
  const floors = d.indicators.flatMap((i, k) => {
    const t = d.totals[k]!;
    return t.target !== null && (i.kind === 'ratio' || i.kind === 'yes_no')
      ? [`${i.name} [${i.code}] ${n.format(t.target)}%`]
      : [];
  });
  if (floors.length)
    notes.push(
      `Mức tối thiểu áp dụng cho mọi đơn vị: ${floors.join('; ')}. Tỷ lệ in đỏ là đơn vị chưa đạt mức tối thiểu.`,
    );
  notes.push('Ô "—": đơn vị chưa có báo cáo được tính (chưa nộp hoặc bị trả lại), không phải số 0.');
  notes.push(
    'Tỷ lệ của chỉ tiêu có/không là tỷ lệ đơn vị thực hiện trên số đơn vị phải báo cáo; số liệu chỉ tính các báo cáo đã nộp.',
  );
  ws.addRow([]);
  for (const n of notes) {
    const row = ws.addRow([`Ghi chú: ${n}`]);
    row.getCell(1).font = { italic: true, size: 10 };
    ws.mergeCells(row.number, 1, row.number, lastCol);
  }
}

export async function consolidatedWorkbook(d: Consolidated, createdAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Tay';
  wb.created = createdAt;
  wb.modified = createdAt;
  wb.title = `Báo cáo tổng hợp ${d.plan.number}`;
  summarySheet(wb, d);
  behindSheet(wb, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

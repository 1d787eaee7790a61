import ExcelJS from 'exceljs';
import { formatViDate } from '../../../platform/dates.ts';
import type { Indicator } from './consolidated.service.ts';
import type { StoredReport } from './files.repo.ts';
import { headFill } from './xlsx-style.ts';

/**
 * The reporting template (biểu mẫu báo cáo) as XLSX: one line per unit the user reports for, one column per
 * value of the form (a filled copy is read by report-template.parse.ts). Columns are found by the code in brackets at the end
 * of each header ("… [DV_MAU]"), so a moved column still reads right; the hidden column A holds unit ids
 * and, above the header, which plan and period the file belongs to.
 */

export const SHEET = 'Báo cáo';
export const HEADER_ROW = 4;
/** In the hidden cell A1: a file the system wrote (A2, A3: its plan and period). */
export const MAGIC = 'CHUNGTAY-BIEU-MAU-V1';

export type Part = { kind: 'value' } | { kind: 'denominator' } | { kind: 'category'; category: string };
export type TemplateColumn = { code: string; indicator: Indicator; part: Part; header: string };

export function templateColumns(indicators: Indicator[]): TemplateColumn[] {
  return indicators.flatMap((ind): TemplateColumn[] => {
    const unit = ind.unit ? ` (${ind.unit})` : '';
    if (ind.kind === 'ratio') {
      return [
        {
          code: ind.code,
          indicator: ind,
          part: { kind: 'value' },
          header: `${ind.name} — ${ind.numeratorLabel ?? 'tử số'} (tử số)`,
        },
        {
          code: `${ind.code}:MS`,
          indicator: ind,
          part: { kind: 'denominator' },
          header: `${ind.name} — ${ind.denominatorLabel ?? 'mẫu số'} (mẫu số)`,
        },
      ];
    }
    const main: TemplateColumn = {
      code: ind.code,
      indicator: ind,
      part: { kind: 'value' },
      header: ind.kind === 'yes_no' ? `${ind.name} (1: có, 0: không)` : `${ind.name}${unit}`,
    };
    const cats = (ind.breakdown?.categories ?? []).map(
      (c): TemplateColumn => ({
        code: `${ind.code}:${c.code}`,
        indicator: ind,
        part: { kind: 'category', category: c.code },
        header: `${ind.name} — trong đó ${ind.breakdown!.label.toLowerCase()}: ${c.label}`,
      }),
    );
    return [main, ...cats];
  });
}

type Values = Pick<StoredReport, 'values' | 'breakdowns'>;
export type TemplateLine = {
  orgId: number;
  orgName: string;
  report: StoredReport | undefined;
  /** For a unit with no report yet: values its own records give (indicator sources), as the form offers. */
  suggested?: Values;
};
export type TemplateData = {
  planId: number;
  planNumber: string;
  planTitle: string;
  periodKey: string;
  periodLabel: string;
  dueOn: string;
  indicators: Indicator[];
  lines: TemplateLine[];
};

const reportStateLabel: Record<StoredReport['status'] | 'none', string> = {
  none: 'Chưa có',
  draft: 'Bản nháp',
  returned: 'Bị trả lại',
  submitted: 'Đã nộp — khoá',
  accepted: 'Đã duyệt — khoá',
};
export const isLocked = (r: StoredReport | undefined) =>
  r?.status === 'submitted' || r?.status === 'accepted';

/** The stored value of one template column for one report. */
export function storedValue(r: Values | undefined, col: TemplateColumn): number | null {
  if (!r) return null;
  if (col.part.kind === 'category') {
    const cat = col.part.category;
    return r.breakdowns.find((b) => b.indicatorId === col.indicator.id && b.category === cat)?.value ?? null;
  }
  const v = r.values.find((x) => x.indicatorId === col.indicator.id);
  return (col.part.kind === 'value' ? v?.value : v?.denominator) ?? null;
}

function validation(
  col: TemplateColumn,
  row: number,
  colLetter: (code: string) => string,
): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Giá trị không hợp lệ',
  };
  if (col.indicator.kind === 'yes_no' && col.part.kind === 'value')
    return {
      ...base,
      type: 'whole',
      operator: 'between',
      formulae: [0, 1],
      error: 'Nhập 1 (có) hoặc 0 (không).',
    };
  if (col.indicator.kind === 'ratio' && col.part.kind === 'value') {
    const num = `${colLetter(col.code)}${row}`;
    const den = `${colLetter(`${col.code}:MS`)}${row}`;
    return {
      ...base,
      type: 'custom',
      formulae: [`AND(ISNUMBER(${num}),${num}>=0,OR(ISBLANK(${den}),${num}<=${den}))`],
      error: 'Nhập số không âm, không lớn hơn mẫu số.',
    };
  }
  if (col.indicator.kind === 'sum' || col.indicator.kind === 'ratio')
    return {
      ...base,
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      error: 'Nhập số không âm.',
    };
  return {
    ...base,
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    error: 'Nhập số nguyên không âm.',
  };
}

function instructions(wb: ExcelJS.Workbook, d: TemplateData, cols: TemplateColumn[]) {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 60;
  ws.getColumn(3).width = 40;
  const lines = [
    `HƯỚNG DẪN NHẬP BÁO CÁO — ${d.planNumber}`,
    d.planTitle,
    `Kỳ báo cáo: ${d.periodLabel}. Hạn nộp: ${formatViDate(d.dueOn)}.`,
    '',
    '1. Nhập số liệu vào trang "Báo cáo", mỗi dòng là một đơn vị. Không thêm, xoá hay đổi tên cột; không sửa tên đơn vị.',
    '2. Chỉ nhập số (không nhập chữ, dấu chấm phân cách hàng nghìn hay ký hiệu %). Ô để trống là chưa có số liệu.',
    '3. Chỉ tiêu có/không: nhập 1 nếu đơn vị có thực hiện, 0 nếu không.',
    '4. Chỉ tiêu tỷ lệ: nhập tử số và mẫu số; tử số không được lớn hơn mẫu số. Hệ thống tự tính tỷ lệ.',
    '5. Dòng để trống toàn bộ thì bỏ qua (không lưu). Dòng "Đã nộp — khoá" không sửa được.',
    '6. Tải tệp lên tại trang kế hoạch: chọn "Lưu nháp" để lưu, hoặc "Nộp báo cáo" để nộp (khi nộp phải nhập đủ mọi cột).',
    '7. Nếu có dòng sai, hệ thống không lưu dòng nào và chỉ rõ dòng, cột cần sửa.',
  ];
  lines.forEach((text, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    c.font = i === 0 ? { bold: true, size: 13 } : i < 3 ? { italic: true } : {};
    ws.mergeCells(i + 1, 1, i + 1, 3);
  });
  const head = ws.getRow(lines.length + 2);
  head.values = ['Mã cột', 'Nội dung', 'Cách nhập'];
  head.font = { bold: true };
  for (const col of cols) {
    const how =
      col.indicator.kind === 'yes_no'
        ? '1 (có) hoặc 0 (không)'
        : col.part.kind === 'value' && col.indicator.kind === 'ratio'
          ? 'Số không âm, không lớn hơn mẫu số'
          : col.indicator.kind === 'count'
            ? 'Số nguyên không âm'
            : 'Số không âm';
    ws.addRow([col.code, col.header, how]).alignment = { wrapText: true, vertical: 'top' };
  }
}

export async function templateWorkbook(d: TemplateData, createdAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Tay';
  wb.created = createdAt;
  const ws = wb.addWorksheet(SHEET);
  const cols = templateColumns(d.indicators);
  const codes = ['ORG_ID', 'DON_VI', 'TRANG_THAI', ...cols.map((c) => c.code)];
  const letter = (code: string) => ws.getColumn(codes.indexOf(code) + 1).letter;
  const lastCol = codes.length;

  ws.getCell('A1').value = MAGIC;
  ws.getCell('A2').value = d.planId;
  ws.getCell('A3').value = d.periodKey;
  const title = ws.getCell('B1');
  title.value = `BÁO CÁO KẾT QUẢ THỰC HIỆN ${d.planNumber}`;
  title.font = { bold: true, size: 13 };
  ws.getCell('B2').value = d.planTitle;
  ws.getCell('B2').font = { italic: true };
  ws.getCell('B3').value =
    `Kỳ báo cáo: ${d.periodLabel} · Hạn nộp: ${formatViDate(d.dueOn)} · Xem trang "Hướng dẫn" trước khi nhập.`;
  for (const r of [1, 2, 3]) ws.mergeCells(r, 2, r, Math.max(lastCol, 4));

  const header = ws.getRow(HEADER_ROW);
  header.values = [
    'Mã đơn vị [ORG_ID]',
    'Tên đơn vị [DON_VI]',
    'Trạng thái [TRANG_THAI]',
    ...cols.map((c) => `${c.header} [${c.code}]`),
  ];
  header.height = 64;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = headFill;
  });
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 44;
  ws.getColumn(3).width = 16;
  for (let i = 4; i <= lastCol; i++) ws.getColumn(i).width = 18;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, topLeftCell: 'D5', activeCell: 'D5' }];

  d.lines.forEach((line, n) => {
    const rowNo = HEADER_ROW + 1 + n;
    const row = ws.getRow(rowNo);
    const locked = isLocked(line.report);
    row.values = [
      line.orgId,
      line.orgName,
      line.report || !line.suggested ? reportStateLabel[line.report?.status ?? 'none'] : 'Gợi ý từ hồ sơ',
      ...cols.map((c) => storedValue(line.report ?? line.suggested, c)),
    ];
    cols.forEach((c, i) => {
      const cell = row.getCell(4 + i);
      cell.numFmt = c.indicator.kind === 'count' || c.indicator.kind === 'yes_no' ? '#,##0' : '#,##0.##';
      if (locked) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
        return;
      }
      cell.protection = { locked: false };
      cell.dataValidation = validation(c, rowNo, letter);
    });
  });
  // Protected without a password: guards ids, names and columns against slips, not against the user.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: false,
    formatRows: true,
    insertRows: false,
    deleteRows: true,
    sort: false,
    autoFilter: true,
  });
  instructions(wb, d, cols);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

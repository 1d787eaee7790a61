import type ExcelJS from 'exceljs';
import { formatViDate } from '../../../platform/dates.ts';
import { type Consolidated, completenessText, statusLabel } from './consolidated.service.ts';
import { box, dateFmt, headFill, xlsxDate } from './xlsx-style.ts';

/** The consolidated workbook's sheet "Chưa nộp, muộn": the units late or missing, by name. */
export function behindSheet(wb: ExcelJS.Workbook, d: Consolidated) {
  const ws = wb.addWorksheet('Chưa nộp, muộn', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getCell('A1').value = `ĐƠN VỊ CHƯA NỘP HOẶC NỘP MUỘN BÁO CÁO — ${d.plan.number}`;
  ws.getCell('A1').font = { bold: true, size: 12 };
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value =
    `${d.periodLabel} · Hạn nộp ${formatViDate(d.dueOn)} · Đến ngày ${formatViDate(d.today)}: ${completenessText(d.completeness)}`;
  ws.mergeCells('A2:F2');
  const head = ws.getRow(4);
  head.values = ['STT', 'Đơn vị', 'Trực thuộc', 'Tình trạng', 'Ngày nộp', 'Số ngày chậm'];
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = headFill;
    c.border = box;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  [6, 46, 36, 12, 12, 12].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  d.behind.forEach((b, i) => {
    const row = ws.addRow([
      i + 1,
      b.orgName,
      b.parentName,
      statusLabel[b.status],
      b.submittedOn ? xlsxDate(b.submittedOn) : null,
      b.daysLate,
    ]);
    row.getCell(5).numFmt = dateFmt;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = box;
    });
  });
  if (d.behind.length === 0) ws.addRow(['', 'Tất cả đơn vị đã nộp đúng hạn hoặc chưa đến hạn.']);
}

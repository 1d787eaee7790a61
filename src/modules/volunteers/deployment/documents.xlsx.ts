import ExcelJS from 'exceljs';
import { sendOffCells, sendOffColumns, summaryColumns } from './documents.rows.ts';
import type { SendOffDocument, SummaryDocument } from './documents.service.ts';

/**
 * The send-off list and the wave summary as workbooks (as training's class roster): a title block, then one
 * row per volunteer (per institution) under Vietnamese headers; birth dates are dates shown dd/mm/yyyy.
 */

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function sheet(issuer: string, createdAt: Date, name: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = issuer;
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  return { wb, ws };
}

function titleRows(ws: ExcelJS.Worksheet, width: number, lines: [string, boolean][]) {
  for (const [text, bold] of lines) {
    const r = ws.addRow([text]);
    r.font = bold ? { bold: true, size: 14 } : { italic: true };
    ws.mergeCells(r.number, 1, r.number, width);
    r.alignment = { horizontal: 'center' };
  }
  ws.addRow([]);
}

function headRow(ws: ExcelJS.Worksheet, titles: string[]) {
  const head = ws.addRow(titles);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((cell) => {
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  return head;
}

export async function sendOffXlsx(d: SendOffDocument, createdAt: Date): Promise<Buffer> {
  const { wb, ws } = sheet(d.wave.issuerName, createdAt, 'Danh sách xuất quân');
  const n = sendOffColumns.length;
  titleRows(ws, n, [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true],
    ['Độc lập - Tự do - Hạnh phúc', false],
    [d.wave.issuerName.toUpperCase(), true],
    ['DANH SÁCH XUẤT QUÂN', true],
    [d.wave.title, false],
    [`Căn cứ ${d.basis}`, false],
    ...(d.orgName ? [[`Đơn vị: ${d.orgName}`, false] as [string, boolean]] : []),
    ...(d.destinationName ? [[`Nơi đến: ${d.destinationName}`, false] as [string, boolean]] : []),
  ]);
  const head = headRow(
    ws,
    sendOffColumns.map((c) => c.title),
  );
  sendOffColumns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.round(c.width / 5);
  });
  d.rows.forEach((r, i) => {
    const cells: (string | number | Date | null)[] = sendOffCells(r, i).map((c) => c || null);
    cells[0] = i + 1;
    if (r.birthDate) cells[2] = new Date(`${r.birthDate}T00:00:00Z`);
    const row = ws.addRow(cells);
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  ws.addRow([]);
  ws.addRow([`Tổng số: ${d.rows.length} tình nguyện viên.`]).font = { italic: true };
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function summaryXlsx(d: SummaryDocument, createdAt: Date): Promise<Buffer> {
  const { wb, ws } = sheet(d.wave.issuerName, createdAt, 'Tổng hợp');
  const n = summaryColumns.length;
  titleRows(ws, n, [
    [d.wave.issuerName.toUpperCase(), true],
    ['BÁO CÁO TỔNG HỢP ĐỢT HUY ĐỘNG', true],
    [d.wave.title, false],
    [`Căn cứ ${d.basis}`, false],
  ]);
  headRow(
    ws,
    summaryColumns.map((c) => c.title),
  );
  summaryColumns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(10, Math.round(c.width / 5));
  });
  const add = (cells: (string | number | null)[], bold = false) => {
    const row = ws.addRow(cells);
    if (bold) row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
    });
    row.getCell(7).numFmt = '#,##0.##';
  };
  d.rows.forEach((r, i) => {
    add([i + 1, r.orgName, r.quota, r.proposed, r.deployed, r.returned, Number(r.approvedHours)]);
  });
  const t = d.totals;
  add([null, 'Tổng cộng', t.quota, t.proposed, t.deployed, t.returned, t.approvedHours], true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

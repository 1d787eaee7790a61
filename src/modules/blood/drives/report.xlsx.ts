import ExcelJS from 'exceljs';
import { vnDateText } from '../../../platform/pdf.ts';
import type { DriveReport } from './report.service.ts';
import {
  channelVi,
  driveStatusVi,
  hhmm,
  pct,
  shownFunnelRows,
  slotColumns,
  statusVi,
} from './report.words.ts';

/** The drive report as a workbook: the summary (facts, funnel against the target, per slot) and the donor list. */
export async function driveReportXlsx(r: DriveReport): Promise<Buffer> {
  const { drive: d, funnel: f } = r;
  const wb = new ExcelJS.Workbook();
  wb.creator = d.organiserName;
  wb.created = r.madeAt;
  wb.modified = r.madeAt;
  const ws = wb.addWorksheet('Tổng hợp');
  ws.columns = [
    { width: 28 },
    { width: 16 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
  ];
  const title = ws.addRow(['BÁO CÁO KẾT QUẢ ĐIỂM HIẾN MÁU']);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 8);
  for (const [k, v] of [
    ['Tên điểm hiến', d.title],
    ['Đơn vị tổ chức', d.organiserName],
    ['Cơ sở tiếp nhận máu', d.establishmentName ?? '—'],
    ['Địa điểm', [d.site, d.address].filter(Boolean).join(', ')],
    ['Ngày', `${vnDateText(d.driveDate)}, ${d.opensAt}–${d.closesAt}`],
    ['Trạng thái', driveStatusVi[d.status] ?? d.status],
    ['Chỉ tiêu (đơn vị máu)', d.targetUnits ?? '—'],
  ] as const)
    ws.addRow([k, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(['Kết quả', 'Số lượng', 'So với chỉ tiêu']);
  head.font = { bold: true };
  for (const [key, label] of shownFunnelRows(f))
    ws.addRow([label, f.totals[key], key === 'donated' ? pct(f.totals.donated, f.targetUnits) : '']);
  ws.addRow([]);
  const columns = slotColumns(f, true);
  ws.addRow(columns.map(([title]) => title)).font = { bold: true };
  for (const s of f.slots) ws.addRow(columns.map(([, value]) => value(s)));

  const list = wb.addWorksheet('Danh sách người hiến');
  list.columns = [
    { header: 'STT', width: 6 },
    { header: 'Họ và tên', width: 30 },
    { header: 'Khung giờ', width: 14 },
    { header: 'Hình thức', width: 16 },
    { header: 'Số thứ tự', width: 10 },
    { header: 'Trạng thái', width: 16 },
  ];
  list.getRow(1).font = { bold: true };
  for (const [i, b] of r.bookings.entries())
    list.addRow([
      i + 1,
      b.fullName,
      hhmm(b.slotStartsAt),
      channelVi[b.channel],
      b.queueNo ?? '',
      statusVi[b.status],
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

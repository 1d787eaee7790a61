import { vnDay } from '../../../platform/clock.ts';
import {
  addFooters,
  createPdf,
  drawOfficialHeading,
  type PdfDoc,
  pdfBuffer,
  vn,
  vnDateText,
} from '../../../platform/pdf.ts';
import type { DriveReport } from './report.service.ts';
import { channelVi, hhmm, pct, shownFunnelRows, slotColumns, statusVi } from './report.words.ts';

/**
 * The drive report as a printable A4 document: the organiser's heading, the drive's facts, the funnel against
 * the target, the slots, and the donor list (names and outcomes only: no health data).
 */

type Col = { title: string; width: number; align?: 'left' | 'right' | 'center' };

function table(doc: PdfDoc, cols: Col[], body: (string | number)[][]) {
  const left = doc.page.margins.left;
  const rowH = 18;
  const drawRow = (cells: (string | number)[], bold: boolean) => {
    if (doc.y + rowH > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cols.forEach((c, i) => {
      doc.rect(x, y, c.width, rowH).lineWidth(0.5).stroke();
      doc
        .font(bold ? 'bold' : 'regular')
        .fontSize(10)
        .text(vn(String(cells[i] ?? '')), x + 4, y + 4, {
          width: c.width - 8,
          align: c.align ?? 'left',
          lineBreak: false,
        });
      x += c.width;
    });
    doc.x = left;
    doc.y = y + rowH;
  };
  drawRow(
    cols.map((c) => c.title),
    true,
  );
  for (const r of body) drawRow(r, false);
  doc.moveDown(0.8);
}

export async function driveReportPdf(r: DriveReport): Promise<Buffer> {
  const { drive: d, funnel: f } = r;
  const doc = createPdf({
    title: `Báo cáo điểm hiến máu ${d.title}`,
    author: d.organiserName,
    createdAt: r.madeAt,
  });
  drawOfficialHeading(doc, { issuerName: d.organiserName, dateIso: vnDay(r.madeAt) });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .font('bold')
    .fontSize(14)
    .text(vn('BÁO CÁO KẾT QUẢ ĐIỂM HIẾN MÁU TÌNH NGUYỆN'), { align: 'center', width });
  doc.font('italic').fontSize(12).text(vn(d.title), { align: 'center', width }).moveDown(0.8);
  doc.font('regular').fontSize(12);
  for (const [k, v] of [
    ['Địa điểm', [d.site, d.address].filter(Boolean).join(', ')],
    ['Thời gian', `ngày ${vnDateText(d.driveDate)}, từ ${d.opensAt} đến ${d.closesAt}`],
    ['Cơ sở tiếp nhận máu', d.establishmentName ?? '—'],
    ['Chỉ tiêu', d.targetUnits ? `${d.targetUnits} đơn vị máu` : '—'],
  ])
    doc
      .font('bold')
      .text(vn(`${k}: `), { continued: true })
      .font('regular')
      .text(vn(v!));
  doc.moveDown(0.6);
  doc.font('bold').text(vn('1. Kết quả chung')).moveDown(0.3);
  table(
    doc,
    [
      { title: 'Chỉ số', width: width * 0.55 },
      { title: 'Số lượng', width: width * 0.2, align: 'right' },
      { title: 'So với chỉ tiêu', width: width * 0.25, align: 'right' },
    ],
    shownFunnelRows(f).map(([key, label]) => [
      label,
      f.totals[key] ?? '',
      key === 'donated' ? pct(f.totals.donated, f.targetUnits) : '',
    ]),
  );
  doc.font('bold').fontSize(12).text(vn('2. Theo khung giờ')).moveDown(0.3);
  // The first column holds "Đến trực tiếp" (the walk-in lane) on one line; the figures share the rest.
  const first = width * 0.22;
  const columns = slotColumns(f, false);
  table(
    doc,
    columns.map(([title], i) => ({
      title,
      width: i ? (width - first) / (columns.length - 1) : first,
      align: i ? 'right' : 'left',
    })),
    f.slots.map((s) => columns.map(([, value]) => value(s))),
  );
  doc.font('bold').fontSize(12).text(vn('3. Danh sách người hiến')).moveDown(0.3);
  table(
    doc,
    [
      { title: 'STT', width: width * 0.08, align: 'center' },
      { title: 'Họ và tên', width: width * 0.36 },
      { title: 'Khung giờ', width: width * 0.16 },
      { title: 'Hình thức', width: width * 0.2 },
      { title: 'Trạng thái', width: width * 0.2 },
    ],
    r.bookings.map((b, i) => [
      i + 1,
      b.fullName,
      hhmm(b.slotStartsAt),
      channelVi[b.channel]!,
      statusVi[b.status]!,
    ]),
  );
  addFooters(doc, (p, n) => `${d.title} — Trang ${p}/${n}`);
  return pdfBuffer(doc);
}

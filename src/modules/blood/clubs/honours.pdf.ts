import {
  addFooters,
  createPdf,
  drawOfficialHeading,
  type PdfDoc,
  pdfBuffer,
  vn,
  vnDateText,
  vnLongDate,
} from '../../../platform/pdf.ts';
import type { HonourRow } from './honours.repo.ts';

/**
 * Honours as printed: the list (A4 portrait, the national heading of an administrative document, a table of the
 * donors with their count, title and decision) and one certificate per honour (A4 landscape, framed).
 */

const statusVi: Record<HonourRow['status'], string> = {
  proposed: 'Đề nghị',
  approved: 'Đã duyệt',
  awarded: 'Đã tôn vinh',
  rejected: 'Không duyệt',
};

type Issuer = { name: string; parentName: string | null };

export async function honourListPdf(
  list: HonourRow[],
  issuer: Issuer,
  day: string,
  now: Date,
): Promise<Buffer> {
  const doc = createPdf({ title: 'Danh sách tôn vinh người hiến máu tình nguyện', createdAt: now });
  drawOfficialHeading(doc, { parentName: issuer.parentName, issuerName: issuer.name, dateIso: day });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(14).text('DANH SÁCH', left, doc.y, { width, align: 'center' });
  doc.text(vn('TÔN VINH NGƯỜI HIẾN MÁU TÌNH NGUYỆN'), { width, align: 'center' });
  doc.moveDown(1);
  const cols = [
    { title: 'STT', w: 30 },
    { title: 'Họ và tên', w: 130 },
    { title: 'Số lần hiến', w: 50 },
    { title: 'Danh hiệu', w: 120 },
    { title: 'Quyết định', w: width - 330 },
  ];
  const row = (cells: string[], bold = false) => {
    const heights = cells.map((c, i) =>
      doc
        .font(bold ? 'bold' : 'regular')
        .fontSize(10.5)
        .heightOfString(vn(c), { width: cols[i]!.w - 6 }),
    );
    const h = Math.max(...heights) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i]!.w, h).lineWidth(0.5).stroke();
      doc
        .font(bold ? 'bold' : 'regular')
        .fontSize(10.5)
        .text(vn(c), x + 3, y + 3, {
          width: cols[i]!.w - 6,
          align: i === 0 || i === 2 ? 'center' : 'left',
        });
      x += cols[i]!.w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  row(
    cols.map((c) => c.title),
    true,
  );
  for (const [i, h] of list.entries())
    row([
      String(i + 1),
      h.familyClubName ? `${h.familyClubName} (đại diện: ${h.name})` : h.name,
      String(h.countAtProposal),
      h.titleVi,
      h.decisionNo
        ? `${statusVi[h.status]} — số ${h.decisionNo}${h.decidedOn ? ` ngày ${vnDateText(h.decidedOn)}` : ''}`
        : `${statusVi[h.status]} (${h.decidingBody})`,
    ]);
  if (list.length === 0)
    doc.font('italic').fontSize(11).text(vn('Chưa có người hiến máu nào trong danh sách.'));
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(11)
    .text(vn(`Danh sách gồm ${list.length} người/gia đình.`), left);
  addFooters(doc, (p, n) => `Trang ${p}/${n}`);
  return pdfBuffer(doc);
}

function frame(doc: PdfDoc) {
  const { width, height } = doc.page;
  doc
    .save()
    .lineWidth(2.2)
    .strokeColor('#9B1B1B')
    .rect(18, 18, width - 36, height - 36)
    .stroke();
  doc
    .lineWidth(0.7)
    .rect(25, 25, width - 50, height - 50)
    .stroke()
    .restore();
}

export async function honourCertificatePdf(h: HonourRow, today: string, now: Date): Promise<Buffer> {
  const doc = createPdf({
    title: `Chứng nhận tôn vinh — ${h.name}`,
    createdAt: now,
    layout: 'landscape',
    margins: { top: 50, bottom: 40, left: 60, right: 60 },
  });
  frame(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font('bold')
    .fontSize(12)
    .text(vn(h.decidingBody.toUpperCase()), left, 55, { width: width * 0.42, align: 'center' });
  if (h.decisionNo)
    doc
      .font('regular')
      .fontSize(12)
      .text(vn(`Số: ${h.decisionNo}`), left, doc.y + 4, { width: width * 0.42, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + width * 0.42, 55, {
      width: width * 0.58,
      align: 'center',
    });
  doc
    .font('bold')
    .fontSize(13)
    .text(vn('Độc lập - Tự do - Hạnh phúc'), left + width * 0.42, doc.y, {
      width: width * 0.58,
      align: 'center',
    });
  const motto = doc.widthOfString(vn('Độc lập - Tự do - Hạnh phúc'));
  const mottoX = left + width * 0.42 + (width * 0.58 - motto) / 2;
  doc
    .moveTo(mottoX, doc.y + 2)
    .lineTo(mottoX + motto, doc.y + 2)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('bold')
    .fontSize(30)
    .fillColor('#9B1B1B')
    .text(vn('GIẤY CHỨNG NHẬN'), left, 160, { width, align: 'center' });
  doc.fillColor('black').font('regular').fontSize(15).moveDown(0.4);
  doc.text(vn(h.familyClubName ? 'Tôn vinh gia đình' : 'Tôn vinh'), { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(22)
    .text(vn(h.familyClubName ?? h.name), { width, align: 'center' });
  if (h.familyClubName)
    doc
      .font('regular')
      .fontSize(13)
      .text(vn(`Đại diện: ${h.name}`), { width, align: 'center' });
  doc.moveDown(0.5);
  doc
    .font('regular')
    .fontSize(15)
    .text(
      vn(
        `${h.familyClubName ? 'Các thành viên đã hiến' : 'Đã hiến'} máu tình nguyện ${h.countAtProposal} lần`,
      ),
      { width, align: 'center' },
    );
  doc.font('bold').fontSize(16).text(vn(h.titleVi), { width, align: 'center' });
  const when = h.decidedOn ?? today;
  doc
    .font('italic')
    .fontSize(12)
    .text(vn(vnLongDate(when)), left + width * 0.5, doc.page.height - 150, {
      width: width * 0.5,
      align: 'center',
    });
  doc
    .font('bold')
    .fontSize(12)
    .text(vn(h.decidingBody.toUpperCase()), { width: width * 0.5, align: 'center' });
  if (h.status !== 'awarded')
    doc
      .font('bold')
      .fontSize(12)
      .fillColor('#9B1B1B')
      .text(vn(`BẢN XEM TRƯỚC — ${statusVi[h.status].toUpperCase()}`), left, doc.page.height - 70, {
        width,
        align: 'center',
      });
  return pdfBuffer(doc);
}

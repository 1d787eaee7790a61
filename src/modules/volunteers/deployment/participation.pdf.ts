import {
  createPdf,
  drawOfficialHeading,
  type PdfDoc,
  pdfBuffer,
  vn,
  vnDateText,
} from '../../../platform/pdf.ts';
import { drawQr } from '../../../platform/pdf-qr.ts';
import type { AssignmentRow } from './assignments.repo.ts';
import type { CertificateDocument } from './documents.service.ts';

/**
 * Participation certificates (GIẤY CHỨNG NHẬN tham gia hoạt động tình nguyện), one A4 landscape page each: the
 * issuer's heading with the number, the title, the volunteer, institution, wave, destination and dates, and the
 * QR code of the public verification page (`/verify/tnv/<number>`).
 */

const frameColor = '#7A1F1F';
const mm = (n: number) => (n * 72) / 25.4;
const margins = { top: mm(18), bottom: mm(15), left: mm(25), right: mm(20) };

function frame(doc: PdfDoc) {
  const { width, height } = doc.page;
  doc
    .save()
    .lineWidth(2.2)
    .strokeColor(frameColor)
    .rect(18, 18, width - 36, height - 36)
    .stroke();
  doc
    .lineWidth(0.7)
    .rect(25, 25, width - 50, height - 50)
    .stroke()
    .restore();
}

function page(doc: PdfDoc, d: CertificateDocument, a: AssignmentRow) {
  frame(doc);
  doc.y = margins.top;
  drawOfficialHeading(doc, {
    parentName: d.wave.issuerParentName,
    issuerName: d.wave.issuerName,
    number: a.certificateNo,
    dateIso: a.certificateIssuedOn ?? d.today,
  });
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  doc.moveDown(0.4);
  doc
    .font('bold')
    .fontSize(24)
    .fillColor(frameColor)
    .text(vn('GIẤY CHỨNG NHẬN'), left, doc.y, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(14)
    .text(vn('tham gia hoạt động tình nguyện'), left, doc.y, { width, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  const fact = (label: string, value: string) => {
    doc
      .font('regular')
      .fontSize(13)
      .text(vn(`${label}: `), left + 40, doc.y, { continued: true, width: width - 80 });
    doc.font('bold').text(vn(value));
    doc.moveDown(0.25);
  };
  doc
    .font('regular')
    .fontSize(13)
    .text(vn(`${d.wave.issuerName} chứng nhận:`), left + 40, doc.y, { width: width - 80 });
  doc.moveDown(0.2);
  fact('Họ và tên', a.fullName);
  if (a.birthDate) fact('Ngày sinh', vnDateText(a.birthDate));
  fact('Đơn vị', a.orgName);
  doc
    .font('regular')
    .fontSize(13)
    .text(vn(`Đã tham gia ${d.wave.title}`), left + 40, doc.y, { width: width - 80 });
  fact('Nơi đến', a.site ? `${a.destinationName} – ${a.site}` : a.destinationName);
  fact('Thời gian', `từ ngày ${vnDateText(a.startsOn)} đến ngày ${vnDateText(a.endedOn ?? a.endsOn)}`);
  if (a.task) fact('Nhiệm vụ', a.task);

  const bottom = doc.page.height - margins.bottom;
  const qr = 92;
  const qrY = bottom - qr - 6;
  drawQr(doc, `${d.verifyBase}${a.certificateNo}`, left, qrY, qr);
  doc
    .font('italic')
    .fontSize(9)
    .text(vn('Quét mã QR để kiểm tra giấy chứng nhận'), left + qr + 8, qrY + 30, { width: 240 });
  doc
    .font('regular')
    .fontSize(9)
    .text(vn(`Số: ${a.certificateNo}`), left + qr + 8, doc.y + 2, { width: 190 });
  const signX = left + width / 2;
  doc
    .font('bold')
    .fontSize(12)
    .text(vn('THỦ TRƯỞNG ĐƠN VỊ'), signX, qrY, { width: width / 2, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text(vn('(Ký, ghi rõ họ tên, đóng dấu)'), signX, doc.y, { width: width / 2, align: 'center' });
}

export function participationPdf(d: CertificateDocument, createdAt: Date): Promise<Buffer> {
  const doc = createPdf({
    title: `Giấy chứng nhận tham gia tình nguyện – ${d.wave.title}`,
    createdAt,
    layout: 'landscape',
    margins,
  });
  d.rows.forEach((a, i) => {
    if (i > 0) doc.addPage();
    page(doc, d, a);
  });
  return pdfBuffer(doc);
}

import { createPdf, type PdfDoc, pdfBuffer, vn, vnDateText, vnLongDate } from '../../../platform/pdf.ts';
import { drawQr } from '../../../platform/pdf-qr.ts';
import type { CertificateRow } from './donations.repo.ts';

/**
 * The certificate of a donation (giấy chứng nhận hiến máu tình nguyện) as printed: one A4 landscape page
 * in Vietnamese — the organiser, the national heading, the donor, the day, site, kind and
 * volume, the number, and a QR code to the public verification page (vector squares, as training's).
 */

const red = '#A4161A';
const kindVi = {
  whole_blood: 'Máu toàn phần',
  red_cells_apheresis: 'Hồng cầu (gạn tách)',
  plasma_apheresis: 'Huyết tương (gạn tách)',
  platelets_apheresis: 'Tiểu cầu (gạn tách)',
} as const;

function line(doc: PdfDoc, x: number, label: string, value: string) {
  doc
    .font('regular')
    .fontSize(14)
    .text(vn(`${label}: `), x, doc.y, { continued: true });
  doc.font('bold').text(vn(value));
  doc.moveDown(0.35);
}

function draw(doc: PdfDoc, c: CertificateRow & { verifyUrl: string }) {
  const { width, height } = doc.page;
  doc
    .save()
    .lineWidth(2.4)
    .strokeColor(red)
    .rect(18, 18, width - 36, height - 36)
    .stroke();
  doc
    .lineWidth(0.7)
    .rect(25, 25, width - 50, height - 50)
    .stroke()
    .restore();
  const left = 60;
  const inner = width - 120;
  doc
    .font('bold')
    .fontSize(11.5)
    .text(vn(c.organiserName.toUpperCase()), left, 46, { width: inner * 0.44, align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .text(vn(`Số: ${c.number}`), left, doc.y + 6, { width: inner * 0.44, align: 'center' });
  const rx = left + inner * 0.44;
  doc
    .font('bold')
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rx, 46, { width: inner * 0.56, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text(vn('Độc lập - Tự do - Hạnh phúc'), rx, doc.y, { width: inner * 0.56, align: 'center' });

  doc.font('bold').fontSize(28).fillColor(red);
  doc.text(vn('GIẤY CHỨNG NHẬN'), left, 135, { width: inner, align: 'center' });
  doc.fontSize(18).text(vn('HIẾN MÁU TÌNH NGUYỆN'), left, doc.y, { width: inner, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  const x = left + 70;
  const honorific = c.sex === 'male' ? 'ông' : c.sex === 'female' ? 'bà' : 'ông/bà';
  doc
    .font('regular')
    .fontSize(15)
    .text(vn(`Chứng nhận ${honorific}: `), x, doc.y, { continued: true });
  doc.font('bold').fontSize(17).text(vn(c.fullName));
  doc.moveDown(0.3);
  line(doc, x, 'Ngày sinh', c.birthDate ? vnDateText(c.birthDate) : '……………');
  line(doc, x, 'Mã số người hiến', c.donorNo);
  line(doc, x, 'Đã hiến máu tình nguyện ngày', vnDateText(c.donatedOn));
  line(doc, x, 'Tại', [c.site, c.establishmentName].filter(Boolean).join(' — ') || '……………');
  line(doc, x, 'Thành phần', `${kindVi[c.kind]}${c.volumeMl ? `, ${c.volumeMl} ml` : ''}`);

  const qr = 100;
  const qrY = height - 40 - qr - 14;
  drawQr(doc, c.verifyUrl, left + 10, qrY, qr);
  doc
    .font('regular')
    .fontSize(8.5)
    .text(vn('Quét mã để kiểm tra giấy chứng nhận'), left - 10, qrY + qr + 2, {
      width: qr + 40,
      align: 'center',
    });
  const sx = left + inner * 0.5;
  doc
    .font('italic')
    .fontSize(13)
    .text(vn(vnLongDate(c.donatedOn)), sx, qrY - 6, { width: inner * 0.5, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text(vn('THỦ TRƯỞNG ĐƠN VỊ'), sx, doc.y + 2, { width: inner * 0.5, align: 'center' });
  doc
    .font('italic')
    .fontSize(11)
    .text(vn('(Ký, ghi rõ họ tên và đóng dấu)'), sx, doc.y, { width: inner * 0.5, align: 'center' });
  doc.font('italic').fontSize(10).fillColor('#444');
  doc.text(vn('Một giọt máu cho đi — một cuộc đời ở lại.'), left, height - 48, {
    width: inner,
    align: 'right',
  });
  doc.fillColor('black');
}

/** The certificate as a finished PDF (A4 landscape). */
export function donationCertificatePdf(
  c: CertificateRow & { verifyUrl: string },
  createdAt: Date,
): Promise<Buffer> {
  const doc = createPdf({
    title: `Giấy chứng nhận hiến máu ${c.number}`,
    author: c.organiserName,
    createdAt,
    layout: 'landscape',
    margins: { top: 36, bottom: 20, left: 36, right: 36 },
  });
  draw(doc, c);
  return pdfBuffer(doc);
}

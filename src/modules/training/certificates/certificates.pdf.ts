import { createPdf, type PdfDoc, pdfBuffer, vn, vnDateText, vnLongDate } from '../../../platform/pdf.ts';
import { drawQr } from '../../../platform/pdf-qr.ts';
import type { CertificateRow } from './certificates.repo.ts';

/**
 * Certificates as printed: one A4 landscape page each, in Vietnamese — the national heading, the issuer,
 * "GIẤY CHỨNG NHẬN" (or "THẺ AN TOÀN LAO ĐỘNG"), the holder, course, hours, dates, result, number, the
 * place and date of issue, expiry, and a QR code to the public verification page. The QR code is drawn as
 * vector squares (no image to encode or decode), so it prints sharp at any size and costs ~1 ms a page.
 */

export type PrintableCertificate = CertificateRow & { verifyUrl: string; state: string };

const frameColor = '#7A1F1F';
const titleOf = {
  certificate: 'GIẤY CHỨNG NHẬN',
  safety_card: 'THẺ AN TOÀN LAO ĐỘNG',
  attendance: 'GIẤY XÁC NHẬN',
};
const stamps: Record<string, string> = { revoked: 'ĐÃ THU HỒI', replaced: 'ĐÃ ĐƯỢC THAY THẾ' };
const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

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

function heading(doc: PdfDoc, c: PrintableCertificate, left: number, top: number, width: number) {
  const leftW = width * 0.44;
  const rightX = left + width * 0.44;
  const rightW = width * 0.56;
  let y = top;
  if (c.issuerParentName) {
    doc.font('regular').fontSize(11.5).text(vn(c.issuerParentName.toUpperCase()), left, y, {
      width: leftW,
      align: 'center',
    });
    y = doc.y;
  }
  doc
    .font('bold')
    .fontSize(11.5)
    .text(vn(c.issuerName.toUpperCase()), left, y, { width: leftW, align: 'center' });
  const rule = left + leftW / 2 - 35;
  doc
    .moveTo(rule, doc.y + 2)
    .lineTo(rule + 70, doc.y + 2)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('regular')
    .fontSize(11.5)
    .text(vn(`Số: ${c.number}`), left, doc.y + 7, { width: leftW, align: 'center' });

  doc.font('bold').fontSize(12).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightW,
    align: 'center',
  });
  const motto = vn('Độc lập - Tự do - Hạnh phúc');
  doc.font('bold').fontSize(13).text(motto, rightX, doc.y, { width: rightW, align: 'center' });
  const mw = doc.widthOfString(motto);
  const mx = rightX + (rightW - mw) / 2;
  doc
    .moveTo(mx, doc.y + 2)
    .lineTo(mx + mw, doc.y + 2)
    .lineWidth(0.6)
    .stroke();
}

function resultText(c: PrintableCertificate) {
  const scores = [
    c.theoryScore !== null ? `lý thuyết ${num.format(c.theoryScore)}` : null,
    c.practiceScore !== null ? `thực hành ${num.format(c.practiceScore)}` : null,
  ].filter(Boolean);
  return scores.length ? `Đạt (${scores.join('; ')})` : 'Đạt';
}

function datesText(c: PrintableCertificate) {
  if (!c.firstDay || !c.lastDay) return null;
  if (c.firstDay === c.lastDay) return `ngày ${vnDateText(c.firstDay)}`;
  return `từ ngày ${vnDateText(c.firstDay)} đến ngày ${vnDateText(c.lastDay)}`;
}

/** "Label: value" on one line, the value in bold. */
function line(doc: PdfDoc, x: number, label: string, value: string, size = 13.5) {
  doc
    .font('regular')
    .fontSize(size)
    .text(vn(`${label}: `), x, doc.y, { continued: true });
  doc.font('bold').text(vn(value));
  doc.moveDown(0.3);
}

function body(doc: PdfDoc, c: PrintableCertificate, left: number, width: number) {
  doc.font('bold').fontSize(30).fillColor(frameColor);
  doc.text(vn(titleOf[c.certificateKind]), left, 140, { width, align: 'center' });
  doc.fillColor('black').moveDown(0.5);
  const x = left + 70;
  const honorific = c.personSex === 'male' ? 'ông' : c.personSex === 'female' ? 'bà' : 'ông/bà';
  doc
    .font('regular')
    .fontSize(15)
    .text(vn(`Chứng nhận ${honorific}: `), x, doc.y, { continued: true });
  doc.font('bold').fontSize(17).text(vn(c.personName));
  doc.moveDown(0.25);
  line(doc, x, 'Ngày sinh', c.personBirthDate ? vnDateText(c.personBirthDate) : '……………');
  line(doc, x, 'Đã hoàn thành khoá huấn luyện', c.courseName);
  const hours = c.classHours && c.classHours > 0 ? c.classHours : c.courseHours;
  const dates = datesText(c);
  line(doc, x, 'Thời lượng', `${num.format(hours)} giờ${dates ? `, ${dates}` : ''}`);
  line(doc, x, 'Kết quả', resultText(c));
  line(doc, x, 'Giá trị đến', c.validUntil ? `hết ngày ${vnDateText(c.validUntil)}` : 'không thời hạn');
}

function footer(doc: PdfDoc, c: PrintableCertificate, left: number, width: number) {
  const bottom = doc.page.height - 40;
  const qr = 104;
  const qrY = bottom - qr - 22;
  drawQr(doc, c.verifyUrl, left, qrY, qr);
  const textX = left + qr + 8;
  const textW = width * 0.5 - qr - 8;
  doc
    .font('italic')
    .fontSize(10)
    .text(vn('Quét mã QR để kiểm tra giấy chứng nhận:'), textX, qrY + 18, {
      width: textW,
    });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#222222')
    .text(c.verifyUrl, textX, doc.y + 2, { width: textW });
  doc.fillColor('black');
  doc
    .font('regular')
    .fontSize(10)
    .text(vn(`Mã kiểm tra: ${c.verifyCode}`), textX, doc.y + 4, { width: textW });

  const rightX = left + width * 0.5;
  const rightW = width * 0.5;
  doc
    .font('italic')
    .fontSize(13)
    .text(vn(vnLongDate(c.issuedOn, c.issuerPlace ?? undefined)), rightX, qrY - 14, {
      width: rightW,
      align: 'center',
    });
  doc
    .font('bold')
    .fontSize(13)
    .text(vn('THỦ TRƯỞNG ĐƠN VỊ'), rightX, doc.y + 2, { width: rightW, align: 'center' });
  doc.font('italic').fontSize(11).text(vn('(Ký, ghi rõ họ tên và đóng dấu)'), rightX, doc.y, {
    width: rightW,
    align: 'center',
  });
}

function stamp(doc: PdfDoc, text: string) {
  const { width, height } = doc.page;
  doc
    .save()
    .rotate(-20, { origin: [width / 2, height / 2] })
    .fillOpacity(0.22)
    .fillColor('#C00000');
  doc
    .font('bold')
    .fontSize(64)
    .text(vn(text), 0, height / 2 - 40, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor('black');
}

function drawCertificate(doc: PdfDoc, c: PrintableCertificate) {
  const left = 60;
  const width = doc.page.width - 120;
  frame(doc);
  heading(doc, c, left, 46, width);
  body(doc, c, left, width);
  footer(doc, c, left, width);
  const mark = stamps[c.state];
  if (mark) {
    // Said twice: across the page for the eye, and as a line under the title for copy, search and readers.
    doc.font('bold').fontSize(12).fillColor('#C00000');
    doc.text(vn(`(${mark} — không còn giá trị)`), left, 180, { width, align: 'center' });
    doc.fillColor('black');
    stamp(doc, mark);
  }
}

function newDocument(title: string, createdAt: Date, author: string) {
  // Nothing is ever written below the bottom margin: the page layout is absolute.
  return createPdf({
    title,
    author,
    createdAt,
    layout: 'landscape',
    margins: { top: 36, bottom: 20, left: 36, right: 36 },
  });
}

/** One certificate (or several) as a finished PDF. */
export function certificatesPdf(
  list: PrintableCertificate[],
  title: string,
  createdAt: Date,
): Promise<Buffer> {
  const doc = newDocument(title, createdAt, list[0]?.issuerName ?? 'Chung Tay');
  list.forEach((c, i) => {
    if (i > 0) doc.addPage();
    drawCertificate(doc, c);
  });
  return pdfBuffer(doc);
}

/**
 * The certificates of a class as a stream: each page is written out (flushPages) as soon as it is drawn,
 * and the event loop runs between pages, so the first bytes leave at once and the browser shows the
 * download progressing. The fonts (subset to the glyphs used) are written at the end.
 */
export function certificatesPdfStream(list: PrintableCertificate[], title: string, createdAt: Date): PdfDoc {
  const doc = newDocument(title, createdAt, list[0]?.issuerName ?? 'Chung Tay');
  const run = async () => {
    for (const [i, c] of list.entries()) {
      if (i > 0) doc.addPage();
      drawCertificate(doc, c);
      doc.flushPages();
      await new Promise((resolve) => setImmediate(resolve));
    }
    doc.end();
  };
  run().catch((e: Error) => doc.destroy(e));
  return doc;
}

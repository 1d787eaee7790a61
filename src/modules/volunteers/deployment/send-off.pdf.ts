import {
  addFooters,
  createPdf,
  drawOfficialHeading,
  type PdfDoc,
  pdfBuffer,
  vn,
} from '../../../platform/pdf.ts';
import { sendOffCells, sendOffColumns, summaryCells, summaryColumns } from './documents.rows.ts';
import type { SendOffDocument, SummaryDocument } from './documents.service.ts';
import { drawSignatures, drawTable } from './pdf-table.ts';

/**
 * The send-off list (DANH SÁCH XUẤT QUÂN) and the wave summary as printed: A4 landscape, the issuer's heading and
 * the national motto, the title, the wave and its legal basis, the table, the signatures.
 */

const mm = (n: number) => (n * 72) / 25.4;
const margins = { top: mm(12), bottom: mm(14), left: mm(20), right: mm(12) };

function titleBlock(doc: PdfDoc, title: string, lines: string[]) {
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  doc.font('bold').fontSize(14).text(vn(title), left, doc.y, { width, align: 'center' });
  for (const l of lines) doc.font('italic').fontSize(11).text(vn(l), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
}

function open(title: string, createdAt: Date, d: { wave: SendOffDocument['wave']; today: string }) {
  const doc = createPdf({ title, createdAt, layout: 'landscape', margins });
  drawOfficialHeading(doc, {
    parentName: d.wave.issuerParentName,
    issuerName: d.wave.issuerName,
    dateIso: d.today,
  });
  return doc;
}

export function sendOffPdf(d: SendOffDocument, createdAt: Date): Promise<Buffer> {
  const doc = open(`Danh sách xuất quân – ${d.wave.title}`, createdAt, d);
  const scope = [
    d.orgName && `Đơn vị: ${d.orgName}`,
    d.destinationName && `Nơi đến: ${d.destinationName}`,
  ].filter(Boolean);
  titleBlock(doc, 'DANH SÁCH XUẤT QUÂN', [d.wave.title, `Căn cứ ${d.basis}`, ...(scope as string[])]);
  drawTable(doc, sendOffColumns, d.rows.map(sendOffCells));
  doc.moveDown(0.4);
  doc
    .font('italic')
    .fontSize(10.5)
    .text(vn(`Tổng số: ${d.rows.length} tình nguyện viên.`), margins.left, doc.y);
  drawSignatures(doc, d.today, 'NGƯỜI LẬP DANH SÁCH', 'THỦ TRƯỞNG ĐƠN VỊ');
  addFooters(doc, (p, n) => `Danh sách xuất quân – ${d.wave.title} – Trang ${p}/${n}`);
  return pdfBuffer(doc);
}

export function summaryPdf(d: SummaryDocument, createdAt: Date): Promise<Buffer> {
  const doc = open(`Báo cáo tổng hợp – ${d.wave.title}`, createdAt, d);
  titleBlock(doc, 'BÁO CÁO TỔNG HỢP ĐỢT HUY ĐỘNG', [d.wave.title, `Căn cứ ${d.basis}`]);
  drawTable(doc, summaryColumns, summaryCells(d), { size: 10.5, boldLast: true });
  drawSignatures(doc, d.today, 'NGƯỜI LẬP BÁO CÁO', 'THỦ TRƯỞNG ĐƠN VỊ');
  addFooters(doc, (p, n) => `Báo cáo tổng hợp – ${d.wave.title} – Trang ${p}/${n}`);
  return pdfBuffer(doc);
}

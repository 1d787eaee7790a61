import { type PdfDoc, vn, vnLongDate } from '../../../platform/pdf.ts';

/** A ruled table for deployment's printed lists: wrapped cells, the heading row repeated on each new page. */

export type Column = { title: string; width: number; align?: 'left' | 'center' | 'right' };

const PAD = 3;
const headerFill = '#EEF2F7';

function rowHeight(doc: PdfDoc, cols: Column[], cells: string[], font: 'regular' | 'bold', size: number) {
  doc.font(font).fontSize(size);
  return (
    Math.max(...cells.map((c, i) => doc.heightOfString(vn(c || ' '), { width: cols[i]!.width - 2 * PAD }))) +
    2 * PAD
  );
}

function drawRow(
  doc: PdfDoc,
  cols: Column[],
  cells: string[],
  y: number,
  h: number,
  font: 'regular' | 'bold',
  size: number,
  fill?: string,
) {
  let x = doc.page.margins.left;
  cols.forEach((col, i) => {
    if (fill) doc.save().rect(x, y, col.width, h).fill(fill).restore();
    doc.lineWidth(0.5).rect(x, y, col.width, h).stroke();
    doc
      .font(font)
      .fontSize(size)
      .fillColor('black')
      .text(vn(cells[i] ?? ''), x + PAD, y + PAD, { width: col.width - 2 * PAD, align: col.align ?? 'left' });
    x += col.width;
  });
}

export function drawTable(
  doc: PdfDoc,
  cols: Column[],
  rows: string[][],
  opts: { size?: number; boldLast?: boolean } = {},
) {
  const size = opts.size ?? 9.5;
  const head = cols.map((c) => c.title);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const header = () => {
    const h = rowHeight(doc, cols, head, 'bold', size);
    const y = doc.y;
    drawRow(doc, cols, head, y, h, 'bold', size, headerFill);
    doc.y = y + h;
  };
  header();
  rows.forEach((cells, i) => {
    const font = opts.boldLast && i === rows.length - 1 ? 'bold' : 'regular';
    const h = rowHeight(doc, cols, cells, font, size);
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    drawRow(doc, cols, cells, y, h, font, size);
    doc.y = y + h;
  });
  doc.x = doc.page.margins.left;
}

/** The signature block under a list: who made it on the left, the head of the body on the right, with place/date. */
export function drawSignatures(doc: PdfDoc, todayIso: string, left: string, right: string) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (doc.y + 110 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const x = doc.page.margins.left;
  const half = width / 2;
  const top = doc.y + 14;
  doc
    .font('italic')
    .fontSize(11)
    .text(vn(vnLongDate(todayIso, '……………')), x + half, top, { width: half, align: 'center' });
  const y = doc.y;
  doc.font('bold').fontSize(11).text(vn(left), x, y, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(11)
    .text(vn(right), x + half, y, { width: half, align: 'center' });
  doc.font('italic').fontSize(10).text(vn('(Ký, ghi rõ họ tên)'), x, doc.y, { width: half, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text(vn('(Ký, ghi rõ họ tên, đóng dấu)'), x + half, doc.y - 12.5, { width: half, align: 'center' });
  doc.x = x;
}

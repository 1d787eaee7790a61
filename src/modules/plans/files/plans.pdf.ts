import {
  addFooters,
  createPdf,
  drawOfficialHeading,
  type PdfDoc,
  pdfBuffer,
  vn,
  vnDateText,
} from '../../../platform/pdf.ts';
import {
  type Consolidated,
  completenessText,
  type Indicator,
  planKindLabel,
  type Total,
} from './consolidated.service.ts';

/**
 * The consolidated report in short, as a printable A4 document laid out like a Vietnamese office report:
 * heading, title, completeness, a table of indicators against targets, the units' lines, and the units
 * that are late or missing.
 */

const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = (p: number | null) => (p === null ? '—' : `${num.format(p)}%`);
const unitOf = (ind: Indicator) => (ind.unit ? ` ${ind.unit}` : '');

function resultText(ind: Indicator, t: Total, expected: number): string {
  if (t.value === null) return '—';
  if (ind.kind === 'ratio')
    return `${num.format(t.value)}/${num.format(t.denominator ?? 0)} (${percent(t.percent)})`;
  if (ind.kind === 'yes_no') return `${num.format(t.value)}/${expected} đơn vị (${percent(t.percent)})`;
  return `${num.format(t.value)}${unitOf(ind)}`;
}

function targetText(ind: Indicator, t: Total): string {
  if (t.target === null) return 'Chưa giao';
  const everyUnit = t.targetSource === 'all_units' ? ' (áp dụng cho mọi đơn vị)' : '';
  if (ind.kind === 'ratio') return `Tối thiểu ${percent(t.target)}${everyUnit}`;
  if (ind.kind === 'yes_no') return `${percent(t.target)} đơn vị${everyUnit}`;
  if (ind.goalPercent === 100) return `${num.format(t.target)}${unitOf(ind)}`;
  // The goal is what achievement is judged on: "1.050 (105% của 1.000)".
  const goal = (t.target * ind.goalPercent) / 100;
  return `${num.format(goal)}${unitOf(ind)} (${ind.goalPercent}% của ${num.format(t.target)})`;
}

/** The figure a unit's line shows for an indicator: the result for quotas, the share otherwise (under its floor: marked). */
function shortFigure(ind: Indicator, t: Total): string {
  if (t.value === null) return '—';
  if (ind.kind === 'count' || ind.kind === 'sum') return num.format(t.value);
  return t.isBelowFloor ? `${percent(t.percent)} (< ${percent(t.target)})` : percent(t.percent);
}

const head = (text: string) => ({
  text: vn(text),
  font: { src: 'bold' },
  align: 'center' as const,
  backgroundColor: '#E8EEF7',
});
const right = (text: string) => ({ text: vn(text), align: { x: 'right' as const, y: 'top' as const } });

function section(doc: PdfDoc, title: string) {
  doc
    .moveDown(0.6)
    .font('bold')
    .fontSize(12)
    .text(vn(title), doc.page.margins.left)
    .font('regular')
    .fontSize(11);
  doc.moveDown(0.2);
}

function indicatorTable(doc: PdfDoc, d: Consolidated) {
  doc.fontSize(10).table({
    columnStyles: [24, '*', 110, 90, 56],
    data: [
      [head('TT'), head('Nội dung'), head('Kết quả'), head('Chỉ tiêu, mục tiêu'), head('Tỷ lệ đạt')],
      ...d.indicators.map((ind, i) => {
        const t = d.totals[i]!;
        return [
          String(i + 1),
          vn(`${ind.name} [${ind.code}]`),
          right(resultText(ind, t, d.completeness.expected)),
          right(targetText(ind, t)),
          right(percent(t.achievementPercent)),
        ];
      }),
    ],
  });
}

const MAX_UNIT_COLUMNS = 5;

function unitsTable(doc: PdfDoc, d: Consolidated) {
  const lines = d.units.filter((u) => u.depth === 1);
  const shown = d.indicators.slice(0, MAX_UNIT_COLUMNS);
  doc.fontSize(9.5).table({
    columnStyles: ['*', 54, ...shown.map(() => 58)],
    data: [
      [head('Đơn vị'), head('Đã báo cáo'), ...shown.map((i) => head(i.code))],
      ...lines.map((u) => [
        vn(u.orgName),
        right(`${u.reported}/${u.expected}`),
        ...shown.map((ind, n) => right(u.reported ? shortFigure(ind, u.totals[n]!) : '—')),
      ]),
    ],
  });
  const legend = shown.map((i) => `${i.code}: ${i.name}`).join('; ');
  const floorNote = lines.some((u) => u.totals.some((t) => t.isBelowFloor))
    ? ' (< …): dưới mức tối thiểu áp dụng cho mọi đơn vị.'
    : '';
  const more = d.indicators.length > shown.length ? ' Các chỉ tiêu khác: xem tệp Excel tổng hợp.' : '';
  doc
    .moveDown(0.3)
    .font('italic')
    .fontSize(9)
    .text(vn(`${legend}.${floorNote} —: chưa có báo cáo.${more}`), doc.page.margins.left)
    .font('regular');
}

function behindLines(d: Consolidated): string[] {
  if (d.behind.length === 0) return ['Không có đơn vị nào chậm nộp hoặc chưa nộp.'];
  return d.behind.map((b, i) => {
    const where = b.parentName ? ` (${b.parentName})` : '';
    const what =
      b.status === 'late'
        ? `nộp muộn ngày ${vnDateText(b.submittedOn!)}, chậm ${b.daysLate} ngày`
        : `chưa nộp (quá hạn ${b.daysLate} ngày)`;
    return `${i + 1}. ${b.orgName}${where}: ${what}.`;
  });
}

const contentWidth = (doc: PdfDoc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const roomLeft = (doc: PdfDoc) => doc.page.height - doc.page.margins.bottom - doc.y;
/** Room under "(Ký, ghi rõ họ tên)" for the signature itself. */
const SIGNING_SPACE = 56;

/** Height of text in a font and size (the document's font is left as it was found: callers set theirs). */
function heightOf(doc: PdfDoc, font: string, size: number, text: string, width: number): number {
  return doc.font(font).fontSize(size).heightOfString(vn(text), { width });
}

function recipientLines(d: Consolidated): string[] {
  // The report goes to whoever issued the plan; the issuer's own report goes up to its parent.
  const upward = d.org.id === d.plan.issuerOrgId ? d.org.parentName : d.plan.issuerName;
  return [...(upward ? [`- ${upward} (để báo cáo);`] : []), '- Lưu: VT.'];
}

/** The closing block's height: "Nơi nhận" on the left, the signer with room to sign on the right. */
function signatureHeight(doc: PdfDoc, d: Consolidated): number {
  const half = contentWidth(doc) / 2;
  const gap = doc.font('regular').fontSize(11).currentLineHeight(true) * 1.2;
  const recipients =
    heightOf(doc, 'boldItalic', 11, 'Nơi nhận:', half) +
    recipientLines(d).reduce((h, l) => h + heightOf(doc, 'regular', 10, l, half), 0);
  const signer =
    heightOf(doc, 'bold', 11, 'NGƯỜI LẬP BÁO CÁO', half) +
    heightOf(doc, 'italic', 10, '(Ký, ghi rõ họ tên)', half) +
    SIGNING_SPACE;
  doc.font('regular').fontSize(11);
  return gap + Math.max(recipients, signer);
}

/**
 * The last section (units behind) and the closing block stay together: when both do not fit in what is left of
 * the page, they start the next page together, so "Nơi nhận" and the signature never stand alone on a page. A
 * last section longer than a page is left where it falls; the closing block then follows its end.
 */
function closingPart(doc: PdfDoc, d: Consolidated, title: string) {
  const lines = behindLines(d);
  const width = contentWidth(doc);
  const heading = doc.font('bold').fontSize(12).currentLineHeight(true) * 1.8;
  const tail = heading + lines.reduce((h, l) => h + heightOf(doc, 'regular', 11, l, width), 0);
  const block = signatureHeight(doc, d);
  const page = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  if (tail + block > roomLeft(doc) && tail + block <= page) doc.addPage();
  section(doc, title);
  for (const l of lines) doc.text(vn(l), doc.page.margins.left, doc.y, { width });
  signatureBlock(doc, d);
}

function signatureBlock(doc: PdfDoc, d: Consolidated) {
  // Measured with the gap above it: on a new page the block starts at the top margin.
  if (signatureHeight(doc, d) > roomLeft(doc)) doc.addPage();
  else doc.moveDown(1.2);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.y;
  doc
    .font('boldItalic')
    .fontSize(11)
    .text(vn('Nơi nhận:'), left, top, { width: width / 2 });
  doc.font('regular').fontSize(10);
  for (const l of recipientLines(d)) doc.text(vn(l), left, doc.y, { width: width / 2 });
  doc
    .font('bold')
    .fontSize(11)
    .text(vn('NGƯỜI LẬP BÁO CÁO'), left + width / 2, top, { width: width / 2, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text(vn('(Ký, ghi rõ họ tên)'), { width: width / 2, align: 'center' });
}

export async function summaryPdf(d: Consolidated, createdAt: Date): Promise<Buffer> {
  const title = `Báo cáo tổng hợp kết quả thực hiện ${d.plan.number}`;
  const doc = createPdf({ title, author: d.org.name, subject: d.plan.title, createdAt });
  drawOfficialHeading(doc, { parentName: d.org.parentName, issuerName: d.org.name, dateIso: d.today });
  const left = doc.page.margins.left;
  doc.font('bold').fontSize(14).text('BÁO CÁO TỔNG HỢP KẾT QUẢ', { align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(
      vn(
        `Thực hiện ${planKindLabel[d.plan.kind]} số ${d.plan.number} ngày ${vnDateText(d.plan.issuedOn)} của ${d.plan.issuerName}`,
      ),
      { align: 'center' },
    );
  doc.font('italic').fontSize(12).text(vn(d.plan.title), { align: 'center' });
  doc.moveDown(0.4).font('regular').fontSize(11);
  doc.text(
    vn(
      `Kỳ báo cáo: ${d.periodLabel}. Hạn nộp: ${vnDateText(d.dueOn)}. Số liệu đến ngày ${vnDateText(d.today)}.`,
    ),
    left,
  );

  section(doc, '1. Tình hình báo cáo');
  doc.text(vn(`${completenessText(d.completeness)}.`));
  section(doc, '2. Kết quả thực hiện các chỉ tiêu');
  indicatorTable(doc, d);
  if (d.units.some((u) => u.depth === 1)) {
    section(doc, '3. Kết quả theo đơn vị trực thuộc');
    unitsTable(doc, d);
  }
  closingPart(doc, d, `${d.units.some((u) => u.depth === 1) ? 4 : 3}. Đơn vị chưa nộp hoặc nộp muộn`);
  addFooters(
    doc,
    (page, pages) => `Trang ${page}/${pages} · Lập ngày ${vnDateText(d.today)} trên hệ thống Chung Tay`,
  );
  return pdfBuffer(doc);
}

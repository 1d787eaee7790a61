import { addFooters, createPdf, type PdfDoc, pdfBuffer, vn, vnDateText } from '../../../platform/pdf.ts';
import type { ClassDocument } from './class-files.service.ts';

/**
 * The attendance and signature sheet (danh sách học viên ký tên) printed for each class: A4 landscape, the
 * provider's heading and the national motto, the course, class, dates, venue and trainers, then one table
 * whose columns are STT, họ và tên, ngày sinh, đơn vị and one signature box per session. A class with more
 * sessions than fit across the page gets one table per group of sessions. The header row repeats on each
 * page; the trainers and the provider sign at the end.
 */

const SESSIONS_PER_TABLE = 6;
const MAX_BOX = 170;
const mm = (n: number) => (n * 72) / 25.4;
const margins = { top: mm(12), bottom: mm(14), left: mm(20), right: mm(12) };
const fixedCols = [
  { key: 'stt', title: 'STT', width: 30 },
  { key: 'name', title: 'Họ và tên', width: 150 },
  { key: 'birth', title: 'Ngày sinh', width: 64 },
  { key: 'unit', title: 'Đơn vị', width: 140 },
] as const;
const line = 0.6;
const headerFill = '#EEF2F7';

type Session = ClassDocument['sessions'][number];
type Slot = { label: string; day: string; time: string } | null;

const vnTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
const hhmm = (iso: string) => vnTime(iso).slice(11, 16);

function slotOf(s: Session, n: number): Slot {
  return {
    label: `Buổi ${n}`,
    day: vnDateText(vnTime(s.startsAt)),
    time: `${hhmm(s.startsAt)}–${hhmm(s.endsAt)}`,
  };
}

function datesText(sessions: Session[]) {
  if (sessions.length === 0) return 'chưa xếp lịch';
  const first = vnDateText(vnTime(sessions[0]!.startsAt));
  const last = vnDateText(vnTime(sessions.at(-1)!.endsAt));
  return first === last ? `ngày ${first}` : `từ ngày ${first} đến ngày ${last}`;
}

function heading(doc: PdfDoc, d: ClassDocument) {
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const leftW = width * 0.42;
  const rightX = left + width * 0.46;
  const rightW = width * 0.54;
  const top = margins.top;
  let y = top;
  if (d.header.providerParentName) {
    doc.font('regular').fontSize(11).text(vn(d.header.providerParentName.toUpperCase()), left, y, {
      width: leftW,
      align: 'center',
    });
    y = doc.y;
  }
  doc.font('bold').fontSize(11).text(vn(d.header.providerName.toUpperCase()), left, y, {
    width: leftW,
    align: 'center',
  });
  const rule = left + leftW / 2 - 30;
  doc
    .moveTo(rule, doc.y + 5)
    .lineTo(rule + 60, doc.y + 5)
    .lineWidth(line)
    .stroke();
  const leftBottom = doc.y + 4;
  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightW,
    align: 'center',
  });
  const motto = vn('Độc lập - Tự do - Hạnh phúc');
  doc.font('bold').fontSize(12).text(motto, rightX, doc.y, { width: rightW, align: 'center' });
  const mw = doc.widthOfString(motto);
  const mx = rightX + (rightW - mw) / 2;
  doc
    .moveTo(mx, doc.y + 2)
    .lineTo(mx + mw, doc.y + 2)
    .lineWidth(line)
    .stroke();
  doc.y = Math.max(leftBottom, doc.y) + 14;
}

function titleBlock(doc: PdfDoc, d: ClassDocument, part: string | null) {
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  doc
    .font('bold')
    .fontSize(14)
    .text(vn('DANH SÁCH HỌC VIÊN KÝ TÊN THEO BUỔI HỌC'), left, doc.y, { width, align: 'center' });
  if (part) doc.font('italic').fontSize(11).text(vn(part), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.35);
  const k = d.klass;
  const hours = d.sessions.reduce((s, x) => s + x.hours, 0) || d.header.courseHours;
  const venue = k.venue ?? d.sessions.find((s) => s.venue)?.venue ?? '……………………………';
  const facts: [string, string][] = [
    ['Khoá học', `${d.header.courseName} (${hours.toLocaleString('vi-VN')} giờ)`],
    [
      'Lớp',
      `${k.code} – ${k.title}${d.header.customerName ? `; doanh nghiệp: ${d.header.customerName}` : ''}`,
    ],
    ['Thời gian', datesText(d.sessions)],
    ['Địa điểm', venue],
    ['Giảng viên', d.trainers.map((t) => t.fullName).join(', ') || '……………………………'],
  ];
  for (const [label, value] of facts) {
    doc
      .font('bold')
      .fontSize(10.5)
      .text(vn(`${label}: `), left + 20, doc.y, { continued: true, width: width - 40 });
    doc.font('regular').text(vn(value));
  }
  doc.moveDown(0.5);
}

type Col = { title: string; width: number; slot?: Slot };

function columnsFor(doc: PdfDoc, slots: Slot[]): Col[] {
  const width = doc.page.width - margins.left - margins.right;
  const fixed = fixedCols.reduce((s, c) => s + c.width, 0);
  // A signature box wider than this only wastes paper: the rest widens the name and unit columns.
  const each = Math.min(MAX_BOX, (width - fixed) / slots.length);
  const spare = width - fixed - each * slots.length;
  const widen = (key: string, w: number) => (key === 'name' || key === 'unit' ? w + spare / 2 : w);
  return [
    ...fixedCols.map((c) => ({ title: c.title, width: widen(c.key, c.width) })),
    ...slots.map((slot) => ({ title: '', width: each, slot })),
  ];
}

/** The two-level header: the fixed columns span both levels; "Chữ ký học viên" spans the session boxes. */
function tableHeader(doc: PdfDoc, cols: Col[], y: number): number {
  const h1 = 18;
  const h2 = 42;
  let x = margins.left;
  const sessionX = margins.left + cols.slice(0, fixedCols.length).reduce((s, c) => s + c.width, 0);
  const sessionW = cols.slice(fixedCols.length).reduce((s, c) => s + c.width, 0);
  doc
    .save()
    .rect(margins.left, y, sessionX - margins.left + sessionW, h1 + h2)
    .fill(headerFill)
    .restore();
  doc.lineWidth(line).strokeColor('black');
  for (const c of cols.slice(0, fixedCols.length)) {
    doc.rect(x, y, c.width, h1 + h2).stroke();
    doc
      .font('bold')
      .fontSize(10)
      .text(vn(c.title), x + 2, y + (h1 + h2) / 2 - 6, { width: c.width - 4, align: 'center' });
    x += c.width;
  }
  doc.rect(sessionX, y, sessionW, h1).stroke();
  doc
    .font('bold')
    .fontSize(10)
    .text(vn('Chữ ký học viên'), sessionX, y + 4, { width: sessionW, align: 'center' });
  for (const c of cols.slice(fixedCols.length)) {
    doc.rect(x, y + h1, c.width, h2).stroke();
    const s = c.slot;
    doc
      .font('bold')
      .fontSize(9.5)
      .text(vn(s?.label ?? 'Buổi …'), x + 2, y + h1 + 3, { width: c.width - 4, align: 'center' });
    doc
      .font('regular')
      .fontSize(8.5)
      .text(vn(s ? `${s.day}` : '…/…/……'), x + 2, doc.y, { width: c.width - 4, align: 'center' });
    if (s) doc.text(s.time, x + 2, doc.y, { width: c.width - 4, align: 'center' });
    x += c.width;
  }
  return y + h1 + h2;
}

function rowHeight(doc: PdfDoc, cols: Col[], l: ClassDocument['learners'][number]) {
  doc.font('regular').fontSize(10);
  const name = doc.heightOfString(vn(l.fullName), { width: cols[1]!.width - 6 });
  doc.fontSize(9);
  const unit = doc.heightOfString(vn(l.unitName ?? ''), { width: cols[3]!.width - 6 });
  return Math.max(22, name + 9, unit + 9);
}

function tableRow(doc: PdfDoc, cols: Col[], y: number, n: number, l: ClassDocument['learners'][number]) {
  const h = rowHeight(doc, cols, l);
  const cells = [String(n), l.fullName, l.birthDate ? vnDateText(l.birthDate) : '', l.unitName ?? ''];
  let x = margins.left;
  doc.lineWidth(line);
  cols.forEach((c, i) => {
    doc.rect(x, y, c.width, h).stroke();
    const text = cells[i];
    if (text) {
      const size = i === 3 ? 9 : 10;
      doc.font('regular').fontSize(size);
      const th = doc.heightOfString(vn(text), { width: c.width - 6 });
      doc.text(vn(text), x + 3, y + (h - th) / 2, {
        width: c.width - 6,
        align: i === 0 || i === 2 ? 'center' : 'left',
      });
    }
    x += c.width;
  });
  return y + h;
}

function signatures(doc: PdfDoc, d: ClassDocument, y: number) {
  const width = doc.page.width - margins.left - margins.right;
  const half = width / 2;
  doc
    .font('italic')
    .fontSize(10.5)
    .text(vn(`Tổng số: ${d.learners.length} học viên.`), margins.left, y + 6, { width });
  const top = doc.y + 8;
  doc.font('bold').fontSize(11).text(vn('GIẢNG VIÊN'), margins.left, top, { width: half, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text(vn('(Ký, ghi rõ họ tên)'), margins.left, doc.y, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(11)
    .text(vn('ĐẠI DIỆN ĐƠN VỊ TỔ CHỨC'), margins.left + half, top, { width: half, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text(vn('(Ký, ghi rõ họ tên, đóng dấu)'), margins.left + half, doc.y, { width: half, align: 'center' });
}

const SIGNATURE_SPACE = 95;

function drawTable(doc: PdfDoc, d: ClassDocument, slots: Slot[], part: string | null, last: boolean) {
  heading(doc, d);
  titleBlock(doc, d, part);
  const cols = columnsFor(doc, slots);
  const enrolled = d.learners.filter((l) => l.status === 'enrolled');
  const bottom = doc.page.height - margins.bottom - 10;
  let y = tableHeader(doc, cols, doc.y);
  const heights = enrolled.map((l) => rowHeight(doc, cols, l));
  const tail = Math.max(0, enrolled.length - 3);
  enrolled.forEach((l, i) => {
    const h = heights[i]!;
    const rest = heights.slice(i).reduce((s, x) => s + x, 0);
    // No signature block alone on a page: when the last rows fit here but the signatures would not, the last
    // three rows go over with them.
    const orphan = last && i === tail && i > 0 && y + rest <= bottom && y + rest + SIGNATURE_SPACE > bottom;
    if (y + h > bottom || orphan) {
      doc.addPage();
      y = tableHeader(doc, cols, margins.top);
    }
    y = tableRow(doc, cols, y, i + 1, l);
  });
  if (!last) return;
  if (y + SIGNATURE_SPACE > bottom) {
    doc.addPage();
    y = margins.top;
  }
  signatures(doc, { ...d, learners: enrolled }, y);
}

/** The sheet as a finished PDF. */
export function attendanceSheetPdf(d: ClassDocument, createdAt: Date): Promise<Buffer> {
  const doc = createPdf({
    title: `Danh sách ký tên lớp ${d.klass.code}`,
    author: d.header.providerName,
    createdAt,
    layout: 'landscape',
    margins,
  });
  const slots: Slot[] = d.sessions.length
    ? d.sessions.map((s, i) => slotOf(s, i + 1))
    : [null, null, null, null];
  const groups: Slot[][] = [];
  for (let i = 0; i < slots.length; i += SESSIONS_PER_TABLE)
    groups.push(slots.slice(i, i + SESSIONS_PER_TABLE));
  groups.forEach((g, i) => {
    if (i > 0) doc.addPage();
    const from = i * SESSIONS_PER_TABLE + 1;
    const part =
      groups.length > 1 ? `(Buổi ${from}–${from + g.length - 1} trong ${slots.length} buổi)` : null;
    drawTable(doc, d, g, part, i === groups.length - 1);
  });
  addFooters(doc, (page, pages) => `Lớp ${d.klass.code} – trang ${page}/${pages}`);
  return pdfBuffer(doc);
}

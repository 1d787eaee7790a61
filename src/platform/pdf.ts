import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * Printable documents (summaries, certificates, attendance sheets): A4 pages set in Noto Serif — a
 * Times-like face with every Vietnamese glyph, read from node_modules (never from the OS, so a clean
 * clone renders the same everywhere) and embedded as a subset.
 */
export type PdfDoc = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
const fontFiles = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
} as const;
export type FontName = keyof typeof fontFiles;

// Fonts are immutable package data: read and parsed once per process (parsing the layout tables of one
// face costs ~150 ms). pdfkit takes a parsed font as it is and makes each document's own subset.
const fontCache = new Map<FontName, fontkit.Font>();
function fontOf(name: FontName): fontkit.Font {
  let font = fontCache.get(name);
  if (!font) {
    const data = readFileSync(require.resolve(`@expo-google-fonts/noto-serif/${fontFiles[name]}`));
    font = fontkit.create(data) as fontkit.Font;
    keepGlyphText(font);
    fontCache.set(name, font);
  }
  return font;
}

/**
 * fontkit caches each glyph object with the code points of its first request. Subsetting a finished
 * document requests the components of composed glyphs ("ạ" is drawn as "a" + a dot) with none, so in every
 * later document of the process "a" would map to no text: it prints, but copy, search and screen readers
 * lose it ("Qu ng" for "Quang"). A glyph cached without code points takes those it is next asked for.
 */
function keepGlyphText(font: fontkit.Font) {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
}

/** A4 in points and the margins of an administrative document (20–25 mm left, 15–20 mm elsewhere). */
export const A4 = { width: 595.28, height: 841.89 };
const mm = (n: number) => (n * 72) / 25.4;
export const officeMargins = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };

export type PdfOptions = {
  title: string;
  author?: string;
  subject?: string;
  /** When the document was made (the injected clock, never `new Date()`). */
  createdAt: Date;
  layout?: 'portrait' | 'landscape';
  margins?: { top: number; bottom: number; left: number; right: number };
};

/** Text as it should be drawn: composed (NFC), so every letter with its marks is one glyph of the font. */
export const vn = (s: string) => s.normalize('NFC');

/** A new A4 document with the Vietnamese fonts registered as `regular`, `bold`, `italic`, `boldItalic`. */
export function createPdf(opts: PdfOptions): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margins: opts.margins ?? officeMargins,
    bufferPages: true, // page numbers ("Trang 1/3") are written once the page count is known
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: vn(opts.title),
      Author: vn(opts.author ?? 'Chung Tay'),
      ...(opts.subject ? { Subject: vn(opts.subject) } : {}),
      Creator: 'Chung Tay',
      Producer: 'Chung Tay',
      CreationDate: opts.createdAt,
      ModDate: opts.createdAt,
    },
  });
  for (const name of Object.keys(fontFiles) as FontName[])
    doc.registerFont(name, fontOf(name) as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('regular').fontSize(12);
  return doc;
}

/** Ends the document and answers its bytes. */
export function pdfBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** dd/mm/yyyy of an ISO day (YYYY-MM-DD…), as every date shown to a user. */
export function vnDateText(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "ngày 05 tháng 5 năm 2021", the way a document states where and when it was signed. */
export function vnLongDate(iso: string, place?: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  // Nghị định 30/2020: days below 10 and the months 1 and 2 take a leading zero.
  const month = Number(m) <= 2 ? m : String(Number(m));
  const text = `ngày ${d} tháng ${month} năm ${y}`;
  return place ? `${place}, ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}

const contentWidth = (doc: PdfDoc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/**
 * The heading of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the issuing body in
 * capitals on the left (its parent above it), its number under it; the national motto on the right with
 * the place and date. Leaves the cursor under the heading, at the left margin.
 */
export function drawOfficialHeading(
  doc: PdfDoc,
  h: {
    parentName?: string | null;
    issuerName: string;
    number?: string | null;
    dateIso: string;
    place?: string;
  },
) {
  const left = doc.page.margins.left;
  const top = doc.y;
  const width = contentWidth(doc);
  const leftW = width * 0.42;
  const rightX = left + width * 0.42;
  const rightW = width * 0.58;
  const centred = { align: 'center' as const };

  let y = top;
  if (h.parentName) {
    doc
      .font('regular')
      .fontSize(12)
      .text(vn(h.parentName.toUpperCase()), left, y, { ...centred, width: leftW });
    y = doc.y;
  }
  doc
    .font('bold')
    .fontSize(12)
    .text(vn(h.issuerName.toUpperCase()), left, y, { ...centred, width: leftW });
  const ruleLeft = left + leftW / 2 - 30;
  doc
    .moveTo(ruleLeft, doc.y + 2)
    .lineTo(ruleLeft + 60, doc.y + 2)
    .lineWidth(0.6)
    .stroke();
  if (h.number)
    doc
      .font('regular')
      .fontSize(12)
      .text(vn(`Số: ${h.number}`), left, doc.y + 8, { ...centred, width: leftW });
  const leftBottom = doc.y;

  doc
    .font('bold')
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { ...centred, width: rightW });
  doc
    .font('bold')
    .fontSize(13)
    .text(vn('Độc lập - Tự do - Hạnh phúc'), rightX, doc.y, { ...centred, width: rightW });
  const motto = doc.widthOfString(vn('Độc lập - Tự do - Hạnh phúc'));
  const mottoLeft = rightX + (rightW - motto) / 2;
  doc
    .moveTo(mottoLeft, doc.y + 2)
    .lineTo(mottoLeft + motto, doc.y + 2)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('italic')
    .fontSize(12)
    .text(vn(vnLongDate(h.dateIso, h.place)), rightX, doc.y + 8, { ...centred, width: rightW });
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font('regular').fontSize(12);
}

/** Writes `text(page, pages)` at the foot of every page, centred, inside the bottom margin. */
export function addFooters(doc: PdfDoc, text: (page: number, pages: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Writing below the bottom margin would start a new page: lift the margin while writing the footer.
    doc.page.margins.bottom = 0;
    doc
      .font('italic')
      .fontSize(9)
      .fillColor('#444444')
      .text(vn(text(i - range.start + 1, range.count)), margins.left, doc.page.height - bottom / 2 - 6, {
        width: doc.page.width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
  }
}

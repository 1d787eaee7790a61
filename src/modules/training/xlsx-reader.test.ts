import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellValue, parseRoster } from './roster.parse.ts';
import { readFirstSheet, XlsxError } from './xlsx-reader.ts';

/** The rows as ExcelJS's full loader sees them (the reader roster import used before): the oracle. */
async function viaExcelJs(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: { n: number; values: unknown[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = trim((row.values as unknown[]).map(cellValue));
    if (values.length) out.push({ n, values });
  });
  return out;
}

function viaReader(buf: Buffer) {
  return readFirstSheet(buf)
    .map(({ n, cells }) => ({ n, values: trim(cells.map(cellValue)) }))
    .filter((r) => r.values.length);
}

/** Holes and trailing nulls out, so "no cell" and "an empty cell" compare equal. */
function trim(values: unknown[]) {
  const out = Array.from(values, (v) => v ?? null);
  while (out.length && out.at(-1) === null) out.pop();
  return out;
}

/** A ZIP package from parts (deflated unless `stored`), the way spreadsheet programs write one. */
function zip(parts: Record<string, string>, stored: string[] = []): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const method = stored.includes(name) ? 0 : 8;
    const data = method === 0 ? raw : deflateRawSync(raw);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc32(raw), 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    central.push(dir, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('xlsx reader (cell values of the first worksheet)', () => {
  it('reads what ExcelJS reads from a workbook ExcelJS wrote: text, numbers, dates, rich text, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Danh sách');
    wb.addWorksheet('Khác').addRow(['not this sheet']);
    first.addRow(['DANH SÁCH HỌC VIÊN — Lớp SCC-01 & "đặc biệt" <1>']);
    first.addRow([]);
    first.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'SĐT', 'Ghi chú']);
    const r = first.addRow([
      1,
      { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Thị Hồng Nhung' }] },
      new Date(Date.UTC(1990, 4, 7)),
      'Nữ',
      27190012345,
      { formula: '"09"&"12345678"', result: '0912345678' },
      true,
    ]);
    r.getCell(3).numFmt = 'dd/mm/yyyy';
    first.addRow([
      2,
      '  Đỗ Văn Đức ',
      '03/02/1995',
      'Nam',
      null,
      0.5,
      { text: 'liên hệ', hyperlink: 'https://x.vn' },
    ]);
    first.getCell('C6').value = 36000.75;
    first.getCell('C6').numFmt = 'dd/mm/yyyy hh:mm';
    first.getCell('H9').value = 'xa bảng';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(viaReader(buf)).toEqual(await viaExcelJs(buf));
    expect(viaReader(buf)[2]!.values).toEqual([
      null,
      1,
      'Nguyễn Thị Hồng Nhung',
      new Date(Date.UTC(1990, 4, 7)),
      'Nữ',
      27190012345,
      '0912345678',
      'true',
    ]);
  });

  it('reads what ExcelJS reads from a roster LibreOffice saved (its own shared strings, styles and dates)', async () => {
    // fixtures/roster-libreoffice.xlsx: a roster with the usual mistakes, saved by LibreOffice Calc 7.
    const buf = readFileSync(path.join(import.meta.dirname, 'fixtures/roster-libreoffice.xlsx'));
    const mine = viaReader(buf);
    expect(mine).toEqual(await viaExcelJs(buf));
    const parsed = await parseRoster(buf);
    expect(parsed.fileIssues).toEqual([]);
    // Row 6's 1926 birth date is an Excel serial between 1000 and 9999: its date style makes it a date, not a
    // bare year. Row 7's "1990" was typed into a dd/mm/yyyy cell, so Excel itself shows 12/06/1905 (the age rule
    // refuses it later). Row 10 is the signature block, which the preview reports (no birth date).
    expect(parsed.rows.map((x) => [x.row, x.fullName, x.birthDate, x.cccd, x.phone])).toEqual([
      [4, 'Nguyễn Thị Hồng Nhung', '1990-05-07', '027190012345', '0912345678'],
      [5, 'Đặng Văn Đức', '1995-02-03', '027095000222', '0987654321'],
      [6, 'Lê Thị Ánh', '1926-12-31', '024126000333', '0977111222'],
      [7, 'Trịnh Quang Huy', '1905-06-12', '027090000444', null],
      [8, 'Vũ Thị Thuỷ', null, null, '+84912000555'],
      [10, 'Người lập biểu', null, null, 'Giámđốc'],
    ]);
  });

  it('reads packages other producers write: prefixes, inline strings, no r attributes, 1904 dates, escapes', () => {
    const buf = zip(
      {
        '[Content_Types].xml': '<Types/>',
        '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`,
        'book/main.xml': `<x:workbook xmlns:x="${NS}" xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="DS" sheetId="7" r:id="rS"/></x:sheets></x:workbook>`,
        'book/_rels/main.xml.rels': `<Relationships><Relationship Id="rS" Type="${REL}/worksheet" Target="sheets/../data/s.xml"/></Relationships>`,
        'book/styles.xml': `<x:styleSheet xmlns:x="${NS}"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="&quot;ngày&quot; dd/mm/yyyy"/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="170"/><x:xf numFmtId="4"/></x:cellXfs></x:styleSheet>`,
        'xl/styles.xml': `<styleSheet xmlns="${NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
        'xl/sharedStrings.xml': `<sst xmlns="${NS}"><si><t>Họ và tên</t></si><si><r><t>Ngày </t></r><r><rPr><b/></rPr><t xml:space="preserve">sinh</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></si><si><t/></si><si><t>A &amp; B_x000D_</t></si></sst>`,
        'book/data/s.xml': `<x:worksheet xmlns:x="${NS}"><x:sheetData>
          <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
          <x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>Phạm &#7842;nh &lt;Ánh&gt;</x:t></x:is></x:c><x:c s="1"><x:v>32999</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>
          <x:row><x:c r="A6" t="str"><x:f>A1</x:f><x:v>công thức</x:v></x:c><x:c r="AA6" t="d"><x:v>1990-05-07T00:00:00Z</x:v></x:c><x:c r="AB6" s="2"><x:v>1.5</x:v></x:c><x:c r="AC6" t="s"><x:v>3</x:v></x:c></x:row>
          <x:row r="7"/>
        </x:sheetData></x:worksheet>`,
      },
      ['book/data/s.xml'],
    );
    const got = readFirstSheet(buf);
    expect(got.map((r) => r.n)).toEqual([1, 5, 6]);
    expect(got[0]!.cells.slice(1)).toEqual(['Họ và tên', 'Ngày sinh', '']);
    // 1904 date system: serial 32999 is 1994-05-07 there (1990-05-06 in the 1900 system).
    expect(trim(got[1]!.cells)).toEqual([
      null,
      null,
      'Phạm Ảnh <Ánh>',
      new Date(Date.UTC(1994, 4, 7)),
      null,
      false,
    ]);
    expect(got[2]!.cells[1]).toBe('công thức');
    expect(got[2]!.cells[27]).toEqual(new Date(Date.UTC(1990, 4, 7)));
    expect(got[2]!.cells[28]).toBe(1.5);
    expect(got[2]!.cells[29]).toBe('A & B\r');
  });

  it('reports a file it cannot read, with the reason in Vietnamese', async () => {
    const good = zip({ 'xl/workbook.xml': '<workbook/>' });
    expect(() => readFirstSheet(good)).toThrow(new XlsxError('tệp không có trang tính nào'));
    expect(() => readFirstSheet(Buffer.from('PK\u0003\u0004 not really a zip'))).toThrow(XlsxError);
    const truncated = (await parseRoster(good.subarray(0, good.length - 30))).fileIssues;
    expect(truncated[0]!.message).toMatch(/^Tệp XLSX không đọc được: tệp bị hỏng/);
  });
});

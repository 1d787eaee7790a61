import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster.parse.ts';

/**
 * The roster parser on files as different programs write them: ExcelJS (the app's template and samples),
 * LibreOffice Calc (a saved fixture), and hand-made packages for what generators do (inline strings, phonetic
 * runs, the 1904 date system, `_xHHHH_` escapes) — and what the reader cannot open, which must be a file-level
 * error in Vietnamese, never a crash.
 */

const rowsOf = async (buf: Buffer) =>
  (await parseRoster(buf)).rows.map((r) => [
    r.row,
    r.fullName,
    r.birthDate,
    r.sex,
    r.cccd,
    r.phone,
    r.jobTitle,
  ]);

/** A ZIP package from parts, the way spreadsheet programs write one (deflated, UTF-8 names). */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflateRawSync(raw);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(8, 10);
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
const PKG = 'http://schemas.openxmlformats.org/package/2006';

/** A one-sheet workbook package; `p` prefixes the SpreadsheetML elements (`x:` as the .NET OpenXML SDK writes). */
function workbookPackage(opts: { sheet: string; strings: string; p?: string; date1904?: boolean }): Buffer {
  const p = opts.p ?? '';
  const ns = p ? ` xmlns:${p.slice(0, -1)}="${NS}"` : ` xmlns="${NS}"`;
  const type = (t: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml`;
  return zip({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type('sheet.main')}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${type('worksheet')}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${type('sharedStrings')}"/><Override PartName="/xl/styles.xml" ContentType="${type('styles')}"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><${p}workbook${ns} xmlns:r="${REL}">${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets><${p}sheet name="DS" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0"?><${p}styleSheet${ns}><${p}cellXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="14"/></${p}cellXfs></${p}styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><${p}sst${ns}>${opts.strings}</${p}sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><${p}worksheet${ns}><${p}sheetData>${opts.sheet}</${p}sheetData></${p}worksheet>`,
  });
}

describe('roster parser on files from different programs', () => {
  it('reads a workbook ExcelJS wrote: rich text, formulas, real dates and dd/mm/yyyy text, numbers for IDs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    wb.addWorksheet('Khác').addRow(['Họ và tên', 'not this sheet']);
    ws.addRow(['DANH SÁCH HỌC VIÊN — Lớp SCC-01 & "đặc biệt" <1>']);
    ws.mergeCells('A1:G1');
    ws.addRow([]);
    ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'SĐT', 'Chức vụ']);
    const r = ws.addRow([
      1,
      { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Thị Hồng Nhung' }] },
      new Date(Date.UTC(1990, 4, 7)),
      'Nữ',
      27190012345,
      { formula: '"09"&"12345678"', result: '0912345678' },
      { text: 'Tổ   trưởng', hyperlink: 'https://example.vn' },
    ]);
    r.getCell(3).numFmt = 'dd/mm/yyyy';
    ws.addRow([2, '  Đỗ Văn Đức ', '03/02/1995', 'Nam', '024 095 000 222', 987654321, true]);
    expect(await rowsOf(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([
      [4, 'Nguyễn Thị Hồng Nhung', '1990-05-07', 'female', '027190012345', '0912345678', 'Tổ trưởng'],
      [5, 'Đỗ Văn Đức', '1995-02-03', 'male', '024095000222', '0987654321', 'true'],
    ]);
  });

  it('reads a roster LibreOffice saved (its own shared strings, styles and dates)', async () => {
    // fixtures/roster-libreoffice.xlsx: a roster with the usual mistakes, saved by LibreOffice Calc 7.
    const buf = readFileSync(
      path.join(import.meta.dirname, '../../../../test/fixtures/roster-libreoffice.xlsx'),
    );
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

  it('reads inline strings, phonetic runs, escapes and the 1904 date system that generators write', async () => {
    const sheet = (year1904: boolean) =>
      workbookPackage({
        date1904: year1904,
        strings:
          '<si><t>Họ và tên</t></si><si><r><t>Ngày </t></r><r><rPr><b/></rPr><t xml:space="preserve">sinh</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></si><si><t>Số CCCD</t></si><si><t>027190012345_x000D_</t></si>',
        sheet:
          '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c></row>' +
          '<row r="4"><c r="A4" t="inlineStr"><is><t>Phạm &#7842;nh &amp; Cộng sự</t></is></c><c r="B4" s="1"><v>32999</v></c><c r="C4" t="s"><v>3</v></c></row>',
      });
    expect(await rowsOf(sheet(false))).toEqual([
      [4, 'Phạm Ảnh & Cộng sự', '1990-05-06', null, '027190012345', null, null],
    ]);
    // The same serial in the 1904 system (old Mac Excel) is four years and a day later.
    expect((await rowsOf(sheet(true)))[0]![2]).toBe('1994-05-07');
  });

  it('answers a file it cannot read with a file-level error in Vietnamese, not a crash', async () => {
    // ExcelJS does not read SpreadsheetML with prefixed elements (`<x:row>`, some .NET exports) or rows without
    // their `r` number: the user is told to save the file again from Excel or LibreOffice.
    const prefixed = workbookPackage({
      p: 'x:',
      strings: '<x:si><x:t>Họ và tên</x:t></x:si>',
      sheet: '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>',
    });
    const unnumbered = workbookPackage({
      strings: '<si><t>Họ và tên</t></si>',
      sheet: '<row><c t="s"><v>0</v></c></row>',
    });
    const good = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    for (const file of [prefixed, unnumbered, good.subarray(0, good.length - 40)]) {
      const issues = (await parseRoster(file)).fileIssues.map((i) => i.message);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(
        /^Tệp XLSX không đọc được: hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại/,
      );
    }
    expect((await parseRoster(Buffer.from('Họ và tên;Ngày sinh\n'))).fileIssues[0]!.message).toMatch(
      /không phải XLSX/,
    );
  });
});

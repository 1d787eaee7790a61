import ExcelJS from 'exceljs';

/** One worker as an enterprise's HR types them into a roster. */
export type Worker = {
  fullName: string;
  birthDate: string | null; // dd/mm/yyyy, as typed in Excel
  sex: 'Nam' | 'Nữ';
  cccd: string;
  phone: string;
};

const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const middle = { Nam: ['Văn', 'Đức', 'Minh', 'Quang'], Nữ: ['Thị', 'Thu', 'Ngọc', 'Thanh'] };
const given = {
  Nam: ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Khánh', 'Long', 'Phúc', 'Sơn', 'Tuấn'],
  Nữ: ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hương', 'Lan', 'Mai', 'Nga', 'Yến'],
};

/**
 * A valid worker: a CCCD whose digits agree with the birth date and sex (Thông tư 59/2021/TT-BCA: birthplace
 * province 024 Bắc Giang, century/sex digit, two digits of the birth year, then a serial unique to this run).
 * Names are distinct for i < 40.
 */
export function worker(i: number, run: number): Worker {
  const sex = i % 3 === 0 ? 'Nam' : 'Nữ';
  const year = 1975 + ((i * 7) % 30);
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  const centurySex = (year >= 2000 ? 2 : 0) + (sex === 'Nữ' ? 1 : 0);
  const serial = String((run * 100 + i) % 1_000_000).padStart(6, '0');
  return {
    fullName: `${family[i % 10]} ${middle[sex][Math.floor(i / 10) % 4]} ${given[sex][i % 10]}`,
    birthDate: `${day}/${month}/${year}`,
    sex,
    cccd: `024${centurySex}${String(year).slice(2)}${serial}`,
    phone: `09${String(run % 100).padStart(2, '0')}${String(100000 + i).slice(-6)}`,
  };
}

/** An XLSX the way enterprises send it: a title block, then the Vietnamese header row, then one row each. */
export async function rosterXlsx(workers: Worker[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['CÔNG TY TNHH ĐIỆN TỬ QUẾ VÕ']);
  ws.addRow(['DANH SÁCH NGƯỜI LAO ĐỘNG THAM GIA TẬP HUẤN SƠ CỨU, CẤP CỨU']);
  ws.addRow([]);
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại']);
  workers.forEach((w, i) => {
    ws.addRow([i + 1, w.fullName, w.birthDate ?? '', w.sex, w.cccd, w.phone]);
  });
  // CCCDs and phones are text (Excel would drop their leading zeros as numbers).
  ws.getColumn(5).numFmt = '@';
  ws.getColumn(6).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The names in a roster XLSX the server exported (first column holding a full name after the header). */
export async function namesInXlsx(buffer: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let nameCol = 0;
  const names: string[] = [];
  ws.eachRow((row) => {
    // row.values is sparse (index 0 unused) and a cell may hold rich text.
    const cells = Array.from(row.values as unknown[], (v) => {
      if (v && typeof v === 'object' && 'richText' in v)
        return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
      return typeof v === 'string' ? v : String(v ?? '');
    });
    if (!nameCol) {
      const at = cells.findIndex((c) => /^Họ (và )?tên/i.test(c.trim()));
      if (at > 0) nameCol = at;
      return;
    }
    const name = cells[nameCol]?.trim();
    if (name) names.push(name);
  });
  return names;
}

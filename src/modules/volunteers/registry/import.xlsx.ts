import ExcelJS from 'exceljs';
import { volunteerSkills } from '../../../contracts/volunteers/common.ts';
import { groupWords, volunteerColumns } from '../../../contracts/volunteers/registry-import.ts';
import { MAX_VOLUNTEER_ROWS } from './import.parse.ts';

/** The volunteer list as XLSX: the blank template institutions fill in, and the export (same columns). */

const widths = [6, 28, 13, 9, 15, 14, 26, 12, 22, 8, 22, 36, 9, 16];
const textColumns = [5, 6]; // Số CCCD, Điện thoại: text, so Excel keeps leading zeros.
const DATE_COLUMN = 3;

export type ExportRow = {
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  group: keyof typeof groupWords;
  faculty: string | null;
  studyYear: number | null;
  profession: string | null;
  skills: string[];
  ready: boolean;
  homeProvince: string | null;
};

function sheet(wb: ExcelJS.Workbook, title: string, rows: number) {
  const ws = wb.addWorksheet('Danh sách tình nguyện viên');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow([...volunteerColumns]);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (let r = 4; r <= 3 + rows; r++) {
    for (const c of textColumns) ws.getCell(r, c).numFmt = '@';
    ws.getCell(r, DATE_COLUMN).numFmt = 'dd/mm/yyyy';
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

/** Excel dates are days at UTC midnight. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function volunteerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Tay';
  const ws = sheet(wb, 'DANH SÁCH TÌNH NGUYỆN VIÊN', 1000);
  const lists: [number, string][] = [
    [4, '"Nam,Nữ"'],
    [8, `"${Object.values(groupWords).join(',')}"`],
    [13, '"Có,Không"'],
  ];
  for (let r = 4; r <= 1003; r++)
    for (const [c, formula] of lists)
      ws.getCell(r, c).dataValidation = { type: 'list', allowBlank: true, formulae: [formula] };
  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  for (const line of [
    'Cách điền danh sách tình nguyện viên',
    '• Mỗi người một dòng, bắt đầu từ dòng 4; giữ nguyên dòng tiêu đề.',
    '• Ngày sinh: dd/mm/yyyy; tình nguyện viên phải từ đủ 18 tuổi.',
    '• Giới tính: Nam hoặc Nữ. Số CCCD: đủ 12 chữ số. Điện thoại: 10 chữ số bắt đầu bằng 0.',
    `• Đối tượng: ${Object.values(groupWords).join(', ')}. Năm thứ: 1–10 (sinh viên, học viên).`,
    `• Kỹ năng: các từ sau, cách nhau bằng dấu phẩy: ${Object.values(volunteerSkills)
      .map((s) => s.vi)
      .join('; ')}.`,
    '• Sẵn sàng: Có hoặc Không (sẵn sàng tham gia khi được huy động). Tỉnh quê quán: tên tỉnh, thành phố (34 tỉnh từ 1/7/2025).',
    `• Tối đa ${MAX_VOLUNTEER_ROWS.toLocaleString('vi-VN')} dòng mỗi tệp. Tải lên để xem trước: lỗi được báo theo dòng và cột, chưa có gì được lưu.`,
    '• Số CCCD là dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP): chỉ gửi tệp qua hệ thống.',
  ])
    help.addRow([line]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function volunteerExport(title: string, list: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Tay';
  const ws = sheet(wb, title, list.length);
  list.forEach((v, i) => {
    // Rows 4… exist already (formatted by `sheet`): fill them rather than append after them.
    ws.getRow(4 + i).values = [
      i + 1,
      v.fullName,
      v.birthDate ? excelDate(v.birthDate) : null,
      v.sex === 'male' ? 'Nam' : v.sex === 'female' ? 'Nữ' : null,
      v.cccd,
      v.phone,
      v.email,
      groupWords[v.group],
      v.faculty,
      v.studyYear,
      v.profession,
      v.skills.map((s) => volunteerSkills[s as keyof typeof volunteerSkills]?.vi ?? s).join(', '),
      v.ready ? 'Có' : 'Không',
      v.homeProvince,
    ];
    // Assigning a row's values drops the cells' formats: set them again, or a spreadsheet shows 11/17/1997.
    for (const c of textColumns) ws.getCell(4 + i, c).numFmt = '@';
    ws.getCell(4 + i, DATE_COLUMN).numFmt = 'dd/mm/yyyy';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

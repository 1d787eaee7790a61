import ExcelJS from 'exceljs';
import { vnDateText } from '../../../platform/pdf.ts';
import type { ClassDocument } from './class-files.service.ts';
import { defaultLabels } from './roster.parse.ts';

/**
 * The class roster as an enterprise or a provider files it: a title block (provider, course, class, dates,
 * venue, trainers), then one row per learner under Vietnamese headers that the roster import reads back
 * (so a corrected export can be uploaded again). Birth dates are real dates shown dd/mm/yyyy; the CCCD and
 * the phone are text cells, so a spreadsheet keeps their leading zeros.
 */

const outcomeVi = { pass: 'Đạt', fail: 'Không đạt', no_show: 'Vắng thi', left_early: 'Bỏ dở' } as const;
const sexVi = { male: 'Nam', female: 'Nữ' } as const;
const statusVi = { enrolled: 'Chính thức', waitlisted: 'Danh sách chờ' } as const;

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A birth date as an Excel date (UTC midnight, so no time zone shifts the day). */
const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function sessionDays(doc: ClassDocument) {
  const days = doc.sessions.map((s) =>
    vnDateText(new Date(Date.parse(s.startsAt) + 7 * 3600_000).toISOString()),
  );
  if (days.length === 0) return 'chưa xếp lịch';
  return days[0] === days.at(-1) ? days[0]! : `${days[0]} – ${days.at(-1)}`;
}

export async function classRosterXlsx(doc: ClassDocument, createdAt: Date): Promise<Buffer> {
  const { klass, header } = doc;
  const wb = new ExcelJS.Workbook();
  wb.creator = header.providerName;
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet('Danh sách học viên', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = [
    { header: 'STT', width: 6 },
    { header: defaultLabels.fullName, width: 28 },
    { header: defaultLabels.birthDate, width: 13 },
    { header: defaultLabels.sex, width: 9 },
    { header: defaultLabels.cccd, width: 16 },
    { header: defaultLabels.phone, width: 14 },
    { header: 'Đơn vị', width: 30 },
    { header: defaultLabels.jobTitle, width: 20 },
    { header: 'Trạng thái', width: 14 },
    { header: 'Điểm lý thuyết', width: 10 },
    { header: 'Điểm thực hành', width: 10 },
    { header: 'Kết quả', width: 11 },
    { header: 'Số giấy chứng nhận', width: 24 },
  ];
  const title = ws.addRow(['DANH SÁCH HỌC VIÊN']);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  title.alignment = { horizontal: 'center' };
  const facts: [string, string][] = [
    ['Đơn vị tổ chức', header.providerName],
    ['Khoá học', `${header.courseName} (${header.courseHours} giờ; ${header.legalSource})`],
    ['Lớp', `${klass.code} – ${klass.title}`],
    ['Doanh nghiệp', header.customerName ?? '—'],
    ['Thời gian', sessionDays(doc)],
    ['Địa điểm', klass.venue ?? doc.sessions.find((s) => s.venue)?.venue ?? '—'],
    ['Giảng viên', doc.trainers.map((t) => t.fullName).join(', ') || '—'],
  ];
  // A label spans the narrow STT column and the name column (a label alone in STT was cut off: "Khoá h"), its
  // value the rest of the row.
  for (const [label, value] of facts) {
    const r = ws.addRow([`${label}:`, null, value]);
    r.getCell(1).font = { bold: true };
    ws.mergeCells(r.number, 1, r.number, 2);
    ws.mergeCells(r.number, 3, r.number, columns.length);
  }
  ws.addRow([]);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.height = 30;
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((cell) => {
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.getColumn(3).numFmt = 'dd/mm/yyyy';
  ws.getColumn(5).numFmt = '@';
  ws.getColumn(6).numFmt = '@';
  doc.learners.forEach((l, i) => {
    const r = ws.addRow([
      i + 1,
      l.fullName,
      excelDate(l.birthDate),
      l.sex ? sexVi[l.sex] : null,
      l.cccd,
      l.phone,
      l.unitName,
      l.jobTitle,
      statusVi[l.status],
      l.theoryScore,
      l.practiceScore,
      l.outcome ? outcomeVi[l.outcome] : null,
      l.certificateNumber,
    ]);
    r.getCell(3).numFmt = 'dd/mm/yyyy';
    r.getCell(5).numFmt = '@';
    r.getCell(6).numFmt = '@';
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
    });
    r.getCell(1).alignment = { horizontal: 'center' };
  });
  const enrolled = doc.learners.filter((l) => l.status === 'enrolled').length;
  const waiting = doc.learners.length - enrolled;
  ws.addRow([]);
  ws.addRow([
    `Tổng số: ${enrolled} học viên chính thức${waiting ? `, ${waiting} trong danh sách chờ` : ''} (sức chứa ${klass.capacity}).`,
  ]).font = { italic: true };
  if (doc.learners.some((l) => l.cccdMasked))
    ws.addRow([
      'Số CCCD được che một phần: chỉ người có quyền xem dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP) mới tải được số đầy đủ.',
    ]).font = { italic: true, color: { argb: 'FF666666' } };
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  ws.autoFilter = { from: { row: head.number, column: 1 }, to: { row: head.number, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

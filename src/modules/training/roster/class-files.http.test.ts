import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClass, type Learner } from '../../../../test/helpers/certificates.fixtures.ts';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import {
  hasPoppler,
  pdfPages,
  pdfText,
  renderPage,
  saveSample,
} from '../../../../test/helpers/pdf.fixtures.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { parseRoster } from './roster.parse.ts';

/** The class documents: the roster export (XLSX) and the printable attendance/signature sheet (PDF). */
describe('class roster export and attendance sheet', () => {
  let t: TestApp;
  let centre: BuiltOrg;
  let enterprise: BuiltOrg;
  let manager: Session;
  let hr: Session;
  let viewer: Session;
  let outsider: Session;
  let klass: { id: number; code: string };
  const poppler = hasPoppler();

  const learners: Learner[] = [
    {
      name: 'Trần Thị Ánh',
      birthDate: '1996-07-05',
      sex: 'female',
      cccd: '001196012345',
      phone: '0912345678',
    },
    { name: 'Nguyễn Văn Đức', birthDate: '1990-12-31', sex: 'male', cccd: '027090000111' },
    { name: 'Lê Hoàng Bảo', birthDate: '2001-01-02', sex: 'male', cccd: null },
  ];

  async function addTrainers(classId: number, names: string[]) {
    for (const name of names) {
      const [p] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO people (full_name, org_id, org_path) VALUES (${name}, ${centre.id}, ${centre.path}::ltree) RETURNING id`,
      );
      const [tr] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO trainers (person_id, org_id, org_path, qualification)
            VALUES (${p!.id}, ${centre.id}, ${centre.path}::ltree, 'first_aid_instructor') RETURNING id`,
      );
      await t.db.execute(
        sql`INSERT INTO class_trainers (class_id, trainer_id) VALUES (${classId}, ${tr!.id})`,
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    const national = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
    centre = await buildOrg(t.db, {
      parent: national,
      name: 'Trung tâm Dịch vụ Nhân đạo',
      kind: 'service_centre',
    });
    const other = await buildOrg(t.db, {
      parent: national,
      name: 'Hội Chữ thập đỏ tỉnh Điện Biên',
      kind: 'red_cross',
    });
    enterprise = await buildOrg(t.db, { name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' });
    const as = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    manager = await as(centre, 'org_admin');
    hr = await as(enterprise, 'data_entry');
    viewer = await as(centre, 'viewer');
    outsider = await as(other, 'org_admin');
    klass = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      code: 'QV-01',
      status: 'open',
      days: ['2026-04-20'],
      learners: learners.map((l) => ({ ...l, outcome: null })),
    });
    await t.db.execute(
      sql`UPDATE training_classes SET customer_org_id = ${enterprise.id}, venue = 'Nhà văn hoá KCN Quế Võ',
            title = 'Sơ cứu cho người lao động – lớp 1/4' WHERE id = ${klass.id}`,
    );
    await t.db.execute(
      sql`UPDATE people SET employer_org_id = ${enterprise.id}, job_title = 'Công nhân lắp ráp'
          WHERE id IN (SELECT person_id FROM enrolments WHERE class_id = ${klass.id})`,
    );
    await addTrainers(klass.id, ['Bác sĩ Phạm Thị Hạnh', 'Vũ Minh Quân']);
  });

  async function workbook(s: Session, classId = klass.id) {
    const res = await s.get(`/api/training/classes/${classId}/roster.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('Danh%20s%C3%A1ch%20h%E1%BB%8Dc%20vi%C3%AAn');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { wb, file: res.rawPayload };
  }

  const rowsOf = (ws: ExcelJS.Worksheet) => {
    let headRow = 0;
    ws.eachRow((r, n) => {
      if (!headRow && r.getCell(2).value === 'Họ và tên') headRow = n;
    });
    const out: ExcelJS.Row[] = [];
    for (let n = headRow + 1; n <= ws.rowCount; n++) {
      const r = ws.getRow(n);
      if (typeof r.getCell(1).value === 'number') out.push(r);
    }
    return { head: ws.getRow(headRow), lines: out };
  };

  it('exports the roster with Vietnamese headers, real dates shown dd/mm/yyyy and the CCCD as text', async () => {
    const { wb, file } = await workbook(manager);
    saveSample('danh-sach-hoc-vien.xlsx', file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Danh sách học viên');
    expect(ws.getCell('A1').value).toBe('DANH SÁCH HỌC VIÊN');
    const facts = Array.from(
      { length: 8 },
      (_, i) => `${ws.getCell(i + 2, 1).value} ${ws.getCell(i + 2, 3).value}`,
    );
    expect(facts).toEqual(
      expect.arrayContaining([
        'Đơn vị tổ chức: Trung tâm Dịch vụ Nhân đạo',
        'Doanh nghiệp: Công ty TNHH Điện tử Quế Võ',
        'Thời gian: 20/04/2026',
        'Địa điểm: Nhà văn hoá KCN Quế Võ',
        'Giảng viên: Bác sĩ Phạm Thị Hạnh, Vũ Minh Quân',
      ]),
    );
    const { head, lines } = rowsOf(ws);
    expect((head.values as unknown[]).slice(1, 8)).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CCCD',
      'Số điện thoại',
      'Đơn vị',
    ]);
    // Vietnamese order: by given name — Ánh, Bảo, Đức.
    expect(lines.map((r) => r.getCell(2).value)).toEqual(['Trần Thị Ánh', 'Lê Hoàng Bảo', 'Nguyễn Văn Đức']);
    const first = lines[0]!;
    expect(first.getCell(3).value).toEqual(new Date('1996-07-05T00:00:00Z'));
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(4).value).toBe('Nữ');
    expect(first.getCell(5).value).toBe('001196012345');
    expect(first.getCell(5).numFmt).toBe('@');
    expect(first.getCell(6).value).toBe('0912345678');
    expect(first.getCell(7).value).toBe('Công ty TNHH Điện tử Quế Võ');
    expect(first.getCell(9).value).toBe('Chính thức');
    // The export reads back through the roster import (fix it in Excel, upload it again).
    const parsed = await parseRoster(file);
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rows.map((r) => [r.fullName, r.birthDate, r.cccd])).toEqual([
      ['Trần Thị Ánh', '1996-07-05', '001196012345'],
      ['Lê Hoàng Bảo', '2001-01-02', null],
      ['Nguyễn Văn Đức', '1990-12-31', '027090000111'],
    ]);
  });

  it('records who took the full CCCDs (never the numbers); the enterprise’s clerk gets them masked', async () => {
    const audit = await rows<{
      actor: string;
      after: { document: string; personIds: number[]; field: string };
    }>(
      t.db,
      sql`SELECT actor_username AS actor, after FROM audit_log
          WHERE action = 'read_sensitive' AND entity_type = 'training_class' AND entity_id = ${String(klass.id)}`,
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit[0]!.after).toMatchObject({ field: 'cccd', document: 'roster.xlsx' });
    expect(audit[0]!.after.personIds).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('001196012345');
    const before = audit.length;
    const { wb } = await workbook(hr);
    const { lines } = rowsOf(wb.worksheets[0]!);
    expect(lines.map((r) => r.getCell(5).value)).toEqual(['0011******45', null, '0270******11']);
    const note = [];
    for (let n = 1; n <= wb.worksheets[0]!.rowCount; n++)
      note.push(String(wb.worksheets[0]!.getCell(n, 1).value));
    expect(note.join(' ')).toContain('Nghị định 13/2023/NĐ-CP');
    const after = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_sensitive' AND entity_id = ${String(klass.id)}`,
    );
    expect(after[0]!.n).toBe(before);
  });

  it('is for those who run the class or send its learners: a viewer 403, another province 404', async () => {
    expect((await viewer.get(`/api/training/classes/${klass.id}/roster.xlsx`)).statusCode).toBe(403);
    expect((await viewer.get(`/api/training/classes/${klass.id}/attendance-sheet.pdf`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/training/classes/${klass.id}/roster.xlsx`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/training/classes/${klass.id}/attendance-sheet.pdf`)).statusCode).toBe(
      404,
    );
  });

  it('prints the attendance sheet with the heading, the class facts and a signature box per session', async () => {
    const res = await hr.get(`/api/training/classes/${klass.id}/attendance-sheet.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    saveSample('danh-sach-ky-ten.pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!poppler) return;
    renderPage(pdf, 1, { dpi: 100, sample: 'danh-sach-ky-ten.png' });
    const text = pdfText(pdf);
    for (const s of [
      'TRUNG ƯƠNG HỘI CHỮ THẬP ĐỎ VIỆT NAM',
      'TRUNG TÂM DỊCH VỤ NHÂN ĐẠO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'DANH SÁCH HỌC VIÊN KÝ TÊN THEO BUỔI HỌC',
      'Khoá học: Sơ cứu, cấp cứu tại nơi làm việc – người lao động (4 giờ)',
      'doanh nghiệp: Công ty TNHH Điện tử Quế Võ',
      'Thời gian: ngày 20/04/2026',
      'Địa điểm: Nhà văn hoá KCN Quế Võ',
      'Giảng viên: Bác sĩ Phạm Thị Hạnh, Vũ Minh Quân',
      'STT Họ và tên Ngày sinh',
      'Đơn vị',
      'Buổi 1',
      '20/04/2026 08:00–12:00',
      '1 Trần Thị Ánh 05/07/1996 Công ty TNHH Điện tử Quế Võ',
      '2 Lê Hoàng Bảo 02/01/2001',
      '3 Nguyễn Văn Đức 31/12/1990',
      'Tổng số: 3 học viên.',
      'ĐẠI DIỆN ĐƠN VỊ TỔ CHỨC',
    ])
      expect(text).toContain(s);
    // The sheet carries no CCCD at all.
    expect(text).not.toMatch(/\d{4}\*+\d{2}|001196012345/);
  });

  it('lists the learners on screen in the signature sheet’s order: by given name (Ánh, Bảo, Đức)', async () => {
    const sheet = ['Trần Thị Ánh', 'Lê Hoàng Bảo', 'Nguyễn Văn Đức'];
    const detail = (await manager.get(`/api/training/classes/${klass.id}`)).json();
    expect(detail.enrolments.map((e: { fullName: string }) => e.fullName)).toEqual(sheet);
    const [session] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM class_sessions WHERE class_id = ${klass.id} ORDER BY starts_at LIMIT 1`,
    );
    const attendance = await manager.get(
      `/api/training/classes/${klass.id}/sessions/${session!.id}/attendance`,
    );
    expect(attendance.statusCode, attendance.body).toBe(200);
    expect(attendance.json().entries.map((e: { fullName: string }) => e.fullName)).toEqual(sheet);
  });

  it('splits a long course into one table per six sessions and repeats the header on each page', async () => {
    const many: Learner[] = Array.from({ length: 30 }, (_, i) => ({
      name: `Học viên Số ${String.fromCharCode(65 + (i % 26))}${i}`,
      outcome: null,
    }));
    const days = Array.from({ length: 8 }, (_, i) => `2026-05-${String(11 + i).padStart(2, '0')}`);
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'CTD_SCC_2',
      status: 'open',
      days,
      learners: many,
    });
    const pdf = (await manager.get(`/api/training/classes/${k.id}/attendance-sheet.pdf`)).rawPayload;
    saveSample('danh-sach-ky-ten-8-buoi.pdf', pdf);
    if (!poppler) return;
    renderPage(pdf, 1, { dpi: 100, sample: 'danh-sach-ky-ten-8-buoi-1.png' });
    const text = pdfText(pdf);
    expect(text).toContain('(Buổi 1–6 trong 8 buổi)');
    expect(text).toContain('(Buổi 7–8 trong 8 buổi)');
    expect(text).toContain('Buổi 8 18/05/2026');
    // 30 learners take two pages per table: the column header is printed on each, and the signatures
    // share the last page with the last learners.
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text.match(/STT Họ và tên Ngày sinh/g)!.length).toBe(pages);
    expect(text).toContain(`trang ${pages}/${pages}`);
  });
});

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { volunteerColumns } from '../../../contracts/volunteers/registry-import.ts';

/** Seed 004: a university sends its volunteer list as the XLSX it keeps; the registry exports it back. */
describe('volunteer list import and export', () => {
  let t: TestApp;
  let hp: BuiltOrg;
  let other: BuiltOrg;
  let officer: Session;
  let outsider: Session;

  type Line = (string | number | Date | null)[];
  const header = [...volunteerColumns];
  const good: Line[] = [
    [
      1,
      'Nguyễn Thị Hoa',
      '12/03/2003',
      'Nữ',
      '031303004567',
      '0912345001',
      'hoa@hpmu.edu.vn',
      'Sinh viên',
      'Khoa Y',
      4,
      'Y đa khoa',
      'Lấy mẫu xét nghiệm, Tiêm chủng',
      'Có',
      'Hải Phòng',
    ],
    [
      2,
      'Trần Văn Nam',
      new Date(Date.UTC(1985, 6, 1)),
      'Nam',
      31085001234,
      912345002,
      null,
      'Giảng viên',
      'Bộ môn Vi sinh',
      null,
      'Xét nghiệm',
      'xet nghiem',
      'Không',
      'Thành phố Hải Phòng',
    ],
  ];
  async function xlsx(lines: Line[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['DANH SÁCH TÌNH NGUYỆN VIÊN ĐỢT 2']);
    ws.addRow([]);
    ws.addRow(header);
    for (const l of lines) ws.addRow(l);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const send = (s: Session, mode: 'preview' | 'commit', content: Buffer, orgId = hp.id, accept?: string) =>
    s.request({
      method: 'POST',
      url: `/api/volunteers/import/${mode}`,
      ...multipart([
        { name: 'orgId', value: String(orgId) },
        { name: 'file', content },
      ]),
      ...(accept ? { headers: { accept, ...multipart([]).headers } } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    await t.db.execute(
      sql`INSERT INTO admin_units (code, name, level, kind) VALUES ('31', 'Thành phố Hải Phòng', 'province', 'thanh_pho')
          ON CONFLICT (code) DO NOTHING`,
    );
    const ministry = await buildOrg(t.db, { name: 'Bộ Y tế' });
    hp = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Dược Hải Phòng' });
    other = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Hà Nội' });
    officer = await loginAs(t, hp, 'volunteer_officer');
    outsider = await loginAs(t, other, 'volunteer_officer');
  });

  it('gives a template with the columns institutions send', async () => {
    const res = await officer.get('/api/volunteers/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(3).values as unknown[]).slice(1)).toEqual(header);
  });

  it('names every bad row and column, and writes nothing when any row is wrong', async () => {
    const people = await countRows(t.db, 'people');
    const bad: Line[] = [
      ...good,
      [
        3,
        'Lê Văn Tí',
        '01/01/2010',
        'Nam',
        null,
        '0912345003',
        null,
        'Sinh viên',
        null,
        1,
        null,
        null,
        'Có',
        null,
      ],
      [
        4,
        'Phạm Thu',
        '01/01/2000',
        'Nữ',
        null,
        '0912345004',
        null,
        'Bộ đội',
        null,
        'ba',
        null,
        'Bơi lội',
        'Có lẽ',
        'Atlantis',
      ],
    ];
    const preview = await send(officer, 'preview', await xlsx(bad));
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ mode: 'preview', total: 4, valid: 2, invalid: 2, newPeople: 2 });
    const where = p.issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '6:Ngày sinh',
        '7:Đối tượng',
        '7:Năm thứ',
        '7:Kỹ năng',
        '7:Sẵn sàng',
        '7:Tỉnh quê quán',
      ]),
    );
    expect(p.rows[0]).toMatchObject({
      cccd: '0313******67',
      skills: ['sampling', 'vaccination'],
      ready: true,
    });
    const commit = await send(officer, 'commit', await xlsx(bad));
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.code).toBe('volunteers.import_invalid');
    expect(await countRows(t.db, 'people')).toBe(people);
    expect(await countRows(t.db, 'volunteer_profiles')).toBe(0);
  });

  it('imports all rows with progress, then skips the people already registered when the list comes again', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/volunteers/import/commit',
      payload: multipart([
        { name: 'orgId', value: String(hp.id) },
        { name: 'file', content: await xlsx(good) },
      ]).payload,
      headers: { ...multipart([]).headers, accept: 'application/x-ndjson' },
    });
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ progress: { phase: 'read' } });
    expect(lines.at(-1).result).toMatchObject({ mode: 'commit', created: 2, newPeople: 2, skipped: 0 });
    const list = (await officer.get('/api/volunteers')).json();
    expect(
      list.items.map((v: { fullName: string; status: string; homeProvinceCode: string }) => [
        v.fullName,
        v.status,
        v.homeProvinceCode,
      ]),
    ).toEqual([
      ['Nguyễn Thị Hoa', 'ready', '31'],
      ['Trần Văn Nam', 'registered', '31'],
    ]);
    const nam = list.items.find((v: { fullName: string }) => v.fullName === 'Trần Văn Nam');
    expect(nam).toMatchObject({
      cccd: '0310******34',
      phone: '0912345002',
      group: 'lecturer',
      skills: ['testing'],
    });
    const again = await send(officer, 'commit', await xlsx(good));
    expect(again.json()).toMatchObject({ created: 0, skipped: 2 });
    expect(await countRows(t.db, 'audit_log', sql`action = 'volunteers.import'`)).toBe(2);
  });

  it('refuses an institution the caller does not see, naming the field', async () => {
    const res = await send(outsider, 'preview', await xlsx(good), hp.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('body.orgId');
  });

  it('exports the registry with the same columns, and the export imports again as the same people', async () => {
    const res = await officer.get(`/api/volunteers/export.xlsx?orgId=${hp.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(header);
    const hoa = (ws.getRow(4).values as unknown[]).slice(1);
    expect(hoa.slice(1, 2)).toEqual(['Nguyễn Thị Hoa']);
    // A spreadsheet shows the birth date as dd/mm/yyyy and keeps the CCCD's leading zero.
    expect(ws.getCell(4, 3).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(4, 5).numFmt).toBe('@');
    expect(hoa.slice(3)).toEqual([
      'Nữ',
      '031303004567',
      '0912345001',
      'hoa@hpmu.edu.vn',
      'Sinh viên',
      'Khoa Y',
      4,
      'Y đa khoa',
      'Lấy mẫu xét nghiệm, Tiêm chủng',
      'Có',
      'Thành phố Hải Phòng',
    ]);
    expect(ws.rowCount).toBe(5);
    // The export is a valid list: at another institution it links the same two people, none created.
    const people = await countRows(t.db, 'people');
    const otherOfficer = await loginAs(t, other, 'volunteer_officer');
    const back = await send(otherOfficer, 'commit', res.rawPayload, other.id);
    expect(back.json(), back.body).toMatchObject({ created: 2, newPeople: 0, linked: 2 });
    expect(await countRows(t.db, 'people')).toBe(people);
    expect(
      await countRows(t.db, 'audit_log', sql`action = 'read_sensitive' AND entity_type = 'volunteer_import'`),
    ).toBe(1);
  });
});

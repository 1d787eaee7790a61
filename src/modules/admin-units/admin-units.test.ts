import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest } from '../../../test/helpers/factories.ts';
import { multipartFile } from '../../../test/helpers/multipart.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../test/helpers/test-app.ts';
import { cliMeta } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { builtInAdminUnitFiles } from './admin-units.built-in.ts';
import { importLegacyMapping } from './admin-units.legacy.ts';
import { importAdminUnits } from './admin-units.service.ts';

describe('administrative units', () => {
  let t: TestApp;
  let sysadmin: Session;
  let orgAdmin: Session;
  /** The official list the product ships (a file the project did not write). */
  let csv: Buffer;
  const deps = () => ({ db: t.db, actor: null, meta: cliMeta });

  beforeAll(async () => {
    csv = readFileSync(builtInAdminUnitFiles.communes);
    t = await createTestApp();
    const f = await buildForest(t.db);
    sysadmin = await loginAs(t, f.national, 'system_admin');
    orgAdmin = await loginAs(t, f.dienBien, 'org_admin');
  });

  it('has the 34 provinces built in, with Bắc Ninh under code 24', async () => {
    const provinces = (await sysadmin.get('/api/admin-units/provinces')).json();
    expect(provinces).toHaveLength(34);
    expect(provinces.find((p: { code: string }) => p.code === '24').name).toBe('Bắc Ninh');
  });

  it('imports the official list of 3,321 communes, and importing it again changes nothing', async () => {
    const first = await importAdminUnits(deps(), csv, 'communes-2025.csv');
    expect(first).toEqual({ total: 3321, inserted: 3321, updated: 0, unchanged: 0 });
    const kinds = await countRows(t.db, 'admin_units', sql`level = 'commune' AND kind = 'dac_khu'`);
    expect(kinds).toBe(13);
    expect(await countRows(t.db, 'admin_units', sql`level = 'commune' AND kind = 'phuong'`)).toBe(687);
    const again = await importAdminUnits(deps(), csv, 'communes-2025.csv');
    expect(again).toEqual({ total: 3321, inserted: 0, updated: 0, unchanged: 3321 });
  });

  it('counts communes per province and searches them without diacritics', async () => {
    const provinces = (await sysadmin.get('/api/admin-units/provinces')).json();
    const total = provinces.reduce((n: number, p: { communeCount: number }) => n + p.communeCount, 0);
    expect(total).toBe(3321);
    const found = (await orgAdmin.get('/api/admin-units?q=muong%20thanh')).json();
    expect(found.items.map((i: { name: string }) => i.name)).toContain('Phường Mường Thanh');
    expect(found.items[0].provinceName).toBe('Điện Biên');
  });

  it('rejects a file with bad rows, names each line, and writes nothing', async () => {
    const bad = Buffer.from(
      'province_code,province_name,commune_code,commune_name\n' +
        '11,Điện Biên,03127,Phường Điện Biên Phủ MỚI\n' + // valid change — must not be applied
        '99,Không có,12345,Xã Ma\n' +
        '11,Điện Biên,0312A,Xã Sai Mã\n' +
        '11,Điện Biên,03127,Phường Trùng Mã\n' +
        '11,Điện Biên,03999,Thôn Không Phải Xã\n',
    );
    const res = await sysadmin.request({
      method: 'POST',
      url: '/api/admin-units/import',
      ...multipartFile('bad.csv', bad),
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('admin_units.import_invalid');
    expect(err.details.rows).toEqual([
      { line: 3, field: 'province_code', message: expect.stringContaining('99') },
      { line: 4, field: 'commune_code', message: expect.stringContaining('5 chữ số') },
      { line: 5, field: 'commune_code', message: expect.stringContaining('dòng 2') },
      { line: 6, field: 'commune_name', message: expect.any(String) },
    ]);
    const [row] = await rows<{ name: string }>(t.db, sql`SELECT name FROM admin_units WHERE code = '03127'`);
    expect(row!.name).toBe('Phường Điện Biên Phủ');
  });

  it('reports a missing column', async () => {
    const res = await sysadmin.request({
      method: 'POST',
      url: '/api/admin-units/import',
      ...multipartFile('x.csv', Buffer.from('ma_tinh,ten_xa\n11,Xã A\n')),
    });
    expect(res.json().error.details.rows).toEqual([
      { line: 1, field: 'commune_code', message: 'Thiếu cột commune_code' },
    ]);
  });

  it('imports an XLSX with Vietnamese headers and codes that lost their leading zeros', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã']);
    ws.addRow([11, 'Điện Biên', 3127, 'Phường Điện Biên Phủ']);
    ws.addRow([1, 'Thành phố Hà Nội', 70, 'Phường Hoàn Kiếm Mới']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await sysadmin.request({
      method: 'POST',
      url: '/api/admin-units/import',
      ...multipartFile('xa.xlsx', buf),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ total: 2, inserted: 0, updated: 1, unchanged: 1 });
    const audit = (await sysadmin.get('/api/audit?entityType=admin_unit')).json();
    expect(audit.items[0].after).toMatchObject({ file: 'xa.xlsx', updated: 1, updatedCodes: ['00070'] });
  });

  it('maps pre-2025 codes to 2025 units: the old Bắc Giang (24) and old Bắc Ninh (27) both became the new Bắc Ninh', async () => {
    const merges = readFileSync(builtInAdminUnitFiles.merges);
    const first = await importLegacyMapping(deps(), merges);
    expect(first.inserted).toBe(first.total);
    expect((await importLegacyMapping(deps(), merges)).inserted).toBe(0);
    const old27 = (await orgAdmin.get('/api/admin-units/legacy/27')).json();
    expect(old27).toEqual([
      expect.objectContaining({ level: 'province', newCode: '24', newName: 'Bắc Ninh', mergeType: 'full' }),
    ]);
    const old24 = (await orgAdmin.get('/api/admin-units/legacy/24')).json();
    expect(old24.map((r: { oldName: string; newCode: string }) => [r.oldName, r.newCode])).toEqual([
      ['Tỉnh Bắc Giang', '24'],
    ]);
  });

  it('lets only an administrator with admin_unit.manage import', async () => {
    const res = await orgAdmin.request({
      method: 'POST',
      url: '/api/admin-units/import',
      ...multipartFile('a.csv', csv),
    });
    expect(res.statusCode).toBe(403);
  });
});

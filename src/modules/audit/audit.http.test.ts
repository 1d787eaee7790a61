import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest, buildOrg } from '../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../test/helpers/test-app.ts';

describe('audit log', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildForest>>;
  let dienBienAdmin: Session;
  let bacNinhAdmin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    f = await buildForest(t.db);
    dienBienAdmin = await loginAs(t, f.dienBien, 'org_admin');
    bacNinhAdmin = await loginAs(t, f.bacNinh, 'org_admin');
  });

  it('records who, when, from where and before/after of a rename', async () => {
    const org = await buildOrg(t.db, { parent: f.dienBien, name: 'Tên cũ' });
    await dienBienAdmin.request({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      json: { version: 1, name: 'Tên mới' },
      headers: { 'user-agent': 'kiem-thu' },
    });
    const page = (await dienBienAdmin.get(`/api/audit?entityType=organisation&orgId=${org.id}`)).json();
    expect(page.items[0]).toMatchObject({
      action: 'update',
      entityType: 'organisation',
      entityId: String(org.id),
      orgId: org.id,
      actorUserId: dienBienAdmin.userId,
      ip: '127.0.0.1',
      entityLabel: 'Tên mới',
      before: { name: 'Tên cũ' },
      after: { name: 'Tên mới' },
    });
    expect(Date.parse(page.items[0].at)).not.toBeNaN();
  });

  it('writes nothing — neither the change nor its record — when the write fails', async () => {
    const before = await countRows(t.db, 'audit_log');
    const orgsBefore = await countRows(t.db, 'organisations');
    const res = await dienBienAdmin.post('/api/orgs', {
      parentId: f.dienBien.id,
      name: 'Sai mã',
      kind: 'union',
      adminUnitCode: '98765',
    });
    expect(res.statusCode).toBe(400);
    expect(await countRows(t.db, 'audit_log')).toBe(before);
    expect(await countRows(t.db, 'organisations')).toBe(orgsBefore);
  });

  it('shows an organisation admin only the entries of their subtree', async () => {
    await bacNinhAdmin.post('/api/orgs', {
      parentId: f.bacNinh.id,
      name: 'CĐCS Công ty Bắc Ninh',
      kind: 'union',
    });
    const mine = (await dienBienAdmin.get('/api/audit?entityType=organisation')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: { orgName: string }) => i.orgName !== 'CĐCS Công ty Bắc Ninh')).toBe(true);
    // An organisation outside the subtree is not found, on the filter's field.
    const outside = await dienBienAdmin.get(`/api/audit?orgId=${f.bacNinh.id}`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues[0].path).toBe('querystring.orgId');
  });

  it('filters by user and by date (Vietnamese calendar day)', async () => {
    const byUser = (await bacNinhAdmin.get(`/api/audit?userId=${bacNinhAdmin.userId}`)).json();
    expect(byUser.items.every((i: { actorUserId: number }) => i.actorUserId === bacNinhAdmin.userId)).toBe(
      true,
    );
    const entries = await countRows(t.db, 'audit_log', sql`actor_user_id = ${bacNinhAdmin.userId}`);
    expect(byUser.total).toBe(entries);
    const tomorrow = (await bacNinhAdmin.get('/api/audit?from=2099-01-01')).json();
    expect(tomorrow.total).toBe(0);
  });

  it('is closed to a viewer', async () => {
    const s = await loginAs(t, f.dienBien, 'viewer');
    expect((await s.get('/api/audit')).statusCode).toBe(403);
  });

  it('names a person by name, never showing the full CCCD', async () => {
    const res = await dienBienAdmin.post('/api/people', {
      orgId: f.dienBien.id,
      fullName: 'Lò Văn Sáng',
      birthDate: '1991-02-03',
      sex: 'male',
      cccd: '011091000123',
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = (await dienBienAdmin.get('/api/audit?entityType=person')).json();
    const entry = page.items.find((i: { entityId: string }) => i.entityId === String(res.json().id));
    expect(entry).toMatchObject({ action: 'create', entityLabel: 'Lò Văn Sáng' });
    expect(JSON.stringify(page)).not.toContain('011091000123');
  });

  it('keeps sign-ins apart: kind=signins shows only them, kind=changes hides them', async () => {
    const signins = (
      await dienBienAdmin.get(`/api/audit?kind=signins&userId=${dienBienAdmin.userId}`)
    ).json();
    expect(signins.items.map((i: { action: string }) => i.action)).toContain('login');
    expect(
      signins.items.every((i: { action: string }) =>
        ['login', 'login_failed', 'locked', 'logout'].includes(i.action),
      ),
    ).toBe(true);
    const changes = (
      await dienBienAdmin.get(`/api/audit?kind=changes&userId=${dienBienAdmin.userId}`)
    ).json();
    expect(changes.total).toBeGreaterThan(0);
    expect(changes.items.some((i: { action: string }) => i.action === 'login')).toBe(false);
    const byAction = (await dienBienAdmin.get('/api/audit?action=update')).json();
    expect(byAction.items.every((i: { action: string }) => i.action === 'update')).toBe(true);
  });

  it('exports the filtered log of the caller’s subtree as XLSX in words, and records the export', async () => {
    const listed = (await dienBienAdmin.get('/api/audit?kind=changes&pageSize=100')).json();
    const res = await dienBienAdmin.get('/api/audit/export.xlsx?kind=changes');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Thời gian',
      'Người thực hiện',
      'Địa chỉ IP',
      'Hành động',
      'Loại đối tượng',
      'Đối tượng',
      'Tổ chức',
      'Thay đổi',
    ]);
    const lines = ws.getSheetValues().slice(2) as unknown[][];
    expect(lines.length).toBe(listed.total);
    const rename = lines.find((l) => l[6] === 'Tên mới');
    expect(rename).toBeDefined();
    expect(rename![4]).toBe('Cập nhật');
    expect(rename![5]).toBe('Tổ chức');
    expect(rename![8]).toBe('Tên: Tên cũ → Tên mới');
    expect(String(rename![1])).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('Bắc Ninh');
    expect(everything).not.toContain('Đăng nhập');
    const exported = (await dienBienAdmin.get('/api/audit?action=audit.export')).json();
    expect(exported.items[0]).toMatchObject({ actorUserId: dienBienAdmin.userId, entityType: 'audit_log' });
    expect(exported.items[0].after.rows).toBe(listed.total);
    // The other subtree's admin does not see this export among his entries.
    const theirs = (await bacNinhAdmin.get('/api/audit?action=audit.export')).json();
    expect(theirs.total).toBe(0);
  });

  it('refuses an export to a viewer', async () => {
    const s = await loginAs(t, f.dienBien, 'viewer');
    expect((await s.get('/api/audit/export.xlsx')).statusCode).toBe(403);
  });
});

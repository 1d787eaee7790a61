import { sql } from 'drizzle-orm';
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
    expect((await dienBienAdmin.get(`/api/audit?orgId=${f.bacNinh.id}`)).statusCode).toBe(404);
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
});

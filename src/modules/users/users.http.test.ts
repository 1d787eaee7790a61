import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest, buildUser } from '../../../test/helpers/factories.ts';
import {
  createTestApp,
  loginAs,
  type Session,
  signIn,
  type TestApp,
} from '../../../test/helpers/test-app.ts';

describe('users and grants', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildForest>>;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    f = await buildForest(t.db);
    const a = await buildUser(t.db, { grants: [{ org: f.dienBien, role: 'org_admin' }] });
    admin = await signIn(t, a.username, a.password);
  });

  const newUser = (over: object = {}) => ({
    username: `Nhap.Lieu.${Math.random().toString(36).slice(2, 7)}`,
    fullName: 'Lường Văn Thắng',
    password: 'Mat-khau-dai-2026',
    grants: [{ orgId: f.dbUnit.id, role: 'data_entry' }],
    ...over,
  });

  it('creates a user in the subtree who can then sign in and see only that subtree', async () => {
    const body = newUser();
    const res = await admin.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: body.username.toLowerCase(),
      grants: [{ orgId: f.dbUnit.id, role: 'data_entry' }],
    });
    const s = await signIn(t, body.username.toLowerCase(), body.password);
    expect((await s.get(`/api/orgs/${f.dbUnit.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/orgs/${f.dienBien.id}`)).statusCode).toBe(404);
  });

  it('refuses to grant outside the subtree, or more than the manager holds', async () => {
    const outside = await admin.post(
      '/api/users',
      newUser({ grants: [{ orgId: f.bacNinh.id, role: 'viewer' }] }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues[0].path).toBe('body.grants.0.orgId');
    const escalate = await admin.post(
      '/api/users',
      newUser({ grants: [{ orgId: f.dbUnit.id, role: 'system_admin' }] }),
    );
    expect(escalate.statusCode).toBe(403);
  });

  it('refuses a duplicate username and a weak password, naming the field', async () => {
    const body = newUser();
    expect((await admin.post('/api/users', body)).statusCode).toBe(201);
    const dup = await admin.post('/api/users', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('users.username_taken');
    const weak = await admin.post('/api/users', newUser({ password: 'ngan' }));
    expect(weak.json().error.details.issues[0].path).toBe('body.password');
  });

  it('lists only users with a grant in the manager’s subtree', async () => {
    await buildUser(t.db, { username: 'nguoi.bac.ninh', grants: [{ org: f.bacNinh, role: 'viewer' }] });
    const { items } = (await admin.get('/api/users?pageSize=200')).json();
    expect(items.map((u: { username: string }) => u.username)).not.toContain('nguoi.bac.ninh');
    expect(items.length).toBeGreaterThan(0);
  });

  it('removes a grant, after which the user no longer sees the organisation', async () => {
    const body = newUser();
    const created = (await admin.post('/api/users', body)).json();
    const extra = (
      await admin.post(`/api/users/${created.id}/grants`, { orgId: f.dienBien.id, role: 'viewer' })
    ).json();
    const grant = extra.grants.find((g: { orgId: number }) => g.orgId === f.dienBien.id);
    const s = await signIn(t, created.username, body.password);
    expect((await s.get(`/api/orgs/${f.dienBien.id}`)).statusCode).toBe(200);
    expect((await admin.del(`/api/users/${created.id}/grants/${grant.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/orgs/${f.dienBien.id}`)).statusCode).toBe(404);
  });

  it('deactivating a user ends their sessions', async () => {
    const body = newUser();
    const created = (await admin.post('/api/users', body)).json();
    const s = await signIn(t, created.username, body.password);
    expect((await admin.patch(`/api/users/${created.id}`, { isActive: false })).json().isActive).toBe(false);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('cannot pull in, or take over, an account that also works outside the subtree', async () => {
    const national = await buildUser(t.db, {
      username: 'quan.tri.tw',
      grants: [{ org: f.national, role: 'org_admin' }],
    });
    const pull = await admin.post(`/api/users/${national.id}/grants`, { orgId: f.dbUnit.id, role: 'viewer' });
    expect(pull.statusCode).toBe(404);
    const shared = await buildUser(t.db, {
      grants: [
        { org: f.dbUnit, role: 'viewer' },
        { org: f.bacNinh, role: 'viewer' },
      ],
    });
    const reset = await admin.patch(`/api/users/${shared.id}`, { password: 'Mat-khau-chiem-2026' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.code).toBe('users.managed_elsewhere');
    expect((await admin.post(`/api/users/${shared.id}/unlock`)).statusCode).toBe(403);
    expect((await signIn(t, shared.username, shared.password)).userId).toBe(shared.id);
  });

  it('is closed to a user who manages nobody', async () => {
    const s = await loginAs(t, f.dienBien, 'data_entry');
    expect((await s.get('/api/users')).statusCode).toBe(403);
  });
});

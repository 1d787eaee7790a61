import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest, buildUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { countRows, createTestApp, loginAs, signIn, type TestApp } from '../../../test/helpers/test-app.ts';

describe('sign-in, sessions, CSRF and API tokens', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildForest>>;
  beforeAll(async () => {
    t = await createTestApp();
    f = await buildForest(t.db);
  });

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('sets an HttpOnly SameSite session cookie, stores only its hash, and returns a CSRF token', async () => {
    const u = await buildUser(t.db, { grants: [{ org: f.dienBien, role: 'viewer' }] });
    const res = await login(u.username.toUpperCase(), u.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ct_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({
      user: { username: u.username },
      permissions: ['org.read'],
      isSystemAdmin: false,
    });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(await countRows(t.db, 'sessions', sql`id_hash = ${cookie.value}`)).toBe(0);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { ct_session: cookie.value },
    });
    expect(me.json().grants[0]).toMatchObject({ orgId: f.dienBien.id, role: 'viewer' });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const u = await buildUser(t.db);
    const a = await login('khong.ton.tai', 'whatever-123');
    const b = await login(u.username, 'sai-mat-khau-1');
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json().error).toEqual(b.json().error);
    expect(a.json().error.code).toBe('auth.invalid_credentials');
  });

  it('locks an account for 15 minutes after 5 failures in a row, then lets it in again', async () => {
    const u = await buildUser(t.db);
    for (let i = 0; i < 4; i++) expect((await login(u.username, 'sai-mat-khau-1')).statusCode).toBe(401);
    const fifth = await login(u.username, 'sai-mat-khau-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    expect((await login(u.username, u.password)).statusCode).toBe(423);
    t.clock.advance(16 * 60_000);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const s = await loginAs(t, f.dienBien, 'org_admin');
    const body = { parentId: f.dienBien.id, name: 'Không có CSRF', kind: 'union' };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: body,
      cookies: { ct_session: s.cookie },
    });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: body,
      cookies: { ct_session: s.cookie },
      headers: { 'x-csrf-token': 'sai' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await s.post('/api/orgs', body)).statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const u = await buildUser(t.db);
    const s = await signIn(t, u.username, u.password);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires an idle session', async () => {
    const u = await buildUser(t.db);
    const s = await signIn(t, u.username, u.password);
    t.clock.advance(13 * 3600_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('issues a personal API token once, accepts it as Bearer without CSRF, and refuses it once revoked', async () => {
    const s = await loginAs(t, f.dienBien, 'org_admin');
    const created = await s.post('/api/auth/tokens', { name: 'Đồng bộ báo cáo', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^ct_/);
    const listed = (await s.get('/api/auth/tokens')).json();
    expect(listed[0]).not.toHaveProperty('token');
    expect(await countRows(t.db, 'api_tokens', sql`token_hash = ${token}`)).toBe(0);
    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: bearer,
      payload: { parentId: f.dienBien.id, name: 'Tạo bằng khoá API', kind: 'union' },
    });
    expect(write.statusCode).toBe(201);
    expect((await s.del(`/api/auth/tokens/${id}`)).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('remembers the language choice', async () => {
    const u = await buildUser(t.db);
    const s = await signIn(t, u.username, u.password);
    expect((await s.patch('/api/auth/me', { locale: 'en' })).json().user.locale).toBe('en');
    const again = await signIn(t, u.username, u.password);
    expect((await again.get('/api/auth/me')).json().user.locale).toBe('en');
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const u = await buildUser(t.db, { password: 'Mat-khau-cu-123' });
    const s1 = await signIn(t, u.username, 'Mat-khau-cu-123');
    const s2 = await signIn(t, u.username, 'Mat-khau-cu-123');
    const wrong = await s1.post('/api/auth/password', {
      currentPassword: 'sai',
      newPassword: 'Mat-khau-moi-456',
    });
    expect(wrong.json().error.details.issues[0].path).toBe('body.currentPassword');
    expect(
      (
        await s1.post('/api/auth/password', {
          currentPassword: 'Mat-khau-cu-123',
          newPassword: 'Mat-khau-moi-456',
        })
      ).statusCode,
    ).toBe(200);
    expect((await s1.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s2.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  it('answers 429 after the per-IP limit of sign-in attempts in a minute', async () => {
    const t = await createTestApp(undefined, { LOGIN_RATE_LIMIT_PER_MINUTE: '20' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `x${i}`, password: 'y' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const last = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y' },
    });
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('request.rate_limited');
  });
});

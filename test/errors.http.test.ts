import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest } from './helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from './helpers/test-app.ts';

describe('every error has the same shape and the right status', () => {
  let t: TestApp;
  let s: Session;
  let f: Awaited<ReturnType<typeof buildForest>>;
  beforeAll(async () => {
    t = await createTestApp();
    f = await buildForest(t.db);
    s = await loginAs(t, f.national, 'org_admin');
  });

  const expectError = (res: { statusCode: number; json: () => unknown }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
  };

  it('malformed JSON → 400 request.malformed_json', async () => {
    const res = await s.request({
      method: 'POST',
      url: '/api/orgs',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'request.malformed_json');
  });

  it('unknown API route → 404 route.not_found', async () => {
    expectError(await s.get('/api/khong-co'), 404, 'route.not_found');
    expectError(await t.app.inject({ method: 'GET', url: '/api/khong-co' }), 404, 'route.not_found');
  });

  it('oversized body → 413 request.too_large', async () => {
    const res = await s.post('/api/orgs', {
      parentId: f.national.id,
      name: 'x'.repeat(2 * 1024 * 1024),
      kind: 'union',
    });
    expectError(res, 413, 'request.too_large');
  });

  it('bad input → 400 validation_failed naming each field', async () => {
    const res = await s.post('/api/orgs', { parentId: 'abc', name: '', kind: 'bank', email: 'not-an-email' });
    expectError(res, 400, 'validation_failed');
    const paths = (
      res.json() as { error: { details: { issues: { path: string }[] } } }
    ).error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.parentId', 'body.name', 'body.kind', 'body.email']));
  });

  it('each field issue carries a code and its parameters, the message in Vietnamese', async () => {
    const res = await s.post('/api/orgs', {
      parentId: f.national.id,
      name: 'x',
      kind: 'union',
      email: 'nope',
    });
    expectError(res, 400, 'validation_failed');
    const issues = (res.json() as { error: { details: { issues: Record<string, unknown>[] } } }).error.details
      .issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'body.name', code: 'orgs.name_min', message: 'Tên tối thiểu 2 ký tự' },
        { path: 'body.email', code: 'common.email_invalid', message: 'Email không hợp lệ' },
      ]),
    );
    const bounds = await s.get('/api/orgs?pageSize=100000');
    expect(bounds.json().error.details.issues[0]).toMatchObject({
      path: 'querystring.pageSize',
      code: 'zod.too_big',
      params: { maximum: 200, origin: 'number' },
      message: expect.stringContaining('200'),
    });
  });

  it('a bad id or query parameter → 400 naming it, not 500', async () => {
    const res = await s.get('/api/orgs/abc');
    expectError(res, 400, 'validation_failed');
    expect(JSON.stringify(res.json())).toContain('params.id');
    expectError(await s.get('/api/orgs?pageSize=100000'), 400, 'validation_failed');
    expectError(await s.get('/api/orgs?status=gone'), 400, 'validation_failed');
  });

  it('an impossible date → 400, not a database error', async () => {
    const res = await s.post('/api/orgs', {
      parentId: f.national.id,
      name: 'Ngày sai',
      kind: 'union',
      establishedOn: '2025-02-30',
    });
    expectError(res, 400, 'validation_failed');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

type Operation = { security?: unknown[] };
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the OpenAPI document and anonymous access', () => {
  let t: TestApp;
  let doc: OpenApi;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });

  it('is OpenAPI 3.1 and lists the foundation endpoints', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/health',
      '/api/orgs',
      '/api/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('answers 401 to an anonymous caller on every non-public operation', async () => {
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (Array.isArray(op.security) && op.security.length === 0) continue;
        const url = path.replace(/\{[^}]+\}/g, '1');
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        expect(res.statusCode, `${method.toUpperCase()} ${path}`).toBe(401);
        expect(res.json().error.code).toBe('auth.unauthenticated');
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('marks exactly login, health, certificate verification and the volunteer sign-up link as public', () => {
    const publicOps = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    // Deliberately public besides login and health: certificate verification by the unguessable code of a
    // certificate's QR link (issue 4) — anyone holding the paper may check it, without an account. Both
    // routes are rate-limited and show only state, number, course, issuer, dates, name and birth year.
    // Volunteers' participation certificates (issue 11) likewise, by their printed number with its random part:
    // name, wave, dates, institution and state only. A certificate of blood donation the same way, by its number
    // with 8 random letters: initials, day, site. And an institution's volunteer sign-up link (issue 11) by its
    // unguessable token: rate-limited, it shows the institution's name and the link's title, and takes an
    // application an officer must approve.
    expect(publicOps.sort()).toEqual([
      'GET /api/health',
      'GET /api/public/volunteer-signup/{token}',
      'GET /api/verify/blood/{no}',
      'GET /api/verify/volunteering/{number}',
      'GET /api/verify/{code}',
      'GET /verify/blood/{no}',
      'GET /verify/tnv/{number}',
      'GET /verify/{code}',
      'POST /api/auth/login',
      'POST /api/public/volunteer-signup/{token}',
    ]);
  });

  it('serves interactive docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

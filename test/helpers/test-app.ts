import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { modules } from '../../src/modules/index.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { type BuiltOrg, buildUser } from './factories.ts';
import { createTestDatabase } from './test-db.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The real app on a fresh database, with a clock the test controls. */
export async function createTestApp(now = '2026-05-04T08:00:00Z', env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const clock = fixedClock(now);
  // Every test signs in from 127.0.0.1: the login throttle gets its own test with its real limit (as the public
  // volunteer sign-up's).
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/tmp/unused',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    SIGNUP_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const app = await buildApp({ database, db: database.db, clock, config }, modules);
  await app.ready();
  return { app, db: database.db, database, clock, config };
}

export type Session = {
  cookie: string;
  csrf: string;
  userId: number;
  request: (opts: InjectOptions & { json?: unknown }) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
};

/** Signs in through the real login route and returns a client that sends the cookie and CSRF token. */
export async function signIn(t: Pick<TestApp, 'app'>, username: string, password: string): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ct_session')!.value;
  const { csrfToken, user } = res.json();
  const request: Session['request'] = ({ json, ...opts }) =>
    t.app.inject({
      ...opts,
      ...(json !== undefined ? { payload: json as object } : {}),
      cookies: { ct_session: cookie },
      headers: { 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
    });
  return {
    cookie,
    csrf: csrfToken,
    userId: user.id,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, json: body ?? {} }),
    patch: (url, body) => request({ method: 'PATCH', url, json: body }),
    del: (url) => request({ method: 'DELETE', url }),
  };
}

/** A new user holding `role` at `org`, signed in: the arrange step of nearly every HTTP test. */
export async function loginAs(t: Pick<TestApp, 'app' | 'db'>, org: BuiltOrg, role: string): Promise<Session> {
  const u = await buildUser(t.db, { grants: [{ org, role }] });
  return signIn(t, u.username, u.password);
}

export async function countRows(db: Db, table: string, where = sql`true`): Promise<number> {
  const res = (await db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]!.n;
}

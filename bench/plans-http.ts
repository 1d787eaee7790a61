import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import type { DashboardBehindPage, DashboardView } from '../src/contracts/plans.ts';
import { repoRoot } from './build-forest.ts';
import { type Slot, submissionValues } from './plans-fixtures.ts';
import type {
  Captured,
  ExplainedQuery,
  OrgKey,
  PlansCommand,
  PlansFromServer,
  PlansReady,
  PlansServerSpec,
  RawTotal,
} from './plans-server.ts';

/**
 * The bench process's side of the wire: the plans server child (bench/plans-server.ts) and its commands,
 * sign-in, autocannon, the dashboard and submission requests, and the check that a dashboard's totals
 * equal the raw GROUP BY's (an answer that is fast but wrong must fail the run).
 */

export type Server = { ready: PlansReady; ask: <T>(cmd: PlansCommand) => Promise<T>; child: ChildProcess };

export function startServer(spec: PlansServerSpec): Promise<Server> {
  const child = fork(path.join(repoRoot, 'bench/plans-server.ts'), {
    env: { ...process.env, BENCH_PLANS_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      reject(e);
    };
    child.on('exit', (code) => code && fail(new Error(`plans server exited with ${code}`)));
    child.on('message', (msg: PlansFromServer) => {
      if (msg.type === 'error') fail(new Error(`plans server: ${msg.message}`));
      else if (msg.type === 'reply') pending.get(msg.id)?.resolve(msg.data);
      else {
        const ask = <T>(cmd: PlansCommand) =>
          new Promise<T>((res, rej) => {
            const id = nextId++;
            pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
            child.send({ ...cmd, id });
          });
        resolve({ ready: msg.ready, ask, child });
      }
    });
  });
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ id: 0, cmd: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export type Session = { cookie: string; csrf: string };

export async function login(appUrl: string, user: { username: string; password: string }): Promise<Session> {
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`login ${user.username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ct_session='));
  const csrf = ((await res.json()) as { csrfToken?: string }).csrfToken;
  if (!cookie || !csrf) throw new Error(`login ${user.username}: no session cookie or CSRF token`);
  return { cookie: cookie.split(';')[0]!, csrf };
}

/** autocannon on one GET for a fixed time; any non-2xx fails the run (an error page is fast). */
export async function fire(baseUrl: string, urlPath: string, session: Session, c: number, s: number) {
  const latencies: number[] = [];
  const t0 = performance.now();
  const run = autocannon({
    url: `${baseUrl}${urlPath}`,
    connections: c,
    duration: s,
    timeout: 30,
    headers: { cookie: session.cookie },
  });
  let bad = 0;
  run.on('response', (_c, status, _b, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else bad++;
  });
  const r = await run;
  if (bad + r.errors + r.timeouts > 0)
    throw new Error(`${urlPath}: ${bad} non-2xx, ${r.errors} errors under load`);
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** The dashboard's totals must equal the raw GROUP BY's, for the organisation and each child line. */
function checkDashboard(d: DashboardView, raw: RawTotal[], label: string) {
  const key = (child: number | null, ind: number) => `${child ?? 'org'}:${ind}`;
  const byKey = new Map(raw.map((r) => [key(r.isOrg ? null : r.childId, r.indicatorId), r]));
  const lines = [
    { child: null, totals: d.totals },
    ...d.children.map((c) => ({ child: c.orgId as number | null, totals: c.totals })),
  ];
  for (const line of lines) {
    for (const t of line.totals) {
      const r = byKey.get(key(line.child, t.indicatorId));
      const ok =
        near(t.value ?? 0, r?.value ?? 0) &&
        (t.denominator === null || near(t.denominator, r?.denominator ?? 0));
      if (!ok)
        throw new Error(`${label}: ${key(line.child, t.indicatorId)} dashboard ${t.value}, raw ${r?.value}`);
    }
  }
  const shown = new Set(d.children.map((c) => c.orgId));
  const unshown = raw.find((r) => !r.isOrg && !shown.has(r.childId!));
  if (unshown) throw new Error(`${label}: child ${unshown.childId} has counted reports but no line`);
  const counted = raw.find((r) => r.isOrg)?.reports ?? 0;
  if (d.completeness.reported !== counted)
    throw new Error(
      `${label}: ${d.completeness.reported} reported on the dashboard, ${counted} counted reports`,
    );
}

export async function getDashboard(s: Server, org: OrgKey, session: Session) {
  const { data, forest, appUrl } = s.ready;
  const orgId = org === 'root' ? forest.root.id : forest.province.id;
  const urlPath = `/api/plans/${data.planId}/dashboard?orgId=${orgId}&periodKey=${data.periodKey}`;
  const res = await fetch(`${appUrl}${urlPath}`, { headers: { cookie: session.cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${text.slice(0, 300)}`);
  return { urlPath, view: JSON.parse(text) as DashboardView, bytes: Buffer.byteLength(text) };
}

/** The paged list of every late or missing unit behind a dashboard's URL. */
export const behindUrl = (dashboardPath: string, page: number) =>
  `${dashboardPath.replace('/dashboard?', '/dashboard/behind?')}&page=${page}&pageSize=50`;

/** Its first page must be the units the dashboard names, and its total the dashboard's count. */
async function checkBehind(
  s: Server,
  got: { urlPath: string; view: DashboardView },
  session: Session,
  label: string,
) {
  const res = await fetch(`${s.ready.appUrl}${behindUrl(got.urlPath, 1)}`, {
    headers: { cookie: session.cookie },
  });
  const page = (await res.json()) as DashboardBehindPage;
  const ids = (xs: { orgId: number }[]) => xs.map((x) => x.orgId).join(',');
  const { late, missing } = got.view.completeness;
  if (res.status !== 200 || page.total !== got.view.behindTotal || page.total !== late + missing)
    throw new Error(
      `${label}: ${page.total} units behind in the list, ${got.view.behindTotal} on the dashboard`,
    );
  if (ids(page.items) !== ids(got.view.behind))
    throw new Error(`${label}: the list's first page is not the units the dashboard names`);
}

export async function verify(s: Server, org: OrgKey, session: Session, when: string) {
  const got = await getDashboard(s, org, session);
  const label = `${org} dashboard ${when}`;
  checkDashboard(got.view, await s.ask<RawTotal[]>({ cmd: 'rawTotals', org }), label);
  await checkBehind(s, got, session, label);
  return got;
}

export async function captureRequest(s: Server, run: () => Promise<unknown>): Promise<ExplainedQuery[]> {
  await s.ask({ cmd: 'capture', on: true });
  await run();
  const queries = await s.ask<Captured[]>({ cmd: 'capture', on: false });
  return s.ask<ExplainedQuery[]>({ cmd: 'explain', queries });
}

export function submitter(s: Server, session: Session) {
  const { data, appUrl } = s.ready;
  const values = submissionValues(data.indicators);
  return async (slot: Slot) => {
    const body = { orgId: slot.orgId, periodKey: data.periodKey, version: 0, values, submit: true };
    const t0 = performance.now();
    const res = await fetch(`${appUrl}/api/plans/${data.planId}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`submit ${slot.orgId}: ${res.status} ${text.slice(0, 300)}`);
    return ms;
  };
}

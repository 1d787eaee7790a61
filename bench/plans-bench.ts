import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { repoRoot } from './build-forest.ts';
import { quantile } from './load.ts';
import { timeSeq } from './plans-check.ts';
import type { Slot } from './plans-fixtures.ts';
import {
  behindUrl,
  captureRequest,
  fire,
  login,
  type Server,
  type Session,
  startServer,
  stopServer,
  submitter,
  verify,
} from './plans-http.ts';
import { type ListsResult, measureLists } from './plans-lists.ts';
import type {
  ExplainedQuery,
  LoadSample,
  OrgKey,
  PlansReady,
  PlansServerSpec,
  ServiceTimes,
} from './plans-server.ts';

/**
 * The bench side of the plans benchmark: dashboards through the real HTTP server (sequential and under
 * autocannon) next to the raw GROUP BY and the roll-up read in the server process; submissions through the
 * API next to bare inserts with and without the roll-up; a correctness check before and after.
 */

export type PlansOptions = {
  spec: PlansServerSpec;
  seqN: number;
  /** Seconds one sequential series may take before it stops at 10+ samples (slow endpoints). */
  seqBudgetS: number;
  load: { connections: number; durationS: number; warmupS: number };
  submissions: number;
  concurrentSubmissions: number;
  submitConnections: number;
};
export type Stats = { n: number; p50: number; p95: number; p99: number };
export type LoadStats = Stats & { rps: number };
/** One request at a time: the API, the raw GROUP BY, the roll-up read, and the API's time split. */
export type SeqDashboard = {
  api: Stats;
  /** The first page (50) of every late or missing unit: `GET /api/plans/:id/dashboard/behind`. */
  behindPage: Stats;
  raw: Stats;
  rollupRead: Stats;
  /** planDashboard called in the server process, and its answer through the zod schema and JSON. */
  service: Stats;
  serialize: Stats;
};
export type DashboardResult = {
  org: OrgKey;
  orgName: string;
  caller: string;
  children: number;
  expected: number;
  reported: number;
  behind: number;
  behindTotal: number;
  responseBytes: number;
  seq: SeqDashboard;
  apiLoad: LoadStats;
  rawLoad: LoadStats;
  queries: ExplainedQuery[];
};
export type SeqSubmissions = { api: Stats; bareRollup: Stats; bare: Stats; queries: ExplainedQuery[] };
export type SubmissionResult = SeqSubmissions & {
  concurrent: LoadStats & { connections: number };
  reportedAfter: number;
};
/** The figures of an earlier run (BENCH_PLANS_BASELINE=<its BENCH_PLANS_JSON file>), shown beside these. */
export type Baseline = Pick<PlansResult, 'date' | 'code' | 'calibration' | 'loadAvgStart' | 'loadAvgEnd'> & {
  dashboards: Pick<DashboardResult, 'org' | 'orgName' | 'seq' | 'apiLoad'>[];
  submissions: Pick<SubmissionResult, 'api' | 'bare' | 'bareRollup' | 'concurrent'>;
};
export type PlansResult = {
  date: Date;
  quick: boolean;
  loadAvgStart: number[];
  loadAvgEnd: number[];
  elapsedMs: number;
  ready: PlansReady;
  options: Omit<PlansOptions, 'spec'>;
  dashboards: DashboardResult[];
  /** The plan's detail and pages of the reviewer's list and of the recipients (bench/plans-lists.ts). */
  lists: ListsResult;
  submissions: SubmissionResult;
  baseline: Baseline | null;
  freeSlots: number;
  /** The code measured: HEAD, and whether the plans module had uncommitted changes. */
  code: { commit: string; plansDirty: boolean };
  /** `SELECT count(*) FROM organisations` p50 at the start and the end: how busy the machine was. */
  calibration: { startMs: number; endMs: number };
};

const log = (msg: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99) };
}
const loadStats = (x: LoadSample): LoadStats => ({
  ...stats(x.latencies),
  rps: x.latencies.length / x.seconds,
});

/** Sequential API requests (one in flight) after 3 warm-ups, time-boxed like the server's series. */
async function timeApi(url: string, headers: Record<string, string>, o: PlansOptions) {
  return timeSeq(
    async () => {
      const res = await fetch(url, { headers });
      const text = await res.text();
      if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`);
    },
    o.seqN,
    o.seqBudgetS,
  );
}

async function seqDashboard(s: Server, o: PlansOptions, org: OrgKey, urlPath: string, session: Session) {
  const q = { org, n: o.seqN, budgetS: o.seqBudgetS };
  const headers = { cookie: session.cookie };
  const api = stats(await timeApi(`${s.ready.appUrl}${urlPath}`, headers, o));
  const behindPage = stats(await timeApi(`${s.ready.appUrl}${behindUrl(urlPath, 1)}`, headers, o));
  const raw = stats(await s.ask<number[]>({ cmd: 'sql', query: 'raw', ...q }));
  const rollupRead = stats(await s.ask<number[]>({ cmd: 'sql', query: 'rollupRead', ...q }));
  const split = await s.ask<ServiceTimes>({ cmd: 'service', ...q });
  return {
    api,
    behindPage,
    raw,
    rollupRead,
    service: stats(split.service),
    serialize: stats(split.serialize),
  } satisfies SeqDashboard;
}

/** autocannon after its warm-up, `connections` at a time; each waits for the requests left in flight. */
async function loadDashboard(s: Server, o: PlansOptions, urlPath: string, session: Session) {
  const { connections: c, durationS, warmupS } = o.load;
  await fire(s.ready.appUrl, urlPath, session, c, warmupS);
  await s.ask({ cmd: 'drain' });
  const measured = loadStats(await fire(s.ready.appUrl, urlPath, session, c, durationS));
  await s.ask({ cmd: 'drain' });
  return measured;
}

const calibrate = async (s: Server) =>
  stats(await s.ask<number[]>({ cmd: 'sql', query: 'calibrate', org: 'root', n: 20, budgetS: 10 })).p50;

const orgName = (s: Server, org: OrgKey) => (org === 'root' ? 'national root' : s.ready.forest.province.name);

async function dashboard(s: Server, o: PlansOptions, org: OrgKey, session: Session, caller: string) {
  const got = await verify(s, org, session, 'before the load');
  log(`plans: ${org} dashboard (${got.view.children.length} lines, ${(got.bytes / 1024).toFixed(0)} KiB)…`);
  const seq = await seqDashboard(s, o, org, got.urlPath, session);
  const queries = await captureDashboard(s, got.urlPath, session);
  const { connections: c, durationS } = o.load;
  const apiLoad = await loadDashboard(s, o, got.urlPath, session);
  const rawLoad = loadStats(
    await s.ask<LoadSample>({ cmd: 'sqlLoad', query: 'raw', org, connections: c, durationS }),
  );
  return {
    org,
    orgName: orgName(s, org),
    caller,
    children: got.view.children.length,
    expected: got.view.completeness.expected,
    reported: got.view.completeness.reported,
    behind: got.view.behind.length,
    behindTotal: got.view.behindTotal,
    responseBytes: got.bytes,
    seq,
    apiLoad,
    rawLoad,
    queries,
  } satisfies DashboardResult;
}

const captureDashboard = (s: Server, urlPath: string, session: Session) =>
  captureRequest(s, () =>
    fetch(`${s.ready.appUrl}${urlPath}`, { headers: { cookie: session.cookie } }).then((r) => r.text()),
  );

/**
 * `n` free slots (reporters with no report for the month), each once: bare insert and bare insert +
 * roll-up (both undone untimed, in alternating order), then the real submission through the API, which
 * stays. Five warm-up rounds first, not counted; then one more submission with its statements captured.
 */
async function seqSubmissions(
  s: Server,
  slots: Slot[],
  n: number,
  session: Session,
): Promise<SeqSubmissions> {
  const submit = submitter(s, session);
  const api: number[] = [];
  const bare: number[] = [];
  const bareRollup: number[] = [];
  const warm = 5;
  for (let i = 0; i < warm + n; i++) {
    const slot = slots.shift()!;
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const withRollup of order) {
      const ms = await s.ask<number>({ cmd: 'bare', slot, withRollup });
      if (i >= warm) (withRollup ? bareRollup : bare).push(ms);
    }
    const ms = await submit(slot);
    if (i >= warm) api.push(ms);
  }
  const one = slots.shift()!;
  const queries = await captureRequest(s, () => submit(one));
  return { api: stats(api), bareRollup: stats(bareRollup), bare: stats(bare), queries };
}

/** The sequential submissions, then as many more `submitConnections` at a time, then the totals re-checked. */
async function submissions(
  s: Server,
  o: PlansOptions,
  slots: Slot[],
  session: Session,
): Promise<SubmissionResult> {
  log(`plans: ${o.submissions} submissions, each next to a bare insert with and without roll-up…`);
  const seq = await seqSubmissions(s, slots, o.submissions, session);
  log(`plans: ${o.concurrentSubmissions} submissions, ${o.submitConnections} at a time…`);
  const submit = submitter(s, session);
  const concurrent: number[] = [];
  const queue = slots.splice(0, o.concurrentSubmissions);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.submitConnections }, async () => {
      for (let slot = queue.shift(); slot; slot = queue.shift()) concurrent.push(await submit(slot));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const after = await verify(s, 'root', session, 'after the submissions');
  return {
    ...seq,
    concurrent: { ...loadStats({ latencies: concurrent, seconds }), connections: o.submitConnections },
    reportedAfter: after.view.completeness.reported,
  };
}

/** An earlier run's figures to compare with, when BENCH_PLANS_BASELINE names its JSON file. */
function readBaseline(): Baseline | null {
  const file = process.env.BENCH_PLANS_BASELINE;
  if (!file) return null;
  const r = JSON.parse(readFileSync(file, 'utf8')) as PlansResult;
  return {
    date: new Date(r.date),
    code: r.code,
    calibration: r.calibration,
    loadAvgStart: r.loadAvgStart,
    loadAvgEnd: r.loadAvgEnd,
    dashboards: r.dashboards.map(({ org, orgName, seq, apiLoad }) => ({ org, orgName, seq, apiLoad })),
    submissions: r.submissions,
  };
}

/** Read-only git queries: which code the figures belong to (the plans module changes often). */
function codeState() {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'src/modules/plans', 'src/contracts/plans.ts');
    return { commit: git('rev-parse', '--short', 'HEAD'), plansDirty: dirty.length > 0 };
  } catch {
    return { commit: 'unknown', plansDirty: false };
  }
}

export async function runPlans(o: PlansOptions, quick: boolean): Promise<PlansResult> {
  const t0 = performance.now();
  const date = new Date();
  const code = codeState();
  const baseline = readBaseline();
  const loadAvgStart = os.loadavg();
  const s = await startServer(o.spec);
  try {
    const { forest, appUrl } = s.ready;
    const calibrationStart = await calibrate(s);
    const nat = await login(appUrl, forest.national);
    const prov = await login(appUrl, forest.provincial);
    const dashboards = [
      await dashboard(s, o, 'root', nat, 'national system admin'),
      await dashboard(s, o, 'province', prov, 'provincial admin (org_admin)'),
    ];
    // Before the submissions, which change the month's counts the lists are checked against.
    const lists = await measureLists(s, o, { national: nat, provincial: prov }, log);
    const slots = [...s.ready.data.freeSlots];
    const need = 5 + o.submissions + 1 + o.concurrentSubmissions;
    if (slots.length < need) throw new Error(`only ${slots.length} free slots for ${need} submissions`);
    const subs = await submissions(s, o, slots, nat);
    const calibrationEnd = await calibrate(s);
    const { spec: _s, ...options } = o;
    return {
      date,
      quick,
      loadAvgStart,
      loadAvgEnd: os.loadavg(),
      elapsedMs: performance.now() - t0,
      ready: { ...s.ready, data: { ...s.ready.data, freeSlots: [] } },
      options,
      dashboards,
      lists,
      submissions: subs,
      baseline,
      freeSlots: s.ready.data.freeSlots.length,
      calibration: { startMs: calibrationStart, endMs: calibrationEnd },
      code,
    };
  } finally {
    await stopServer(s.child);
  }
}

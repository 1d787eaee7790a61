import { type ChildProcess, fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ForestSize } from './build-forest.ts';
import { repoRoot } from './build-forest.ts';
import { type LoadOptions, type LoadTarget, loadPair, stats, timeRequests } from './load.ts';
import { type PlansOptions, type PlansResult, runPlans } from './plans-bench.ts';
import { spliceSection } from './plans-report.ts';
import { type BenchResults, type ModeResult, renderMarkdown, type SubtreeRow } from './report.ts';
import type { Command, Explained, FromServer, Memory, RawQuery, Ready, ServerSpec } from './server.ts';

/**
 * `npm run bench`: builds the forest on PostgreSQL (national scale) and on embedded PGlite (smaller),
 * loads the real list endpoint next to a bare route running the same SQL, times subtree queries through
 * the API and as raw SQL, then (PostgreSQL) loads a plan with ~10 million report values on the same forest and
 * measures its dashboards and submissions (bench/plans-*.ts), and writes docs/benchmarks.md. BENCH_QUICK=1
 * shrinks everything for a smoke run; BENCH_ONLY=plans (or training, volunteers, blood) runs that part alone
 * (blood keeps its dataset between runs: bench/blood-dataset.ts).
 */

const quick = process.env.BENCH_QUICK === '1';
const serverUrl =
  process.env.DATABASE_URL ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'chungtay_bench';
// BENCH_MODES=postgres (or pglite) runs one database only, for experiments; the committed doc has both.
const modes = (process.env.BENCH_MODES ?? 'postgres,pglite')
  .split(',')
  .filter((m): m is 'postgres' | 'pglite' => m === 'postgres' || m === 'pglite');

type Plan = { size: ForestSize; load: LoadOptions; subtreeN: number; maxPages: number };
const plans: Record<'postgres' | 'pglite', Plan> = quick
  ? {
      postgres: {
        size: { provinces: 2, orgs: 5_000, people: 20_000 },
        load: load(4, 1, 2),
        subtreeN: 10,
        maxPages: 20,
      },
      pglite: {
        size: { provinces: 1, orgs: 1_500, people: 5_000 },
        load: load(4, 1, 2),
        subtreeN: 10,
        maxPages: 20,
      },
    }
  : {
      postgres: {
        size: { provinces: null, orgs: 126_000, people: 1_000_000 },
        load: load(12, 2, 4),
        subtreeN: 50,
        maxPages: 20,
      },
      pglite: {
        size: { provinces: 1, orgs: 4_000, people: 30_000 },
        load: load(12, 2, 4),
        subtreeN: 50,
        maxPages: 20,
      },
    };
// BENCH_ONLY=plans re-runs the plans part alone (on the forest an earlier run left, if it has the right
// size) and replaces only its section of the doc; BENCH_ONLY=orgs skips it.
const only = process.env.BENCH_ONLY;

/**
 * The plans part: 8,400 hash-chosen grassroots reporters × 20 indicators × 60 months ≈ 10 million values
 * (issue 3's benchmark); quick: 600 × 20 × 12.
 */
function plansOptions(url: string, buildForest: boolean): PlansOptions {
  const spec = (reporters: number, months: number) => ({
    url,
    size: plans.postgres.size,
    buildForest,
    plans: { reporters, months, missingPct: 12, draftPct: 2, latePct: 6 },
  });
  return quick
    ? {
        spec: spec(600, 12),
        seqN: 10,
        seqBudgetS: 10,
        load: { connections: 4, durationS: 3, warmupS: 1 },
        submissions: 20,
        concurrentSubmissions: 20,
        submitConnections: 4,
      }
    : {
        spec: spec(8_400, 60),
        seqN: 50,
        seqBudgetS: 45,
        load: { connections: 4, durationS: 10, warmupS: 2 },
        submissions: 300,
        concurrentSubmissions: 400,
        submitConnections: 4,
      };
}

function load(durationS: number, warmupS: number, rounds: number): LoadOptions {
  return { connections: 10, durationS, warmupS, rounds };
}

const log = (msg: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** A fresh `chungtay_bench` on the server; it is left in place after the run for inspection. */
async function freshPgDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${BENCH_DB}`;
  return u.toString();
}

/**
 * The bench database for the plans part: the one the PostgreSQL mode just built (or an earlier run left)
 * when it holds a forest of this run's size and the bench users; otherwise a fresh one to build on.
 */
async function plansDatabase(): Promise<{ url: string; buildForest: boolean }> {
  const u = new URL(serverUrl);
  u.pathname = `/${BENCH_DB}`;
  const client = new pg.Client({ connectionString: u.toString() });
  try {
    await client.connect();
    const r = await client.query(
      `SELECT (SELECT count(*) FROM organisations)::int AS orgs,
              (SELECT count(*) FROM users WHERE username IN ('bench.national', 'bench.province'))::int AS users`,
    );
    const { orgs, users } = r.rows[0] as { orgs: number; users: number };
    if (orgs === plans.postgres.size.orgs && users === 2) return { url: u.toString(), buildForest: false };
  } catch {
    // No database or no forest yet: build one below.
  } finally {
    await client.end().catch(() => {});
  }
  return { url: await freshPgDatabase(), buildForest: true };
}

async function runPlansPart(): Promise<PlansResult> {
  const db = await plansDatabase();
  log(`plans: ${db.buildForest ? 'building a fresh forest' : 'reusing the forest in chungtay_bench'}…`);
  const result = await runPlans(plansOptions(db.url, db.buildForest), quick);
  // BENCH_PLANS_JSON=<file> keeps the raw figures, to re-render the section without re-running it.
  if (process.env.BENCH_PLANS_JSON) await writeFile(process.env.BENCH_PLANS_JSON, JSON.stringify(result));
  return result;
}

type Server = { ready: Ready; ask: <T>(cmd: Command) => Promise<T> };

/** Forks bench/server.ts and resolves once it has built the forest and is listening. */
function startServer(spec: ServerSpec): Promise<Server & { child: ChildProcess }> {
  const child = fork(path.join(repoRoot, 'bench/server.ts'), {
    env: { ...process.env, BENCH_SERVER_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      reject(e);
    };
    child.on('exit', (code) => code && fail(new Error(`bench server exited with ${code}`)));
    child.on('message', (msg: FromServer) => {
      if (msg.type === 'error') fail(new Error(`bench server: ${msg.message}`));
      else if (msg.type === 'reply') pending.get(msg.id)?.resolve(msg.data);
      else {
        const ask = <T>(cmd: Command) =>
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

/** Asks the server to close its servers and pool and exit; kills it (our own child) if it hangs. */
async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ id: 0, cmd: 'close' } satisfies { id: number } & Command);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in through the real login route; returns the Cookie header for autocannon and fetch. */
async function login(
  appUrl: string,
  user: { username: string; password: string },
): Promise<Record<string, string>> {
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`login ${user.username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ct_session='));
  if (!cookie) throw new Error(`login ${user.username}: no ct_session cookie`);
  return { cookie: cookie.split(';')[0]! };
}

async function subtreeQueries(
  s: Server,
  plan: Plan,
  prov: Record<string, string>,
  nat: Record<string, string>,
) {
  const { forest, appUrl } = s.ready;
  const n = plan.subtreeN;
  const api = async (url: string, h: Record<string, string>) =>
    stats(await timeRequests(`${appUrl}${url}`, h, n));
  const raw = async (query: RawQuery) => stats(await s.ask<number[]>({ cmd: 'raw', query, n }));
  const rows: SubtreeRow[] = [
    {
      label: `Count a province's subtree (${forest.province.orgCount.toLocaleString('en')} orgs)`,
      api: await api(`/api/orgs?under=${forest.province.id}&pageSize=1`, prov),
      raw: await raw('countSubtree'),
    },
    {
      label: "A province's children with counts",
      api: await api(`/api/orgs/${forest.province.id}/children`, prov),
      raw: await raw('provinceChildren'),
    },
    {
      label: `The national root's children (${forest.counts.provinces} province${forest.counts.provinces === 1 ? '' : 's'}) with counts`,
      api: await api(`/api/orgs/${forest.root.id}/children`, nat),
      raw: await raw('rootChildren'),
    },
    {
      label: `People in a province's subtree (${forest.province.peopleCount.toLocaleString('en')})`,
      api: null,
      raw: await raw('peopleInProvince'),
    },
  ];
  return rows;
}

/** Guards against measuring the wrong thing (an error page is fast): API, bare route and SQL must agree. */
async function checkTotals(s: Server, headers: Record<string, string>) {
  const { forest, appUrl, bareUrl } = s.ready;
  const api = await fetch(`${appUrl}/api/orgs?under=${forest.province.id}&pageSize=1`, { headers });
  const apiTotal = ((await api.json()) as { total?: number }).total;
  const bareTotal = (
    (await (await fetch(`${bareUrl}/bare/orgs/province?page=1`)).json()) as { total?: number }
  ).total;
  if (api.status !== 200 || apiTotal !== forest.province.orgCount || bareTotal !== apiTotal) {
    throw new Error(
      `province totals disagree: API ${api.status} ${apiTotal}, bare ${bareTotal}, SQL ${forest.province.orgCount}`,
    );
  }
}

async function runMode(mode: 'postgres' | 'pglite'): Promise<ModeResult> {
  const plan = plans[mode];
  const t0 = performance.now();
  const url = mode === 'postgres' ? await freshPgDatabase() : undefined;
  log(`${mode}: building ${plan.size.orgs} organisations, ${plan.size.people} people…`);
  const s = await startServer({ mode, url, size: plan.size });
  const { forest, appUrl, bareUrl } = s.ready;
  log(`${mode}: built in ${(forest.buildMs.total / 1000).toFixed(1)} s; app ${appUrl}, bare ${bareUrl}`);
  try {
    const prov = await login(appUrl, forest.provincial);
    const nat = await login(appUrl, forest.national);
    await checkTotals(s, prov);
    const lastPage = Math.ceil(forest.province.orgCount / 50);
    const pages = Array.from({ length: Math.min(plan.maxPages, lastPage) }, (_, i) => i + 1);
    const target = (baseUrl: string, paths: string[], headers?: Record<string, string>): LoadTarget => ({
      baseUrl,
      paths,
      headers,
    });
    log(`${mode}: load, provincial admin, pages 1–${pages.length}…`);
    const province = await loadPair(
      target(
        appUrl,
        pages.map((p) => `/api/orgs?under=${forest.province.id}&page=${p}&pageSize=50`),
        prov,
      ),
      target(
        bareUrl,
        pages.map((p) => `/bare/orgs/province?page=${p}`),
      ),
      plan.load,
    );
    log(`${mode}: load, national admin, page 1…`);
    const national = await loadPair(
      target(appUrl, ['/api/orgs?page=1&pageSize=50'], nat),
      target(bareUrl, ['/bare/orgs/all?page=1']),
      plan.load,
    );
    const memoryAfterLoad = await s.ask<Memory>({ cmd: 'memory' });
    log(`${mode}: subtree queries…`);
    const subtree = await subtreeQueries(s, plan, prov, nat);
    const explained = await s.ask<Explained[]>({ cmd: 'explain', pages: [1, pages.length] });
    const memory = await s.ask<Memory>({ cmd: 'memory' });
    return {
      mode,
      size: plan.size,
      plan: { ...plan.load, pages: pages.length, subtreeN: plan.subtreeN },
      ready: s.ready,
      province,
      national,
      subtree,
      explained,
      memoryAfterLoad,
      memory,
      elapsedMs: performance.now() - t0,
    };
  } finally {
    await stopServer(s.child);
  }
}

async function main() {
  const t0 = performance.now();
  const results: BenchResults = { date: new Date(), quick, modes: [], loadAvg: os.loadavg() };
  // A smoke run must not overwrite the figures of a full one.
  const out =
    process.env.BENCH_OUT ??
    (quick ? path.join(tmpdir(), 'chungtay-benchmarks-quick.md') : path.join(repoRoot, 'docs/benchmarks.md'));
  if (only === 'plans') {
    const md = spliceSection(await readFile(out, 'utf8').catch(() => ''), await runPlansPart());
    await writeFile(out, md);
    process.stdout.write(`${md}\n`);
    log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s; wrote the plans section of ${out}`);
    return;
  }
  if (only === 'training') {
    // Issue 4's figures alone (bench/training-*.ts), spliced into their own section of the doc.
    const { runTraining } = await import('./training-bench.ts');
    const { spliceTrainingSection } = await import('./training-report.ts');
    const md = spliceTrainingSection(await readFile(out, 'utf8').catch(() => ''), await runTraining(quick));
    await writeFile(out, md);
    log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s; wrote the training section of ${out}`);
    return;
  }
  if (only === 'volunteers') {
    // Issue 11's figures alone (bench/volunteers-*.ts, PostgreSQL), spliced into their own section of the doc.
    const { runVolunteers } = await import('./volunteers-bench.ts');
    const { spliceVolunteersSection } = await import('./volunteers-report.ts');
    const md = spliceVolunteersSection(
      await readFile(out, 'utf8').catch(() => ''),
      await runVolunteers(quick),
    );
    await writeFile(out, md);
    log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s; wrote the volunteers section of ${out}`);
    return;
  }
  if (only === 'blood') {
    // Issue 12's figures alone (bench/blood*.ts, PostgreSQL), spliced into their own section of the doc.
    const { runBlood } = await import('./blood.ts');
    const { spliceBloodSection } = await import('./blood-report.ts');
    // BENCH_BLOOD_JSON=<file> keeps the raw figures, to re-render the section without re-running it.
    const result = await runBlood(quick);
    if (process.env.BENCH_BLOOD_JSON) await writeFile(process.env.BENCH_BLOOD_JSON, JSON.stringify(result));
    const md = spliceBloodSection(await readFile(out, 'utf8').catch(() => ''), result);
    await writeFile(out, md);
    log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s; wrote the blood section of ${out}`);
    return;
  }
  for (const mode of modes) results.modes.push(await runMode(mode));
  if (only !== 'orgs' && modes.includes('postgres')) results.plans = await runPlansPart();
  results.totalMs = performance.now() - t0;
  let md = renderMarkdown(results);
  if (only !== 'orgs') {
    const { spliceTrainingSection } = await import('./training-report.ts');
    md = spliceTrainingSection(md, await (await import('./training-bench.ts')).runTraining(quick));
    if (modes.includes('postgres')) {
      const { spliceVolunteersSection } = await import('./volunteers-report.ts');
      md = spliceVolunteersSection(md, await (await import('./volunteers-bench.ts')).runVolunteers(quick));
      const { spliceBloodSection } = await import('./blood-report.ts');
      md = spliceBloodSection(md, await (await import('./blood.ts')).runBlood(quick));
    }
  }
  await writeFile(out, md);
  process.stdout.write(`${md}\n`);
  log(`done in ${(results.totalMs / 1000).toFixed(0)} s; wrote ${out}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

import type { FastifyInstance } from 'fastify';
import { dashboardView } from '../src/contracts/plans.ts';
import { modules } from '../src/modules/index.ts';
import { planDashboard } from '../src/modules/plans/dashboard/dashboard.service.ts';
import { dueOn } from '../src/modules/plans/periods.ts';
import { planReports, planReportValues } from '../src/modules/plans/plans.tables.ts';
import { applyRollup, rollupsFor } from '../src/modules/plans/rollups.repo.ts';
import { loadActorById } from '../src/platform/auth/actor-loader.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { cliMeta } from '../src/platform/context.ts';
import { type Database, type Db, openPostgres, rows, sql } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { buildForest, type ForestSize } from './build-forest.ts';
import {
  type Captured,
  type ExplainedQuery,
  explainCaptured,
  installCapture,
  type RawTotal,
  type RollupCheck,
  rawTotalsSql,
  startCapture,
  stopCapture,
  timeSeq,
  verifyRollups,
} from './plans-check.ts';
import { type PlanData, type PlansSpec, preparePlanData } from './plans-data.ts';
import { loadForest, type PlansForest, type Slot, submissionValues } from './plans-fixtures.ts';

/**
 * The server side of the plans benchmark, a child of bench/run.ts like bench/server.ts: on the bench
 * PostgreSQL database it builds the forest (or finds an earlier run's), loads the plan dataset, checks the
 * bulk roll-up against `applyRollup`, serves the real app, and runs the SQL-side measurements (raw GROUP BY,
 * roll-up read, bare inserts) on the app's own pool so both sides pay the same connection costs.
 */

export type PlansServerSpec = { url: string; size: ForestSize; buildForest: boolean; plans: PlansSpec };
export type OrgKey = 'root' | 'province';
/** calibrate: a fixed query (count the organisations) whose time shows how busy the machine is. */
export type SqlQuery = 'raw' | 'rollupRead' | 'calibrate';
export type PlansReady = {
  forest: PlansForest;
  forestBuildMs: number | null;
  data: PlanData;
  rollupCheck: RollupCheck;
  appUrl: string;
  dbVersion: string;
  settings: Record<string, string>;
  /** Children of each measured organisation that have reporters below: the dashboard's lines. */
  childIds: Record<OrgKey, number[]>;
};
export type LoadSample = { latencies: number[]; seconds: number };
export type PlansCommand =
  | { cmd: 'sql'; query: SqlQuery; org: OrgKey; n: number; budgetS: number }
  | { cmd: 'sqlLoad'; query: SqlQuery; org: OrgKey; connections: number; durationS: number }
  | { cmd: 'rawTotals'; org: OrgKey }
  | { cmd: 'service'; org: OrgKey; n: number; budgetS: number }
  | { cmd: 'drain' }
  | { cmd: 'bare'; slot: Slot; withRollup: boolean }
  | { cmd: 'capture'; on: boolean }
  | { cmd: 'explain'; queries: Captured[] }
  | { cmd: 'close' };
export type PlansFromServer =
  | { type: 'ready'; ready: PlansReady }
  | { type: 'reply'; id: number; data: unknown }
  | { type: 'error'; message: string };
export type { Captured, ExplainedQuery, RawTotal };

const send = (msg: PlansFromServer) => process.send?.(msg);
const log = (msg: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function startApp(database: Database, url: string): Promise<FastifyInstance> {
  const env = { NODE_ENV: 'production', DATA_DIR: '/tmp/x', LOG_LEVEL: 'silent', DATABASE_URL: url };
  const app = await buildApp(
    { database, db: database.db, clock: systemClock, config: loadConfig(env) },
    modules,
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}

async function settingsOf(db: Db) {
  const names = ['shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'random_page_cost'];
  const out: Record<string, string> = {};
  for (const n of names) {
    const [r] = await rows<{ v: string }>(db, sql`SELECT current_setting(${n}) AS v`);
    out[n] = r!.v;
  }
  return out;
}

async function childIdsOf(db: Db, planId: number, path: string) {
  const r = await rows<{ id: number }>(
    db,
    sql`SELECT DISTINCT ltree2text(subpath(org_path, nlevel(${path}::ltree), 1))::int AS id FROM plan_recipients
        WHERE plan_id = ${planId} AND role = 'reporter' AND org_path <@ ${path}::ltree AND nlevel(org_path) > nlevel(${path}::ltree)`,
  );
  return r.map((x) => x.id);
}

type State = { db: Db; ready: PlansReady };

function orgOf(s: State, org: OrgKey) {
  const f = s.ready.forest;
  return org === 'root' ? { id: f.root.id, path: f.root.path } : { id: f.province.id, path: f.province.path };
}

function runner(s: State, query: SqlQuery, org: OrgKey): () => Promise<unknown> {
  const { id, path } = orgOf(s, org);
  const { planId, periodKey } = s.ready.data;
  if (query === 'calibrate') return () => rows(s.db, sql`SELECT count(*) FROM organisations`);
  if (query === 'raw') return () => rows<RawTotal>(s.db, rawTotalsSql(planId, periodKey, path));
  return () => rollupsFor(s.db, planId, periodKey, { withChildrenOf: id });
}

/** `connections` loops running the query back to back for `durationS`, like autocannon's connections. */
async function timeLoad(
  run: () => Promise<unknown>,
  connections: number,
  durationS: number,
): Promise<LoadSample> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + durationS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

/**
 * A bare submission: the report and its values inserted and committed, optionally with the roll-up
 * (`applyRollup`, the app's own statement) in the same transaction; no auth, checks, audit or response.
 * Timed from BEGIN to COMMIT; then undone, untimed, so the API submits the same slot for real afterwards.
 */
async function bareSubmit(s: State, slot: Slot, withRollup: boolean): Promise<number> {
  const { data, forest } = s.ready;
  const plan = {
    reportPeriodType: 'monthly' as const,
    periodStart: `${data.firstPeriod}-01`,
    periodEnd: '2025-12-31',
    reportDueOn: null,
    reportDueDays: 10,
  };
  const now = new Date();
  const roll = (reportId: number) => ({
    planId: data.planId,
    reportId,
    periodKey: data.periodKey,
    reporterPath: slot.orgPath,
    issuerPath: forest.root.path,
  });
  const t0 = performance.now();
  const reportId = await s.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(planReports)
      .values({
        planId: data.planId,
        orgId: slot.orgId,
        orgPath: slot.orgPath,
        periodKey: data.periodKey,
        status: 'submitted',
        dueOn: dueOn(plan, data.periodKey),
        firstSubmittedAt: now,
        submittedAt: now,
      })
      .returning({ id: planReports.id });
    await tx
      .insert(planReportValues)
      .values(submissionValues(data.indicators).map((v) => ({ reportId: r!.id, ...v })));
    if (withRollup) await applyRollup(tx, roll(r!.id), 1);
    return r!.id;
  });
  const ms = performance.now() - t0;
  await s.db.transaction(async (tx) => {
    if (withRollup) await applyRollup(tx, roll(reportId), -1);
    await tx.execute(sql`DELETE FROM plan_reports WHERE id = ${reportId}`);
  });
  return ms;
}

export type ServiceTimes = { service: number[]; serialize: number[] };

/**
 * The dashboard's service function called directly (no HTTP, no authentication hook) as the measured
 * org's admin, then its answer serialised as the route does (zod response schema, then JSON): splits the
 * API's time into service, serialisation and the rest.
 */
async function serviceTimes(s: State, org: OrgKey, n: number, budgetS: number): Promise<ServiceTimes> {
  const username = org === 'root' ? 'bench.national' : 'bench.province';
  const [u] = await rows<{ id: number }>(s.db, sql`SELECT id FROM users WHERE username = ${username}`);
  const actor = (await loadActorById(s.db, u!.id))!;
  const ctx = { db: s.db, clock: systemClock, actor, meta: cliMeta };
  const { planId, periodKey } = s.ready.data;
  const service: number[] = [];
  const serialize: number[] = [];
  const totals = await timeSeq(
    async () => {
      const t0 = performance.now();
      const view = await planDashboard(ctx, planId, orgOf(s, org).id, periodKey);
      const t1 = performance.now();
      JSON.stringify(dashboardView.parse(view));
      service.push(t1 - t0);
      serialize.push(performance.now() - t1);
    },
    n,
    budgetS,
  );
  // The first three were warm-ups.
  return { service: service.slice(-totals.length), serialize: serialize.slice(-totals.length) };
}

/**
 * Waits until no statement of another session runs on the bench database for 300 ms (at most 2 min):
 * autocannon stops at its deadline, but the requests it leaves in flight keep the server busy.
 */
async function drain(db: Db) {
  const end = Date.now() + 120_000;
  for (let quiet = 0; quiet < 3 && Date.now() < end; ) {
    const [r] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    quiet = r!.n === 0 ? quiet + 1 : 0;
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function handle(s: State, url: string, msg: PlansCommand): Promise<unknown> {
  switch (msg.cmd) {
    case 'sql':
      return timeSeq(runner(s, msg.query, msg.org), msg.n, msg.budgetS);
    case 'sqlLoad': {
      const run = runner(s, msg.query, msg.org);
      await timeLoad(run, msg.connections, 1);
      return timeLoad(run, msg.connections, msg.durationS);
    }
    case 'rawTotals': {
      const { path } = orgOf(s, msg.org);
      return rows<RawTotal>(s.db, rawTotalsSql(s.ready.data.planId, s.ready.data.periodKey, path));
    }
    case 'service':
      return serviceTimes(s, msg.org, msg.n, msg.budgetS);
    case 'drain':
      return drain(s.db);
    case 'bare':
      return bareSubmit(s, msg.slot, msg.withRollup);
    case 'capture':
      if (msg.on) return startCapture();
      return stopCapture();
    case 'explain':
      return explainCaptured(url, msg.queries);
    default:
      return undefined;
  }
}

async function main(spec: PlansServerSpec) {
  installCapture();
  const database = await openPostgres(spec.url);
  await database.migrate();
  const db = database.db;
  let forestBuildMs: number | null = null;
  if (spec.buildForest) {
    log(`plans: building the forest (${spec.size.orgs} organisations)…`);
    const t0 = performance.now();
    await buildForest(db, spec.size);
    forestBuildMs = performance.now() - t0;
  }
  const forest = await loadForest(db);
  const data = await preparePlanData(db, forest, spec.plans, log);
  log(
    `plans: ${data.values.toLocaleString('en')} values, ${data.rollups.toLocaleString('en')} roll-up rows ${data.reuse ? `(reused, last month reset in ${(data.reuse.resetMs / 1000).toFixed(0)} s)` : `in ${(data.buildMs.total / 1000).toFixed(0)} s`}; checking against applyRollup…`,
  );
  const rollupCheck = await verifyRollups(db, forest, data);
  const [v] = await rows<{ version: string }>(db, sql`SELECT version()`);
  const childIds = {
    root: await childIdsOf(db, data.planId, forest.root.path),
    province: await childIdsOf(db, data.planId, forest.province.path),
  };
  const app = await startApp(database, spec.url);
  const a = app.server.address();
  const appUrl = typeof a === 'object' && a ? `http://127.0.0.1:${a.port}` : '';
  const ready: PlansReady = {
    forest,
    forestBuildMs,
    data,
    rollupCheck,
    appUrl,
    dbVersion: v!.version,
    settings: await settingsOf(db),
    childIds,
  };
  const state: State = { db, ready };
  send({ type: 'ready', ready });
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (msg: { id: number } & PlansCommand) => {
    try {
      if (msg.cmd === 'close') {
        await app.close();
        await database.close();
        process.exit(0);
      }
      send({ type: 'reply', id: msg.id, data: await handle(state, spec.url, msg) });
    } catch (err) {
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

main(JSON.parse(process.env.BENCH_PLANS_SPEC ?? '{}') as PlansServerSpec).catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
  process.disconnect();
});

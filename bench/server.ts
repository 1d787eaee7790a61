import { resourceUsage } from 'node:process';
import Fastify, { type FastifyInstance } from 'fastify';
import { modules } from '../src/modules/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, type Db, openPglite, openPostgres, rows, sql } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { buildForest, type Forest, type ForestSize } from './build-forest.ts';
import { countPeople, countSubtree, listChildren, listPage, pageItemsSql } from './platform-sql.ts';

/**
 * The server side of the benchmark, run as a child process of bench/run.ts: it builds the forest, then
 * serves the real app and the bare Fastify route side by side. A separate process keeps autocannon's own
 * CPU out of the server's event loop (both compete for 2 cores otherwise) and makes `rss` the server's
 * alone. An in-memory PGlite lives only in the process that opened it, so building happens here too.
 */

export type ServerSpec = { mode: 'postgres' | 'pglite'; url?: string; size: ForestSize };
export type RawQuery = 'countSubtree' | 'provinceChildren' | 'rootChildren' | 'peopleInProvince';
export type Memory = { rss: number; heapUsed: number; peakRss: number; maxRss: number };
export type Ready = { forest: Forest; appUrl: string; bareUrl: string; dbVersion: string };
export type Explained = { label: string; planningMs: number; executionMs: number; jitMs: number };
export type Command =
  | { cmd: 'raw'; query: RawQuery; n: number }
  | { cmd: 'explain'; pages: number[] }
  | { cmd: 'memory' }
  | { cmd: 'close' };
export type ToServer = { id: number } & Command;
export type FromServer =
  | { type: 'ready'; ready: Ready }
  | { type: 'reply'; id: number; data: unknown }
  | { type: 'error'; message: string };

const send = (msg: FromServer) => process.send?.(msg);

/** Peak RSS while serving, sampled: resourceUsage().maxRSS also counts the build, which is not serving. */
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
sampler.unref();

function memory(): Memory {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, peakRss: Math.max(peakRss, rss), maxRss: resourceUsage().maxRSS * 1024 };
}

/** No plugins, no auth, no zod: only the SQL the list endpoint runs, with the scope hard-coded. */
async function startBare(db: Db, forest: Forest): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  const page = (q: unknown) => Number((q as { page?: string }).page ?? 1);
  bare.get('/bare/orgs/province', (req) =>
    listPage(db, forest.province.path, forest.province.path, page(req.query), 50),
  );
  bare.get('/bare/orgs/all', (req) => listPage(db, null, null, page(req.query), 50));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  return bare;
}

async function startApp(database: Database, url: string | undefined): Promise<FastifyInstance> {
  const env = {
    NODE_ENV: 'production',
    DATA_DIR: '/tmp/x',
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url } : {}),
  };
  const config = loadConfig(env);
  const app = await buildApp({ database, db: database.db, clock: systemClock, config }, modules);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}

const urlOf = (f: FastifyInstance) => {
  const a = f.server.address();
  return typeof a === 'object' && a ? `http://127.0.0.1:${a.port}` : '';
};

/** Runs a raw query n times in sequence (after a short warm-up) and returns each duration in ms. */
async function timeRaw(db: Db, forest: Forest, query: RawQuery, n: number): Promise<number[]> {
  const run: Record<RawQuery, () => Promise<unknown>> = {
    countSubtree: () => countSubtree(db, forest.province.path),
    provinceChildren: () => listChildren(db, forest.province.path, forest.province.id),
    rootChildren: () => listChildren(db, null, forest.root.id),
    peopleInProvince: () => countPeople(db, forest.province.path),
  };
  for (let i = 0; i < 3; i++) await run[query]();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run[query]();
    out.push(performance.now() - t0);
  }
  return out;
}

type PlanJson = { 'Planning Time': number; 'Execution Time': number; JIT?: { Timing?: { Total?: number } } };

/** EXPLAIN ANALYZE of the list page query (second run: warm cache), to show where the SQL time goes. */
async function explainPages(db: Db, forest: Forest, pages: number[]): Promise<Explained[]> {
  const cases = [
    ...pages.map((p) => ({
      label: `province page ${p}`,
      q: pageItemsSql(forest.province.path, forest.province.path, p, 50),
    })),
    { label: 'national page 1', q: pageItemsSql(null, null, 1, 50) },
  ];
  const out: Explained[] = [];
  for (const c of cases) {
    let plan: PlanJson | undefined;
    for (let i = 0; i < 2; i++) {
      const [r] = await rows<Record<string, unknown>>(db, sql`EXPLAIN (ANALYZE, FORMAT JSON) ${c.q}`);
      const v = Object.values(r!)[0];
      plan = (typeof v === 'string' ? JSON.parse(v) : v)[0] as PlanJson;
    }
    const jitMs = plan!.JIT?.Timing?.Total ?? 0;
    out.push({
      label: c.label,
      planningMs: plan!['Planning Time'],
      executionMs: plan!['Execution Time'],
      jitMs,
    });
  }
  return out;
}

async function main(spec: ServerSpec) {
  const database = spec.mode === 'postgres' ? await openPostgres(spec.url!) : await openPglite();
  await database.migrate();
  const forest = await buildForest(database.db, spec.size);
  const [v] = await rows<{ version: string }>(database.db, sql`SELECT version()`);
  const app = await startApp(database, spec.url);
  const bare = await startBare(database.db, forest);
  peakRss = 0;
  send({ type: 'ready', ready: { forest, appUrl: urlOf(app), bareUrl: urlOf(bare), dbVersion: v!.version } });

  // The bench process died without saying goodbye: do not linger as an orphan holding the ports.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (msg: ToServer) => {
    try {
      if (msg.cmd === 'raw')
        send({ type: 'reply', id: msg.id, data: await timeRaw(database.db, forest, msg.query, msg.n) });
      else if (msg.cmd === 'explain')
        send({ type: 'reply', id: msg.id, data: await explainPages(database.db, forest, msg.pages) });
      else if (msg.cmd === 'memory') send({ type: 'reply', id: msg.id, data: memory() });
      else {
        await Promise.all([app.close(), bare.close()]);
        await database.close();
        process.exit(0);
      }
    } catch (err) {
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

main(JSON.parse(process.env.BENCH_SERVER_SPEC ?? '{}') as ServerSpec).catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
  process.disconnect();
});

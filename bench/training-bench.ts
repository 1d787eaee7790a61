import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { modules } from '../src/modules/index.ts';
import { insertPeople } from '../src/modules/people/people.repo.ts';
import { certificatesPdf } from '../src/modules/training/certificates/certificates.pdf.ts';
import { classCertificates } from '../src/modules/training/certificates/certificates.repo.ts';
import {
  rosterLine,
  rosterWorkbook,
  type SampleWorker,
  sampleWorkers,
} from '../src/modules/training/roster/roster.sample.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, type Db, openPglite, openPostgres, rows } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { buildClass, thirtyWorkers } from '../test/helpers/certificates.fixtures.ts';
import { buildOrg, buildUser } from '../test/helpers/factories.ts';

/**
 * Issue 4's benchmark, on the embedded database of the default install (PGlite in a data directory) and on the
 * PostgreSQL server when one answers (DATABASE_URL or BENCH_PG_URL as in bench/run.ts, default 127.0.0.1:5432;
 * BENCH_TRAINING_DBS picks `pglite`, `postgres` or both):
 * - a 10,000-row roster XLSX imported with full validation through the HTTP route (preview, then commit) into a
 *   registry that already holds 20,000 people, next to the fastest plain SQL for the same rows (one statement:
 *   people inserted from jsonb_to_recordset, their enrolments from the RETURNING ids) — measured once before and
 *   once after the import, after a warm-up of both at 1,000 rows (a fresh process runs PGlite's WebAssembly
 *   unoptimised at first, and whichever goes first pays it);
 * - the bulk certificate PDF of a class of 30 next to drawing the same pages without HTTP or SQL;
 * - the public verification endpoint of `chungtay serve` (its own process, on the data the import left) at 200
 *   requests/s arriving as a Poisson process from a forked load process (bench/training-load.ts; codes cycled over
 *   10,000 certificates), next to a static route at the same rate; with the server's CPU time per request (from
 *   /proc), which other work on the machine does not inflate the way it inflates latency.
 */

type Latency = {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  /** Server CPU (user + system) per answered request, ms: the app and the static route share this process. */
  cpuMs: number;
  seconds: number;
};
export type RosterFigures = {
  rows: number;
  registry: number;
  bytes: number;
  previewMs: number;
  commitMs: number;
  rawMs: number[];
};
export type DbFigures = {
  kind: 'pglite' | 'postgres';
  location: string;
  roster: RosterFigures;
  pdf: { runs: number; bulkMs: number[]; drawMs: number[]; bytes: number };
  verify: { rate: number; certificates: number; html: Latency; json: Latency; static: Latency };
  explain: string[];
};
export type TrainingResult = {
  date: string;
  machine: string;
  loadAvg: number[];
  loadAvgEnd: number[];
  quick: boolean;
  results: DbFigures[];
  skipped: string[];
};

const log = (m: string) =>
  process.stderr.write(`[bench training ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

function multipart(mode: string, file: Buffer) {
  const b = '----bench-roster';
  const head = `--${b}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${b}--\r\n`)]),
    type: `multipart/form-data; boundary=${b}`,
  };
}

async function login(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ct_session='))!
    .split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken };
}

/** A fixed arrival rate for `seconds`, cycling the paths, from a forked load process (bench/training-load.ts). */
/** CPU time (ms) a process has used so far, from /proc (Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of the line (11 and 12 after the command name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Requests at a fixed rate from a forked load process; the server's CPU per request is this process's, or the
 * process `serverPid`'s when the server runs on its own.
 */
async function atRate(
  base: string,
  paths: string[],
  rate: number,
  seconds: number,
  serverPid?: number,
): Promise<Latency> {
  const cpu0 = process.cpuUsage();
  const serverCpu0 = serverPid ? cpuMsOf(serverPid) : 0;
  const got = await new Promise<Omit<Latency, 'cpuMs' | 'seconds'>>((resolve, reject) => {
    const child = fork(
      path.join(import.meta.dirname, 'training-load.ts'),
      [JSON.stringify({ base, paths, rate, seconds })],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    child.once('message', (m) => resolve(m as Omit<Latency, 'cpuMs' | 'seconds'>));
    child.once('exit', (code) => code && reject(new Error(`load process exited with ${code}`)));
  });
  const cpu = process.cpuUsage(cpu0);
  const used = serverPid ? cpuMsOf(serverPid) - serverCpu0 : (cpu.user + cpu.system) / 1000;
  return { ...got, seconds, cpuMs: used / Math.max(1, got.requests) };
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/**
 * The product's server as an install starts it (`node src/cli.ts serve`, production settings, no demo data,
 * no scheduler), in its own process, on the database the benchmark filled.
 */
async function startServe(
  env: Record<string, string>,
): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(import.meta.dirname, '..', 'src', 'cli.ts'), 'serve'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SCHEDULER: 'false',
      VERIFY_RATE_LIMIT_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`chungtay serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('chungtay serve did not start in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const PG_DB = 'chungtay_bench_training';

async function openBenchDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ database: Database; drop: () => void; serveEnv: Record<string, string> }> {
  if (kind === 'pglite') {
    // Laid out as DATA_DIR is: the embedded database in its pglite/ folder.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chungtay-bench-training-'));
    const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
    return {
      database,
      drop: () => rmSync(dir, { recursive: true, force: true }),
      serveEnv: { DATA_DIR: dir },
    };
  }
  const url =
    process.env.DATABASE_URL ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_DB}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${PG_DB}`;
  // Left in place after the run for inspection; the next run drops it.
  return {
    database: await openPostgres(u.toString()),
    drop: () => {},
    serveEnv: { DATABASE_URL: u.toString() },
  };
}

async function newClass(db: Db, provider: { id: number; path: string }, code: string, capacity: number) {
  const [k] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO training_classes (code, provider_org_id, provider_path, course_type_id, title, capacity, status)
        SELECT ${code}, ${provider.id}, ${provider.path}::ltree, id, ${`Lớp ${code}`}, ${capacity}, 'open'
        FROM course_types WHERE code = 'ATVSLD_N4' RETURNING id`,
  );
  return k!.id;
}

/**
 * The baseline: the fastest plain SQL for the same rows — one statement, people from jsonb_to_recordset and
 * their enrolments from the ids it returns; no parsing, field rules, duplicate search, locks or audit.
 */
async function rawInsert(
  db: Db,
  provider: { id: number; path: string },
  classId: number,
  ws: SampleWorker[],
) {
  const t0 = performance.now();
  const json = JSON.stringify(ws);
  await db.execute(
    sql`WITH p AS (
          INSERT INTO people (full_name, birth_date, sex, cccd, phone, job_title, org_id, org_path)
          SELECT "fullName", "birthDate", sex, cccd, phone, "jobTitle", ${provider.id}, ${provider.path}::ltree
          FROM jsonb_to_recordset(${json}::jsonb)
            AS x("fullName" text, "birthDate" date, sex text, cccd text, phone text, "jobTitle" text)
          RETURNING id)
        INSERT INTO enrolments (class_id, person_id, status) SELECT ${classId}, id, 'enrolled' FROM p`,
  );
  return performance.now() - t0;
}

async function rosterPart(
  db: Db,
  base: string,
  h: Record<string, string>,
  provider: { id: number; path: string },
  n: number,
): Promise<RosterFigures> {
  const registry = n * 2;
  log(`roster: a registry of ${registry} people…`);
  await insertPeople(
    db,
    sampleWorkers(registry, 7, 700_000, '2026-12-01').map((w) => ({
      ...w,
      email: null,
      employerOrgId: null,
      orgId: provider.id,
      orgPath: provider.path,
    })),
  );
  await db.execute(sql`ANALYZE people`);
  const send = async (classId: number, mode: string, file: Buffer, rowsIn: number) => {
    const m = multipart(mode, file);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/training/classes/${classId}/roster`, {
      method: 'POST',
      headers: { ...h, 'content-type': m.type },
      body: m.body,
    });
    const body = (await res.json()) as { invalid?: number; created?: number; error?: unknown };
    const ms = performance.now() - t0;
    if (res.status !== 200 || (mode === 'preview' ? body.invalid !== 0 : body.created !== rowsIn))
      throw new Error(`roster ${mode}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return ms;
  };
  const importFile = async (code: string, ws: SampleWorker[]) => {
    const file = await rosterWorkbook(ws.map(rosterLine));
    const k = await newClass(db, provider, code, ws.length);
    const previewMs = await send(k, 'preview', file, ws.length);
    const commitMs = await send(k, 'commit', file, ws.length);
    return { previewMs, commitMs, bytes: file.length };
  };
  const warm = Math.max(200, Math.round(n / 10));
  log(`roster: warm-up, import and raw insert of ${warm} rows…`);
  await importFile('BENCH-WARM', sampleWorkers(warm, 3, 100_000, '2026-12-01'));
  await rawInsert(
    db,
    provider,
    await newClass(db, provider, 'BENCH-WARM-RAW', warm),
    sampleWorkers(warm, 3, 200_000, '2026-12-01'),
  );
  log(`roster: raw insert of ${n} rows, import (preview + commit), raw insert again…`);
  const raw1 = await rawInsert(
    db,
    provider,
    await newClass(db, provider, 'BENCH-RAW-1', n),
    sampleWorkers(n, 99, 300_000, '2026-12-01'),
  );
  const imported = await importFile('BENCH-10K', sampleWorkers(n, 99, 0, '2026-12-01'));
  const raw2 = await rawInsert(
    db,
    provider,
    await newClass(db, provider, 'BENCH-RAW-2', n),
    sampleWorkers(n, 99, 400_000, '2026-12-01'),
  );
  return { rows: n, registry, ...imported, rawMs: [raw1, raw2] };
}

async function pdfPart(
  db: Db,
  base: string,
  h: Record<string, string>,
  provider: { id: number; path: string },
  runs: number,
) {
  const k = await buildClass(db, {
    provider,
    course: 'SCC_NLD',
    code: 'BENCH-30',
    learners: thirtyWorkers(),
  });
  await fetch(`${base}/api/training/classes/${k.id}/certificates`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/json' },
    body: '{}',
  });
  const bulkMs: number[] = [];
  const drawMs: number[] = [];
  let bytes = 0;
  const list = await classCertificates(db, k.id);
  const pages = list.map((r) => ({ ...r, verifyUrl: `${base}/verify/${r.verifyCode}`, state: 'valid' }));
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/training/classes/${k.id}/certificates.pdf`, { headers: h });
    const buf = Buffer.from(await res.arrayBuffer());
    const t1 = performance.now();
    await certificatesPdf(pages, 'bench', new Date());
    const t2 = performance.now();
    if (res.status !== 200 || res.headers.get('x-certificate-count') !== '30')
      throw new Error(`bulk pdf: ${res.status}`);
    if (i === 0) continue; // warm-up: fonts parsed, code paths compiled
    bulkMs.push(t1 - t0);
    drawMs.push(t2 - t1);
    bytes = buf.length;
  }
  return { runs, bulkMs, drawMs, bytes };
}

/**
 * Certificates for the imported class (plain SQL; codes in the base32 alphabet the route accepts): 10,000 rows
 * to look the codes up in.
 */
async function certificatesFor(db: Db, provider: { id: number }, code: string) {
  await db.execute(
    sql`INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id, enrolment_id,
                                  course_type_id, issued_on, valid_until, verify_code)
        SELECT k.provider_org_id, k.provider_path, 2026, 1000 + row_number() OVER (ORDER BY e.id),
               'B' || e.id || '/2026/GCN', e.person_id, e.id, k.course_type_id, '2026-11-20', '2028-11-20',
               translate(upper(substr(md5('bench' || e.id), 1, 24)), '0189', 'QRST')
        FROM enrolments e JOIN training_classes k ON k.id = e.class_id
        WHERE k.code = ${code} AND k.provider_org_id = ${provider.id}`,
  );
  await db.execute(sql`ANALYZE certificates`);
}

/** EXPLAIN ANALYZE of the statement inside ct_verify_certificate (read from the database, so it is the real one). */
async function explainVerify(db: Db, code: string): Promise<string[]> {
  const [fn] = await rows<{ src: string }>(
    db,
    sql`SELECT prosrc AS src FROM pg_proc WHERE proname = 'ct_verify_certificate'`,
  );
  const body = /RETURN QUERY([\s\S]*?);/.exec(fn?.src ?? '')?.[1];
  if (!body) return ['(ct_verify_certificate not found)'];
  const query = body.replace(/\bp_code\b/g, `'${code.replace(/'/g, "''")}'`);
  const plan = await rows<{ 'QUERY PLAN': string }>(db, sql.raw(`EXPLAIN (ANALYZE, COSTS OFF) ${query}`));
  return plan.map((r) => r['QUERY PLAN']);
}

async function runOne(kind: 'pglite' | 'postgres', quick: boolean, staticBase: string): Promise<DbFigures> {
  const { database, drop, serveEnv } = await openBenchDatabase(kind);
  let closed = false;
  let appClosed = false;
  try {
    await database.migrate();
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: '/tmp/x',
      LOG_LEVEL: 'silent',
      VERIFY_RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    const app = await buildApp({ database, db: database.db, clock: systemClock, config }, modules);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const db = database.db;
      const national = await buildOrg(db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
      const centre = await buildOrg(db, {
        parent: national,
        name: 'Trung tâm Dịch vụ Nhân đạo',
        kind: 'service_centre',
      });
      const u = await buildUser(db, { grants: [{ org: centre, role: 'training_manager' }] });
      const h = await login(base, u.username, u.password);
      const n = quick ? 1000 : 10_000;
      log(`${kind}: roster…`);
      const roster = await rosterPart(db, base, h, centre, n);
      log(`${kind}: bulk certificate PDFs…`);
      const pdf = await pdfPart(db, base, h, centre, quick ? 3 : 10);
      await certificatesFor(db, centre, 'BENCH-10K');
      const codes = (
        await rows<{ code: string }>(
          db,
          sql`SELECT verify_code AS code FROM certificates ORDER BY md5(verify_code) LIMIT 1000`,
        )
      ).map((r) => r.code);
      const [{ count } = { count: 0 }] = await rows<{ count: number }>(
        db,
        sql`SELECT count(*)::int AS count FROM certificates`,
      );
      await db.execute(sql`ANALYZE certificates`);
      const location =
        kind === 'pglite'
          ? 'PGlite in a data directory (as installed)'
          : `PostgreSQL ${await serverVersion(db)}`;
      const explain = await explainVerify(db, codes[0]!);
      await app.close();
      appClosed = true;
      // The public endpoints are measured on the server as an install starts it, in its own process on the data
      // just written — not on this process's app, whose heap holds the import's and the PDFs' work (PGlite's
      // single connection is handed over: this process lets go of the data directory first).
      if (kind === 'pglite') {
        await database.close();
        closed = true;
      }
      const seconds = quick ? 4 : 20;
      const rate = 200;
      log(
        `${kind}: verification on \`chungtay serve\` at ${rate} req/s for ${seconds} s each: static, HTML, JSON…`,
      );
      const server = await startServe(serveEnv);
      try {
        const measure = (prefix: string, s: number) =>
          atRate(
            server.base,
            codes.map((c) => `${prefix}${c}`),
            rate,
            s,
            server.pid,
          );
        // Warm-up of both answers: the page's template and the JSON's serialiser compiled, the lookup's plan cached.
        for (const prefix of ['/verify/', '/api/verify/']) await measure(prefix, 2);
        const stat = await atRate(staticBase, ['/static'], rate, seconds);
        const html = await measure('/verify/', seconds);
        const json = await measure('/api/verify/', seconds);
        return {
          kind,
          location,
          roster,
          pdf,
          verify: { rate, certificates: count, html, json, static: stat },
          explain,
        };
      } finally {
        await server.stop();
      }
    } finally {
      if (!appClosed) await app.close();
    }
  } finally {
    if (!closed) await database.close();
    drop();
  }
}

async function serverVersion(db: Db) {
  const [v] = await rows<{ v: string }>(db, sql`SELECT current_setting('server_version') AS v`);
  return v?.v ?? '';
}

export async function runTraining(quick: boolean): Promise<TrainingResult> {
  const loadAvg = os.loadavg();
  const kinds = (process.env.BENCH_TRAINING_DBS ?? 'pglite,postgres')
    .split(',')
    .filter((k): k is 'pglite' | 'postgres' => k === 'pglite' || k === 'postgres');
  const bare = Fastify({ logger: false });
  const staticPage = `<!doctype html><html lang="vi"><body>${'Kiểm tra giấy chứng nhận '.repeat(40)}</body></html>`;
  bare.get('/static', (_req, reply) => reply.type('text/html; charset=utf-8').send(staticPage));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const staticBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  const results: DbFigures[] = [];
  const skipped: string[] = [];
  try {
    for (const kind of kinds) {
      try {
        results.push(await runOne(kind, quick, staticBase));
      } catch (e) {
        if (kind !== 'postgres' || !/ECONNREFUSED|ENOTFOUND|password|does not exist/.test(String(e))) throw e;
        skipped.push(`PostgreSQL: ${(e as Error).message}`);
        log(`postgres skipped: ${(e as Error).message}`);
      }
    }
  } finally {
    await bare.close();
  }
  return {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    loadAvg,
    loadAvgEnd: os.loadavg(),
    quick,
    results,
    skipped,
  };
}

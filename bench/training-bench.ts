import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { modules } from '../src/modules/index.ts';
import { insertPeople } from '../src/modules/people/people.repo.ts';
import { buildClass, thirtyWorkers } from '../src/modules/training/certificates.fixtures.ts';
import { certificatesPdf } from '../src/modules/training/certificates.pdf.ts';
import { classCertificates } from '../src/modules/training/certificates.repo.ts';
import { rosterLine, rosterWorkbook, sampleWorkers } from '../src/modules/training/roster.sample.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, openPglite, rows } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { buildOrg, buildUser } from '../test/helpers/factories.ts';

/**
 * Issue 4's benchmark, on the embedded database (the default install): a 10,000-row roster XLSX imported with
 * full validation (preview, then commit through the HTTP route) next to the raw insert of the same rows; the
 * bulk certificate PDF of a class of 30 next to drawing the same pages without HTTP or SQL; the public
 * verification endpoint at a fixed 200 requests/s next to a static route at the same rate. Everything runs in
 * one process; the verification load comes from a forked process, as a phone's requests would.
 */

export type TrainingResult = {
  date: string;
  machine: string;
  loadAvg: number[];
  quick: boolean;
  roster: { rows: number; bytes: number; previewMs: number; commitMs: number; rawInsertMs: number };
  pdf: { runs: number; bulkMs: number[]; drawMs: number[]; bytes: number };
  verify: { rate: number; seconds: number; html: Latency; json: Latency; static: Latency };
};
type Latency = { requests: number; p50: number; p99: number; max: number; non2xx: number };

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
function atRate(base: string, paths: string[], rate: number, seconds: number): Promise<Latency> {
  return new Promise((resolve, reject) => {
    const child = fork(
      path.join(import.meta.dirname, 'training-load.ts'),
      [JSON.stringify({ base, paths, rate, seconds })],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    child.once('message', (m) => resolve(m as Latency));
    child.once('exit', (code) => code && reject(new Error(`load process exited with ${code}`)));
  });
}

async function rosterPart(
  database: Database,
  base: string,
  h: Record<string, string>,
  provider: { id: number; path: string },
  n: number,
) {
  const db = database.db;
  const [course] = await rows<{ id: number }>(db, sql`SELECT id FROM course_types WHERE code = 'ATVSLD_N4'`);
  const [k] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO training_classes (code, provider_org_id, provider_path, course_type_id, title, capacity, status)
        VALUES ('BENCH-10K', ${provider.id}, ${provider.path}::ltree, ${course!.id}, 'Lớp benchmark', ${n}, 'open') RETURNING id`,
  );
  const workers = sampleWorkers(n, 99, 0, '2026-12-01');
  const file = await rosterWorkbook(workers.map(rosterLine));
  const send = async (mode: string) => {
    const m = multipart(mode, file);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/training/classes/${k!.id}/roster`, {
      method: 'POST',
      headers: { ...h, 'content-type': m.type },
      body: m.body,
    });
    const body = (await res.json()) as { invalid?: number; created?: number; error?: unknown };
    const ms = performance.now() - t0;
    if (res.status !== 200 || (mode === 'preview' ? body.invalid !== 0 : body.created !== n))
      throw new Error(`roster ${mode}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return ms;
  };
  log(`roster: preview of ${n} rows…`);
  const previewMs = await send('preview');
  log('roster: commit…');
  const commitMs = await send('commit');
  // Baseline: the same rows written straight through the repository (no parsing, no validation, no audit).
  const [k2] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO training_classes (code, provider_org_id, provider_path, course_type_id, title, capacity, status)
        VALUES ('BENCH-RAW', ${provider.id}, ${provider.path}::ltree, ${course!.id}, 'Lớp baseline', ${n}, 'open') RETURNING id`,
  );
  const raw = sampleWorkers(n, 99, 500_000, '2026-12-01');
  const t0 = performance.now();
  await db.transaction(async (tx) => {
    const ids = await insertPeople(
      tx,
      raw.map((w) => ({
        ...w,
        email: null,
        employerOrgId: null,
        orgId: provider.id,
        orgPath: provider.path,
      })),
    );
    for (let i = 0; i < ids.length; i += 5000)
      await tx.execute(
        sql`INSERT INTO enrolments (class_id, person_id, status)
            SELECT ${k2!.id}, unnest(${`{${ids.slice(i, i + 5000).join(',')}}`}::int[]), 'enrolled'`,
      );
  });
  return { rows: n, bytes: file.length, previewMs, commitMs, rawInsertMs: performance.now() - t0 };
}

async function pdfPart(
  database: Database,
  base: string,
  h: Record<string, string>,
  provider: { id: number; path: string },
  runs: number,
) {
  const k = await buildClass(database.db, {
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
  const list = await classCertificates(database.db, k.id);
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
  return { runs, bulkMs, drawMs, bytes, codes: list.map((r) => r.verifyCode) };
}

export async function runTraining(quick: boolean): Promise<TrainingResult> {
  const database = await openPglite();
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
  const bare = Fastify({ logger: false });
  const staticPage = `<!doctype html><html lang="vi"><body>${'Kiểm tra giấy chứng nhận '.repeat(40)}</body></html>`;
  bare.get('/static', (_req, reply) => reply.type('text/html; charset=utf-8').send(staticPage));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const addr = (s: typeof bare.server) => `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  const base = addr(app.server);
  try {
    const national = await buildOrg(database.db, {
      name: 'Trung ương Hội Chữ thập đỏ Việt Nam',
      kind: 'red_cross',
    });
    const centre = await buildOrg(database.db, {
      parent: national,
      name: 'Trung tâm Dịch vụ Nhân đạo',
      kind: 'service_centre',
    });
    const u = await buildUser(database.db, { grants: [{ org: centre, role: 'training_manager' }] });
    const h = await login(base, u.username, u.password);
    const roster = await rosterPart(database, base, h, centre, quick ? 1000 : 10_000);
    log('bulk certificate PDFs…');
    const { codes, ...pdf } = await pdfPart(database, base, h, centre, quick ? 3 : 10);
    const seconds = quick ? 4 : 20;
    const rate = 200;
    log(`verification at ${rate} req/s for ${seconds} s each: static, HTML, JSON…`);
    await atRate(
      base,
      codes.map((c) => `/api/verify/${c}`),
      rate,
      2,
    ); // warm-up
    const stat = await atRate(addr(bare.server), ['/static'], rate, seconds);
    const html = await atRate(
      base,
      codes.map((c) => `/verify/${c}`),
      rate,
      seconds,
    );
    const json = await atRate(
      base,
      codes.map((c) => `/api/verify/${c}`),
      rate,
      seconds,
    );
    return {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PGlite (embedded)`,
      loadAvg: os.loadavg(),
      quick,
      roster,
      pdf,
      verify: { rate, seconds, html, json, static: stat },
    };
  } finally {
    await app.close();
    await bare.close();
    await database.close();
  }
}

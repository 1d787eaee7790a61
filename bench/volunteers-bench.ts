import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { modules } from '../src/modules/index.ts';
import { lockDeployments, overlappingAssignments } from '../src/modules/volunteers/waves/overlap.repo.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, type Db, openPostgres, rows } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { buildUser } from '../test/helpers/factories.ts';
import { apiPart } from './volunteers-api.ts';
import { buildVolunteers, openWave, type VolunteersData, type VolunteersSize } from './volunteers-data.ts';

/**
 * Issue 11's benchmark, on PostgreSQL only (DATABASE_URL or BENCH_PG_URL as in bench/run.ts): the dataset of
 * bench/volunteers-data.ts, then each goal measured as raw SQL (the baseline, here) and through the HTTP API
 * (bench/volunteers-api.ts; a route that answers 404 is reported "API not available"):
 * (a) the department's readiness table, (b) the available qualified volunteers for a skill at an institution
 * in a wave's dates, (c) committing 375 assignments with the overlap checks in one transaction, (d) 50
 * concurrent conflicting requests for the same people from two pools (two app instances) → overlaps after.
 */

export type Timing = { n: number; p50: number; p95: number; max: number };
export type Part = { raw: Timing; api: Timing | string };
export type VolunteersResult = {
  date: string;
  machine: string;
  quick: boolean;
  size: VolunteersSize;
  counts: VolunteersData['counts'];
  buildMs: number;
  readiness: Part;
  candidates: Part & { found: number };
  commit: { raw: Timing; api: Timing | string; rows: number };
  conflicts: {
    raw: {
      requests: number;
      committed: number;
      refused: number;
      errors: number;
      overlaps: number;
      ms: number;
    };
    api: string | { requests: number; ok: number; refused: number; overlaps: number; ms: number };
  };
};

const log = (m: string) =>
  process.stderr.write(`[bench volunteers ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

export function timing(xs: number[]): Timing {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

export async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  await run(-1); // warm-up: plan cached, pages in memory
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** (a) Per institution under the department's root: registered, ready, deployed now, by group. */
export const readinessSql = (rootPath: string, today: string) => sql`
  SELECT p.org_id, p.grp, count(*)::int AS registered,
         count(*) FILTER (WHERE p.status = 'ready')::int AS ready,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM volunteer_assignments a WHERE a.person_id = p.person_id AND a.profile_id = p.id
                          AND a.status IN ('assigned', 'deployed') AND ${today}::date <@ daterange(a.starts_on, coalesce(a.ended_on, a.ends_on), '[]')))::int AS deployed
  FROM volunteer_profiles p WHERE p.org_path <@ ${rootPath}::ltree AND p.status <> 'withdrawn'
  GROUP BY p.org_id, p.grp`;

/** (b) Ready or returned volunteers of an institution holding the skill unexpired, with no assignment overlapping. */
export const candidatesSql = (orgId: number, skill: string, from: string, to: string) => sql`
  SELECT p.id, p.person_id FROM volunteer_profiles p
  JOIN volunteer_qualifications q ON q.profile_id = p.id AND q.skill = ${skill}
   AND (q.expires_on IS NULL OR q.expires_on >= ${to}::date)
  WHERE p.org_id = ${orgId} AND p.status IN ('ready', 'returned')
    AND NOT EXISTS (SELECT 1 FROM volunteer_assignments a WHERE a.person_id = p.person_id AND a.status <> 'cancelled'
                    AND daterange(a.starts_on, coalesce(a.ended_on, a.ends_on), '[]') && daterange(${from}::date, ${to}::date, '[]'))
  ORDER BY p.id LIMIT 500`;

type Pick = { profileId: number; personId: number; orgPath: string };

/** (c)/(d) One deployment request: lock the persons, check overlaps, insert the others set-based. */
export async function commitAssignments(
  db: Db,
  wave: { id: number; destinationId: number },
  issuerPath: string,
  picks: Pick[],
  from: string,
  to: string,
): Promise<{ committed: number; refused: number }> {
  return db.transaction(async (tx) => {
    await lockDeployments(
      tx,
      picks.map((p) => p.personId),
    );
    const clash = await overlappingAssignments(
      tx,
      picks.map((p) => ({ personId: p.personId, startsOn: from, endsOn: to })),
    );
    const bad = new Set(clash.map((c) => c.idx));
    const ok = picks.filter((_, i) => !bad.has(i));
    if (ok.length)
      await tx.execute(sql`
        INSERT INTO volunteer_assignments (person_id, profile_id, wave_id, destination_id, org_path, issuer_path,
                                           starts_on, ends_on, status)
        SELECT x.person_id, x.profile_id, ${wave.id}, ${wave.destinationId}, x.org_path::ltree, ${issuerPath}::ltree,
               ${from}, ${to}, 'assigned'
        FROM jsonb_to_recordset(${JSON.stringify(ok.map((p) => ({ person_id: p.personId, profile_id: p.profileId, org_path: p.orgPath })))}::jsonb)
          AS x(person_id int, profile_id int, org_path text)`);
    return { committed: ok.length, refused: bad.size };
  });
}

export async function overlapsIn(db: Db, waveIds: number[]): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM volunteer_assignments a JOIN volunteer_assignments b
          ON a.person_id = b.person_id AND a.id < b.id AND a.status <> 'cancelled' AND b.status <> 'cancelled'
         AND daterange(a.starts_on, coalesce(a.ended_on, a.ends_on), '[]') && daterange(b.starts_on, coalesce(b.ended_on, b.ends_on), '[]')
        WHERE a.wave_id = ANY(${`{${waveIds.join(',')}}`}::int[]) OR b.wave_id = ANY(${`{${waveIds.join(',')}}`}::int[])`,
  );
  return r!.n;
}

export async function pickVolunteers(db: Db, n: number, offset: number): Promise<Pick[]> {
  return rows<Pick>(
    db,
    sql`SELECT id AS "profileId", person_id AS "personId", org_path::text AS "orgPath" FROM volunteer_profiles
        WHERE status = 'ready' ORDER BY md5(id::text) OFFSET ${offset} LIMIT ${n}`,
  );
}

const PG_DB = 'chungtay_bench_volunteers';

async function freshDatabase(): Promise<string> {
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
  return u.toString(); // left in place for inspection; the next run drops it
}

async function startApp(database: Database) {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: '/tmp/x',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const app = await buildApp({ database, db: database.db, clock: systemClock, config }, modules);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

export async function runVolunteers(quick: boolean): Promise<VolunteersResult> {
  const size: VolunteersSize = quick
    ? { people: 60_000, volunteers: 6_000, waves: 10, perWave: 600 }
    : { people: 1_000_000, volunteers: 25_000, waves: 40, perWave: 1_500 };
  const n = quick ? 20 : 100;
  const url = await freshDatabase();
  const a = await openPostgres(url);
  const b = await openPostgres(url); // the second "instance": its own pool
  try {
    await a.migrate();
    log(`building ${size.people} people, ${size.volunteers} volunteers, ${size.waves} waves…`);
    const data = await buildVolunteers(a.db, size);
    log(`built in ${(data.buildMs / 1000).toFixed(1)} s: ${JSON.stringify(data.counts)}`);
    const db = a.db;
    const school = data.schools[4]!; // Trường Đại học Y Dược Hải Phòng
    const wave = await openWave(db, data.cuc, 'Bench: đợt mới', '2027-06-01', '2027-06-14');
    const readinessRaw = timing(await timed(n, () => db.execute(readinessSql(data.root.path, '2026-12-07'))));
    let found = 0;
    const candidatesRaw = timing(
      await timed(n, async () => {
        found = (await rows(db, candidatesSql(school.id, 'sampling', wave.from, wave.to))).length;
      }),
    );
    log(
      `raw: readiness p95 ${readinessRaw.p95.toFixed(1)} ms, candidates p95 ${candidatesRaw.p95.toFixed(1)} ms`,
    );
    // (c) 375 in one transaction, each run in its own wave (so each run checks the same kind of work).
    const commitMs: number[] = [];
    for (let i = 0; i < (quick ? 3 : 5); i++) {
      const w = await openWave(db, data.cuc, `Bench: 375 #${i}`, '2027-08-01', '2027-08-10');
      const picks = await pickVolunteers(db, 375, i * 375);
      const t0 = performance.now();
      const r = await commitAssignments(db, w, data.cuc.path, picks, w.from, w.to);
      commitMs.push(performance.now() - t0);
      if (r.committed !== 375) throw new Error(`commit 375: ${JSON.stringify(r)}`);
    }
    // (d) 50 concurrent requests for the same 10 people, overlapping dates, from two pools.
    const target = await pickVolunteers(db, 10, 5_000 % size.volunteers);
    const cw = await openWave(db, data.cuc, 'Bench: xung đột', '2028-01-01', '2028-01-31');
    const t0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => {
        const from = `2028-01-${String(1 + (i % 10)).padStart(2, '0')}`;
        const to = `2028-01-${String(12 + (i % 10)).padStart(2, '0')}`;
        return commitAssignments((i % 2 ? b : a).db, cw, data.cuc.path, target, from, to);
      }),
    );
    const conflictsMs = performance.now() - t0;
    const okd = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    const rawConflicts = {
      requests: 50,
      committed: okd.reduce((s, r) => s + r.committed, 0),
      refused: okd.reduce((s, r) => s + r.refused, 0),
      errors: results.length - okd.length,
      overlaps: await overlapsIn(db, [cw.id]),
      ms: conflictsMs,
    };
    log(`raw: commit 375 ${timing(commitMs).p50.toFixed(0)} ms; conflicts ${JSON.stringify(rawConflicts)}`);
    const user = await buildUser(db, { grants: [{ org: data.root, role: 'mobilisation_officer' }] });
    const appA = await startApp(a);
    const appB = await startApp(b);
    try {
      const api = await apiPart({ db, data, user, bases: [appA.base, appB.base], n, quick, school, wave });
      return {
        date: new Date().toISOString(),
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
        quick,
        size,
        counts: data.counts,
        buildMs: data.buildMs,
        readiness: { raw: readinessRaw, api: api.readiness },
        candidates: { raw: candidatesRaw, api: api.candidates, found },
        commit: { raw: timing(commitMs), api: api.commit, rows: 375 },
        conflicts: { raw: rawConflicts, api: api.conflicts },
      };
    } finally {
      await appA.app.close();
      await appB.app.close();
    }
  } finally {
    await a.close();
    await b.close();
  }
}

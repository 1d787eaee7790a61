import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { findCandidates, historyOf } from '../src/modules/blood/clubs/callouts.repo.ts';
import { listDonationsOfPerson } from '../src/modules/blood/donors/donations.repo.ts';
import { donorFacts, rulesOn } from '../src/modules/blood/donors/eligibility.repo.ts';
import { eligibility } from '../src/modules/blood/donors/eligibility.rules.ts';
import { insertBooking, liveBookingOf, takePlace } from '../src/modules/blood/drives/bookings.repo.ts';
import { checkEligibleOn } from '../src/modules/blood/drives/bookings.service.ts';
import { modules } from '../src/modules/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, type Db, openPostgres, rows } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { buildUser } from '../test/helpers/factories.ts';
import { apiPart } from './blood-api.ts';
import {
  type BloodData,
  type BloodSize,
  buildBlood,
  eligibleDonors,
  liveDrive,
  openDrive,
} from './blood-data.ts';

/**
 * Issue 12's benchmark, on PostgreSQL only (DATABASE_URL or BENCH_PG_URL as in bench/run.ts): the dataset of
 * bench/blood-data.ts, then each goal measured as raw SQL (the module's own repo reads, here) and through the
 * HTTP API (bench/blood-api.ts) in the same run: (a) a donor's eligibility and history, (b) the rare-blood
 * call-out's candidate search (O Rh−, a province, eligible on the day), (c) a drive's live funnel, (d) a booking
 * rush on 300 slots from two pools / two app instances → overbookings after.
 */

export type Timing = { n: number; p50: number; p95: number; p99: number; max: number };
export type Rush = {
  attempts: number;
  booked: number;
  refused: number;
  errors: number;
  overbooked: number;
  latency: Timing;
  ms: number;
};
export type BloodResult = {
  date: string;
  machine: string;
  quick: boolean;
  size: BloodSize;
  counts: BloodData['counts'];
  buildMs: BloodData['buildMs'];
  eligibility: { raw: Timing; api: Timing };
  history: { raw: Timing; api: Timing };
  callout: { raw: Timing; api: Timing; candidates: number; eligible: number };
  funnel: { raw: Timing; api: Timing; bookings: number };
  rush: { slots: number; places: number; raw: Rush; api: Rush };
};

const log = (m: string) =>
  process.stderr.write(`[bench blood ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

export function timing(xs: number[]): Timing {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? 0 };
}

export async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  await run(-1); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** (b) What POST /api/blood/callouts does before writing: candidates, their history, the day's rules, the filter. */
export async function calloutSearch(db: Db, provinceCode: string, day: string) {
  return db.transaction(async (tx) => {
    const candidates = await findCandidates(tx, { abo: 'O', rh: 'neg', provinceCode, clubId: null, day });
    const history = await historyOf(
      tx,
      candidates.map((c) => c.personId),
      day,
    );
    const rules = await rulesOn(tx, day);
    const eligible = candidates.filter(
      (c) =>
        eligibility({ ...c, history: history.filter((h) => h.personId === c.personId) }, rules, day).eligible,
    );
    return { candidates: candidates.length, eligible: eligible.length };
  });
}

/** (c) The funnel as a bare GROUP BY over the drive's bookings. */
const funnelSql = (driveId: number) => sql`
  SELECT slot_id, status, channel, count(*)::int AS n FROM drive_bookings WHERE drive_id = ${driveId}
  GROUP BY slot_id, status, channel`;

/** Slots holding more than their capacity, by the counter or by their live bookings. */
export async function overbooked(db: Db, driveId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM drive_slots s
        WHERE s.drive_id = ${driveId} AND (s.booked > s.capacity OR (SELECT count(*) FROM drive_bookings b
          WHERE b.slot_id = s.id AND b.status NOT IN ('cancelled', 'late_cancelled')) > s.capacity)`,
  );
  return r!.n;
}

const PG_DB = 'chungtay_bench_blood';

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

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function runBlood(quick: boolean): Promise<BloodResult> {
  const size: BloodSize = quick
    ? { donors: 40_000, maxAttempts: 9 }
    : { donors: Number(process.env.BENCH_BLOOD_DONORS ?? 2_000_000), maxAttempts: 9 };
  const rush = quick
    ? { attempts: 400, slots: 60, capacity: 5 }
    : { attempts: 2_000, slots: 300, capacity: 5 };
  const n = quick ? 20 : 100;
  const url = await freshDatabase();
  const a = await openPostgres(url);
  const b = await openPostgres(url); // the second "instance": its own pool
  try {
    await a.migrate();
    log(`building ${size.donors} donors with 1–${size.maxAttempts} attempts each…`);
    const data = await buildBlood(a.db, size);
    log(
      `built in ${(data.buildMs.total / 1000).toFixed(1)} s: ${JSON.stringify(data.counts)} ${JSON.stringify(data.buildMs)}`,
    );
    const db = a.db;
    const donors = await rows<{ personId: number; donorId: number }>(
      db,
      sql`SELECT person_id AS "personId", id AS "donorId" FROM donor_profiles ORDER BY md5(id::text) LIMIT ${n + 1}`,
    );
    const eligRaw = timing(
      await timed(n, async (i) => {
        const d = donors[i + 1]!;
        const facts = await donorFacts(db, d.personId);
        eligibility(facts!, await rulesOn(db, data.today), data.today);
      }),
    );
    const historyRaw = timing(await timed(n, (i) => listDonationsOfPerson(db, donors[i + 1]!.personId)));
    const tomorrow = addDays(data.today, 1);
    const [big] = await rows<{ code: string }>(
      db,
      sql`SELECT home_province_code AS code FROM donor_profiles WHERE abo = 'O' AND rh = 'neg'
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    let found = { candidates: 0, eligible: 0 };
    const calloutRaw = timing(
      await timed(n, async () => {
        found = await calloutSearch(db, big!.code, tomorrow);
      }),
    );
    const funnelBookings = quick ? 400 : 2_000;
    const live = await liveDrive(db, data.root, data.today, funnelBookings);
    const funnelRaw = timing(await timed(n, () => db.execute(funnelSql(live.id))));
    log(
      `raw: eligibility p95 ${eligRaw.p95.toFixed(1)}, call-out p95 ${calloutRaw.p95.toFixed(1)} (${JSON.stringify(found)}), funnel p95 ${funnelRaw.p95.toFixed(1)} ms`,
    );
    // (d) raw: the repo's booking steps in one transaction each, all at once, alternately on the two pools.
    const driveDay = addDays(data.today, 14);
    const people = await eligibleDonors(db, driveDay, rush.attempts);
    if (people.length < rush.attempts) throw new Error(`only ${people.length} eligible donors for the rush`);
    const user = await buildUser(db, { grants: [{ org: data.root, role: 'blood_organiser' }] });
    const rawDrive = await openDrive(
      db,
      data.root,
      'Bench: đặt chỗ (SQL)',
      driveDay,
      rush.slots,
      rush.capacity,
    );
    const rawRush = await burst(rush.attempts, async (i) => {
      const pool = (i % 2 ? b : a).db;
      const slotId = rawDrive.slotIds[i % rush.slots]!;
      return pool.transaction(async (tx) => {
        if (await liveBookingOf(tx, rawDrive.id, people[i]!.personId)) return 409;
        await checkEligibleOn(tx, people[i]!.personId, driveDay, true);
        if (!(await takePlace(tx, rawDrive.id, slotId))) return 409;
        await insertBooking(tx, {
          driveId: rawDrive.id,
          slotId,
          personId: people[i]!.personId,
          organiserPath: data.root.path,
          channel: 'staff',
          tokenHash: null,
          createdBy: user.id,
        });
        return 201;
      });
    });
    const raw = { ...rawRush, overbooked: await overbooked(db, rawDrive.id) };
    log(`raw rush: ${JSON.stringify(raw)}`);
    const apiDrive = await openDrive(
      db,
      data.root,
      'Bench: đặt chỗ (API)',
      driveDay,
      rush.slots,
      rush.capacity,
    );
    const appA = await startApp(a);
    const appB = await startApp(b);
    try {
      const api = await apiPart({
        user,
        bases: [appA.base, appB.base],
        n,
        root: data.root,
        donors,
        province: big!.code,
        tomorrow,
        funnelDrive: live.id,
        rushDrive: apiDrive,
        people,
      });
      return {
        date: new Date().toISOString(),
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
        quick,
        size,
        counts: data.counts,
        buildMs: data.buildMs,
        eligibility: { raw: eligRaw, api: api.eligibility },
        history: { raw: historyRaw, api: api.history },
        callout: { raw: calloutRaw, api: api.callout, ...found },
        funnel: { raw: funnelRaw, api: api.funnel, bookings: funnelBookings },
        rush: {
          slots: rush.slots,
          places: rush.slots * rush.capacity,
          raw,
          api: { ...api.rush, overbooked: await overbooked(db, apiDrive.id) },
        },
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

/** `attempts` calls started at once; each one's latency, and how they ended (2xx booked, 409 refused). */
export async function burst(
  attempts: number,
  one: (i: number) => Promise<number>,
): Promise<Omit<Rush, 'overbooked'>> {
  const t0 = performance.now();
  const got = await Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      const s = performance.now();
      const status = await one(i).catch(() => 500);
      return { status, ms: performance.now() - s };
    }),
  );
  return {
    attempts,
    booked: got.filter((g) => g.status < 300).length,
    refused: got.filter((g) => g.status >= 400 && g.status < 500).length,
    errors: got.filter((g) => g.status >= 500).length,
    latency: timing(got.map((g) => g.ms)),
    ms: performance.now() - t0,
  };
}

import os from 'node:os';
import { sql } from 'drizzle-orm';
import { findCandidates, historyOf } from '../src/modules/blood/clubs/callouts.repo.ts';
import { listDonationsOfPerson } from '../src/modules/blood/donors/donations.repo.ts';
import { findDonorFacts } from '../src/modules/blood/donors/donors.repo.ts';
import { rulesOn } from '../src/modules/blood/donors/eligibility.repo.ts';
import { eligibility } from '../src/modules/blood/donors/eligibility.rules.ts';
import { type Db, openPostgres, rows } from '../src/platform/db/database.ts';
import { buildUser } from '../test/helpers/factories.ts';
import { call, cpuOf, type Instance, startInstances, stopInstances } from './blood-api.ts';
import { type BloodData, type BloodSize, eligibleDonors, liveDrive, openDrive } from './blood-data.ts';
import { type Dataset, runDatabase } from './blood-dataset.ts';
import {
  backendCpu,
  backendCpuSpent,
  burst,
  type MeasuredRun,
  openArrival,
  overbooked,
  pooled,
  type Rush,
  type RushRun,
  rawBooking,
  type Timing,
  timing,
} from './blood-rush.ts';

export { type Rush, type Timing, timing } from './blood-rush.ts';

/**
 * Issue 12's benchmark, on PostgreSQL only (DATABASE_URL or BENCH_PG_URL as in bench/run.ts): the dataset of
 * bench/blood-data.ts (kept and copied per run: bench/blood-dataset.ts), two app instances as child processes
 * (bench/blood-api.ts), then each goal measured through the HTTP API and as raw SQL (the module's own repo
 * reads) side by side — alternately, request by request, so both see the same machine: (a) a donor's
 * eligibility and history, (b) the rare-blood call-out (O Rh−, a province, eligible on the day), (c) a drive's
 * live funnel, (d) a booking rush on 300 slots from two instances / two pools, as an instant burst and as an
 * open arrival at a fixed rate (bench/blood-rush.ts) → latency and overbookings.
 */

export type Pair = { raw: Timing; api: Timing };
export type BloodResult = {
  date: string;
  machine: string;
  /** The 1-minute load average before and after the measurements (the machine is shared). */
  load: [number, number];
  quick: boolean;
  size: BloodSize;
  counts: BloodData['counts'];
  buildMs: BloodData['buildMs'];
  dataset: Dataset;
  /** Connections per pool: each app instance's, and each of the two raw pools'. */
  poolSize: number;
  eligibility: Pair;
  history: Pair;
  callout: Pair & { candidates: number; eligible: number };
  funnel: Pair & { bookings: number };
  rush: {
    slots: number;
    places: number;
    burst: { raw: Rush; api: Rush };
    /** At each rate asked, from the slowest. */
    open: { perSecond: number; raw: Rush; api: Rush }[];
  };
};

const log = (m: string) =>
  process.stderr.write(`[bench blood ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** `n` runs of `raw` and of `api`, alternately (one warm-up each): both measured under the same conditions. */
export async function pair(
  n: number,
  raw: (i: number) => Promise<unknown>,
  api: (i: number) => Promise<unknown>,
): Promise<Pair> {
  await raw(-1);
  await api(-1);
  const r: number[] = [];
  const a: number[] = [];
  const time = async (f: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await f();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < n; i++) {
    // Who goes first alternates too: neither always meets the cache the other just warmed.
    if (i % 2) {
      await time(() => raw(i), r);
      await time(() => api(i), a);
    } else {
      await time(() => api(i), a);
      await time(() => raw(i), r);
    }
  }
  return { raw: timing(r), api: timing(a) };
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

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function runBlood(quick: boolean): Promise<BloodResult> {
  const size: BloodSize = quick
    ? { donors: 40_000, maxAttempts: 9 }
    : { donors: Number(process.env.BENCH_BLOOD_DONORS ?? 2_000_000), maxAttempts: 9 };
  const rushSize = quick
    ? { attempts: 400, slots: 60, capacity: 5 }
    : { attempts: 2_000, slots: 300, capacity: 5 };
  // The open arrival's rates: 2,000 attempts over 40, 20 and 10 s — a registration opening, at rates from one
  // this shared 2-core machine sustains to one it may not (BENCH_BLOOD_RUSH_RATES=… to choose others).
  const rates = (process.env.BENCH_BLOOD_RUSH_RATES ?? (quick ? '100,200' : '50,100,200'))
    .split(',')
    .map(Number);
  // Connections per pool: 4 per instance (8 in all) keeps a 2-core database busy without making its backends queue
  // for the CPU; the excess waits in each instance's pool. BENCH_BLOOD_POOL to try others.
  const poolSize = Number(process.env.BENCH_BLOOD_POOL ?? 4);
  const n = quick ? 20 : 100;
  const load0 = os.loadavg()[0]!;
  const { url, data, dataset } = await runDatabase(size);
  log(
    `dataset: ${JSON.stringify(data.counts)}, built in ${(data.buildMs.total / 1000).toFixed(1)} s ${JSON.stringify(data.buildMs)}`,
  );
  const a = await openPostgres(url, poolSize);
  const b = await openPostgres(url, poolSize); // the second raw "instance": its own pool
  const db = a.db;
  const [pgVersion] = await rows<{ v: string }>(db, sql`SELECT current_setting('server_version') AS v`);
  const user = await buildUser(db, { grants: [{ org: data.root, role: 'blood_organiser' }] });
  const instances = await startInstances({ url, poolSize }, user.username);
  const [A, B] = instances;
  const at = (i: number): Instance => (i % 2 ? B : A);
  try {
    const donors = await rows<{ personId: number; donorId: number }>(
      db,
      sql`SELECT person_id AS "personId", id AS "donorId" FROM donor_profiles ORDER BY md5(id::text) LIMIT ${2 * n + 2}`,
    );
    // Raw and API read different donors (the same one twice would find the other's pages in the cache).
    const rawDonor = (i: number) => donors[2 * (i + 1)]!;
    const apiDonor = (i: number) => donors[2 * (i + 1) + 1]!;
    const scope = { all: false as const, paths: [data.root.path] };
    const today = data.today;
    log('(a) eligibility and history…');
    const elig = await pair(
      n,
      async (i) => {
        const got = await findDonorFacts(db, scope, rawDonor(i).donorId, today);
        eligibility(got!.facts, got!.rules, today);
      },
      (i) => call(A, `/api/blood/donors/${apiDonor(i).donorId}/eligibility`),
    );
    const history = await pair(
      n,
      (i) => listDonationsOfPerson(db, rawDonor(i).personId),
      (i) => call(A, `/api/blood/donors/${apiDonor(i).donorId}/donations`),
    );
    log(`(a) eligibility p95 raw ${elig.raw.p95.toFixed(1)} / API ${elig.api.p95.toFixed(1)} ms`);
    const tomorrow = addDays(today, 1);
    const [big] = await rows<{ code: string }>(
      db,
      sql`SELECT home_province_code AS code FROM donor_profiles WHERE abo = 'O' AND rh = 'neg'
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    let found = { candidates: 0, eligible: 0 };
    const callout = await pair(
      n,
      async () => {
        found = await calloutSearch(db, big!.code, tomorrow);
      },
      () =>
        call(A, '/api/blood/callouts', {
          requesterOrgId: data.root.id,
          abo: 'O',
          rh: 'neg',
          units: 2,
          place: 'Bệnh viện Bạch Mai',
          provinceCode: big!.code,
          neededBy: `${tomorrow}T03:00:00Z`,
        }),
    );
    const funnelBookings = quick ? 400 : 2_000;
    const live = await liveDrive(db, data.root, today, funnelBookings);
    const funnel = await pair(
      n,
      () => db.execute(funnelSql(live.id)),
      () => call(A, `/api/blood/drives/${live.id}/funnel`),
    );
    log(
      `(b) call-out p95 raw ${callout.raw.p95.toFixed(1)} / API ${callout.api.p95.toFixed(1)} (${JSON.stringify(found)}); (c) funnel p95 raw ${funnel.raw.p95.toFixed(1)} / API ${funnel.api.p95.toFixed(1)} ms`,
    );

    // (d) A drive and a set of distinct eligible donors per run (each run meets cold rows, none the others'); each
    // measurement is four runs, raw SQL, API, API, raw SQL, pooled per side.
    const driveDay = addDays(today, 14);
    const k = rushSize.attempts;
    const runs = 4 * (1 + rates.length);
    const people = await eligibleDonors(db, driveDay, runs * k);
    if (people.length < runs * k) throw new Error(`only ${people.length} eligible donors for the rush`);
    let group = 0;
    const drive = async (title: string) => {
      const d = await openDrive(db, data.root, title, driveDay, rushSize.slots, rushSize.capacity);
      const g = group++;
      return { ...d, who: people.slice(g * k, (g + 1) * k).map((p) => p.personId) };
    };
    type Drive = Awaited<ReturnType<typeof drive>>;
    const raw = (d: Drive) => (i: number) =>
      rawBooking((i % 2 ? b : a).db, {
        drive: { id: d.id, organiserOrgId: data.root.id, organiserPath: data.root.path },
        slotId: d.slotIds[i % d.slotIds.length]!,
        personId: d.who[i]!,
        userId: user.id,
        since: today,
      });
    const api = (d: Drive) => (i: number) =>
      call(
        at(i),
        `/api/blood/drives/${d.id}/bookings`,
        { personId: d.who[i]!, slotId: d.slotIds[i % d.slotIds.length]! },
        [201, 409],
      );
    /**
     * One run on a fresh drive, with the CPU it cost (the instances' for the API, this process's for raw SQL, the
     * database backends' for both) and the drive's slots checked after it.
     */
    const measured = async (
      side: 'raw' | 'api',
      title: string,
      run: (one: (i: number) => Promise<number>) => Promise<RushRun>,
    ): Promise<MeasuredRun> => {
      const d = await drive(`${title} (${side === 'api' ? 'API' : 'SQL'})`);
      const cpu = async () =>
        side === 'api' ? cpuOf(instances) : (process.cpuUsage().user + process.cpuUsage().system) / 1000;
      const load = os.loadavg()[0]!;
      const [c0, b0] = [await cpu(), await backendCpu(db)];
      const r = await run(side === 'api' ? api(d) : raw(d));
      const [c1, b1] = [await cpu(), await backendCpu(db)];
      const done = {
        ...r,
        overbooked: await overbooked(db, d.id),
        cpuMs: c1 - c0,
        dbCpuMs: backendCpuSpent(b0, b1),
        load,
      };
      const t = timing(r.samples);
      log(
        `  ${side}: ${done.booked} booked, ${done.overbooked} overbooked, ${done.errors} errors, ${done.ms.toFixed(0)} ms, p50 ${t.p50.toFixed(1)} p99 ${t.p99.toFixed(1)} ms, load ${load.toFixed(1)}`,
      );
      await new Promise((res) => setTimeout(res, 2_000));
      return done;
    };
    /** raw SQL, API, API, raw SQL: a drift of the shared machine's load during the four weighs on both sides. */
    const abba = async (title: string, run: (one: (i: number) => Promise<number>) => Promise<RushRun>) => {
      const r1 = await measured('raw', title, run);
      const a1 = await measured('api', title, run);
      const a2 = await measured('api', title, run);
      const r2 = await measured('raw', title, run);
      return { raw: pooled([r1, r2]), api: pooled([a1, a2]) };
    };
    log(`(d) burst: ${k} attempts at once, raw SQL / API / API / raw SQL…`);
    const burstPair = await abba('Bench: đặt chỗ dồn dập', (one) => burst(k, one));
    const open: BloodResult['rush']['open'] = [];
    for (const perSecond of rates) {
      log(`(d) open arrival: ${k} attempts at ${perSecond}/s, raw SQL / API / API / raw SQL…`);
      const pair = await abba(`Bench: mở đăng ký ${perSecond}/s`, (one) => openArrival(k, perSecond, one));
      open.push({ perSecond, ...pair });
    }
    const cpus = os.cpus();
    return {
      date: new Date().toISOString(),
      machine: `nproc ${cpus.length} (${cpus[0]?.model.trim() ?? 'CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, PostgreSQL ${pgVersion!.v}`,
      load: [load0, os.loadavg()[0]!],
      quick,
      size,
      counts: data.counts,
      buildMs: data.buildMs,
      dataset,
      poolSize,
      eligibility: elig,
      history,
      callout: { ...callout, ...found },
      funnel: { ...funnel, bookings: funnelBookings },
      rush: {
        slots: rushSize.slots,
        places: rushSize.slots * rushSize.capacity,
        burst: burstPair,
        open,
      },
    };
  } finally {
    await stopInstances(instances);
    await a.close();
    await b.close();
  }
}

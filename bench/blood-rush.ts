import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { eligibility } from '../src/modules/blood/donors/eligibility.rules.ts';
import { booked, bookingChecks, bookPlace } from '../src/modules/blood/drives/bookings.repo.ts';
import { linkPeopleSql } from '../src/modules/people/index.ts';
import { auditSql } from '../src/platform/audit.ts';
import { type Db, rows } from '../src/platform/db/database.ts';

/**
 * The booking rush of issue 12 (2,000 attempts on 300 slots of 5 places, two app instances / two pools), measured
 * two ways, each through the API and as raw SQL at the same concurrency, each in two runs ordered raw, API, API,
 * raw (a machine that gets busier or quieter during the four runs weighs on both sides alike) and pooled:
 * - `burst`: every attempt starts at the same instant. No server answers 2,000 simultaneous requests on 2 cores
 *   in 250 ms each: what this measures is the time to drain the queue (and that nothing is overbooked).
 * - `openArrival`: the attempts arrive at a fixed rate (a registration opening: an open system, each attempt sent
 *   at its time whether or not earlier ones have answered); latency counts from the scheduled time, so a late
 *   load generator counts against the server, never for it.
 */

export type Timing = { n: number; p50: number; p95: number; p99: number; max: number };

/** One run: a fresh drive, other donors. */
export type RushRun = {
  attempts: number;
  booked: number;
  refused: number;
  errors: number;
  /** Each attempt's latency (ms). */
  samples: number[];
  /** First start to last answer. */
  ms: number;
  /** Open arrival only: how late the load generator sent (p99, ms). */
  sentLateP99?: number;
};

/** A run as measured: its slots checked after it, the CPU it cost, the machine's 1-minute load when it started. */
export type MeasuredRun = RushRun & {
  overbooked: number;
  cpuMs: number;
  dbCpuMs: number | null;
  load: number;
};

/** Runs of one side (API or raw SQL) pooled: sums, latency over every attempt of every run, each run's own figures. */
export type Rush = {
  attempts: number;
  booked: number;
  refused: number;
  errors: number;
  overbooked: number;
  latency: Timing;
  runs: { ms: number; load: number; sentLateP99?: number; booked: number; overbooked: number }[];
  /** CPU time per attempt (ms): the two app instances' (API), or the bench process's (raw SQL: its driver work). */
  cpuMsPerAttempt: number;
  /** CPU time per attempt (ms) of the database's backends serving the runs (PostgreSQL on this machine only). */
  dbCpuMsPerAttempt: number | null;
};

export function timing(xs: number[]): Timing {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? 0 };
}

export function pooled(runs: MeasuredRun[]): Rush {
  const sum = (f: (r: MeasuredRun) => number) => runs.reduce((t, r) => t + f(r), 0);
  const attempts = sum((r) => r.attempts);
  return {
    attempts,
    booked: sum((r) => r.booked),
    refused: sum((r) => r.refused),
    errors: sum((r) => r.errors),
    overbooked: sum((r) => r.overbooked),
    latency: timing(runs.flatMap((r) => r.samples)),
    runs: runs.map(({ ms, load, sentLateP99, booked, overbooked }) => ({
      ms,
      load,
      sentLateP99,
      booked,
      overbooked,
    })),
    cpuMsPerAttempt: sum((r) => r.cpuMs) / attempts,
    dbCpuMsPerAttempt: runs.some((r) => r.dbCpuMs === null) ? null : sum((r) => r.dbCpuMs ?? 0) / attempts,
  };
}

type Outcome = { status: number; ms: number; late: number };

function summary(attempts: number, got: Outcome[], ms: number): RushRun {
  return {
    attempts,
    booked: got.filter((g) => g.status < 300).length,
    refused: got.filter((g) => g.status >= 400 && g.status < 500).length,
    errors: got.filter((g) => g.status >= 500).length,
    samples: got.map((g) => g.ms),
    ms,
  };
}

/** `attempts` calls started at once; each one's latency, and how they ended (2xx booked, 409 refused). */
export async function burst(attempts: number, one: (i: number) => Promise<number>): Promise<RushRun> {
  const t0 = performance.now();
  const got = await Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      const s = performance.now();
      const status = await one(i).catch(() => 500);
      return { status, ms: performance.now() - s, late: 0 };
    }),
  );
  return summary(attempts, got, performance.now() - t0);
}

/** `attempts` calls arriving `perSecond` (attempt i at i / perSecond s); latency from each one's scheduled time. */
export async function openArrival(
  attempts: number,
  perSecond: number,
  one: (i: number) => Promise<number>,
): Promise<RushRun> {
  const t0 = performance.now() + 20;
  const got = await Promise.all(
    Array.from(
      { length: attempts },
      (_, i) =>
        new Promise<Outcome>((resolve) => {
          const at = t0 + (i * 1000) / perSecond;
          setTimeout(
            async () => {
              const late = performance.now() - at;
              const status = await one(i).catch(() => 500);
              resolve({ status, ms: performance.now() - at, late });
            },
            Math.max(0, at - performance.now()),
          );
        }),
    ),
  );
  return {
    ...summary(attempts, got, performance.now() - t0),
    sentLateP99: timing(got.map((g) => g.late)).p99,
  };
}

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

/**
 * The raw SQL of one booking: the two statements the API sends for it after the session's — bookings.repo's
 * `bookingChecks` (one read: drive, person in scope, live booking, slot, facts and rules) and `bookPlace` (one
 * statement: guarded counter, booking, waiter, link and audit entry). 201 booked, 409 refused (duplicate,
 * ineligible, full).
 */
export async function rawBooking(
  db: Db,
  b: {
    drive: { id: number; organiserOrgId: number; organiserPath: string };
    slotId: number;
    personId: number;
    userId: number;
    since: string;
  },
): Promise<number> {
  const check = await bookingChecks(db, {
    driveId: b.drive.id,
    slotId: b.slotId,
    personId: b.personId,
    scope: { all: false, paths: [b.drive.organiserPath] },
    healthScope: { all: false, paths: [] }, // the bench's organiser, as through the API: no blood.health
  });
  if (!check?.personInScope || check.alreadyBooked || check.slotStartsAt === null) return 409;
  if (!eligibility(check.facts, check.rules, check.drive.driveDate).eligible) return 409;
  const who = {
    actor: { userId: b.userId, username: 'bench' },
    meta: { ip: '127.0.0.1', userAgent: null, requestId: 'bench' },
  };
  try {
    const row = await bookPlace(
      db,
      {
        driveId: b.drive.id,
        slotId: b.slotId,
        personId: b.personId,
        organiserPath: b.drive.organiserPath,
        channel: 'staff',
        tokenHash: null,
        createdBy: b.userId,
      },
      [
        linkPeopleSql(
          [
            {
              personId: b.personId,
              orgId: b.drive.organiserOrgId,
              orgPath: b.drive.organiserPath,
              purpose: 'blood',
              since: b.since,
            },
          ],
          booked.made,
        ),
        auditSql(
          who,
          {
            action: 'blood.booking.staff',
            entityType: 'drive_booking',
            entityId: booked.id,
            orgId: b.drive.organiserOrgId,
            orgPath: b.drive.organiserPath,
            after: { driveId: b.drive.id, slotId: b.slotId, personId: b.personId, channel: 'staff' },
          },
          booked.made,
        ),
      ],
    );
    return row ? 201 : 409;
  } catch (e) {
    if ((e as { code?: string; cause?: { code?: string } }).code === '23505') return 409;
    if ((e as { cause?: { code?: string } }).cause?.code === '23505') return 409;
    throw e;
  }
}

/**
 * CPU time used so far (ms) by each backend of the current database, by pid, read from /proc (the server runs on
 * this machine; utime + stime in clock ticks of 10 ms). Null where /proc is not readable (a remote server).
 */
export async function backendCpu(db: Db): Promise<Map<number, number> | null> {
  const pids = await rows<{ pid: number }>(
    db,
    sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  const out = new Map<number, number>();
  for (const { pid } of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null) return null;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(pid, (Number(f[11]) + Number(f[12])) * 10);
  }
  return out;
}

/** The backends' CPU (ms) between two `backendCpu` readings: backends started in between count from zero. */
export function backendCpuSpent(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

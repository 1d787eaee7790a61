import { sql } from 'drizzle-orm';
import { type Clock, vnToday } from './clock.ts';
import { type Db, rows } from './db/database.ts';
import { type Mailer, noMailer } from './mailer.ts';
import type { ModuleDef } from './modules.ts';

/** What a job receives. `today` is the Vietnamese calendar day the run was claimed for. */
export type JobCtx = { db: Db; clock: Clock; today: string; log: SchedulerLog; mailer: Mailer };
/** A job may return a short summary; it is stored as `ok: <summary>` in `scheduled_jobs.last_result`. */
export type JobRun = (job: JobCtx) => Promise<string | undefined>;
export type SchedulerLog = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};
export type TickResult = { name: string; ran: boolean; result?: string };
/** `notBeforeHour`: the Vietnamese hour (0–23) from which the day's run may start, e.g. 7 for office hours. */
export type DailyJobOptions = { notBeforeHour?: number };

export type Scheduler = {
  /** A job run at most once per Vietnamese calendar day across every instance sharing the database. */
  registerDailyJob: (name: string, run: JobRun, options?: DailyJobOptions) => void;
  /**
   * Work done on every tick by every instance (e.g. sending queued e-mail): it must claim its own rows so
   * that two instances never do the same piece twice.
   */
  registerTickTask: (name: string, run: JobRun) => void;
  /** One pass: claims and runs due daily jobs, then tick tasks. Never throws; overlapping calls share one pass. */
  tick: () => Promise<TickResult[]>;
  /** Ticks once after `firstTickMs` (not blocking the caller), then every `intervalMs`. */
  start: () => void;
  /** Stops the timer and waits for a pass in progress, so the database can close after it. */
  stop: () => Promise<void>;
};

const silentLog: SchedulerLog = { info: () => {}, error: () => {} };

/**
 * A daily-job runner that survives restarts and runs each job once a day however many app instances share
 * one database: the day is claimed with an atomic UPDATE of `scheduled_jobs.last_run_on`, so the state is a
 * row, never process memory. A restart later the same day finds the day claimed; a restart after a missed day
 * finds an older date and runs. A failing job is logged, its error stored, and its claim released so the next
 * tick retries (jobs are written to be idempotent: reminders are deduplicated per user and reason).
 */
export function createScheduler(opts: {
  db: Db;
  clock: Clock;
  log?: SchedulerLog;
  mailer?: Mailer;
  intervalMs?: number;
  firstTickMs?: number;
}): Scheduler {
  const { db, clock } = opts;
  const log = opts.log ?? silentLog;
  const mailer = opts.mailer ?? noMailer;
  const daily: { name: string; run: JobRun; notBeforeHour: number }[] = [];
  const perTick: { name: string; run: JobRun }[] = [];
  let running: Promise<TickResult[]> | null = null;
  let timers: NodeJS.Timeout[] = [];

  async function runOne(name: string, run: JobRun, today: string): Promise<string> {
    try {
      const summary = await run({ db, clock, today, log, mailer });
      return summary ? `ok: ${summary}` : 'ok';
    } catch (err) {
      log.error({ err, job: name }, `Scheduled job ${name} failed`);
      return `error: ${err instanceof Error ? err.message : String(err)}`.slice(0, 1000);
    }
  }

  async function runDaily(name: string, run: JobRun, today: string): Promise<TickResult> {
    const prev = await claimDay(db, name, today);
    if (prev === undefined) return { name, ran: false };
    log.info({ job: name, day: today }, `Scheduled job ${name} started`);
    const result = await runOne(name, run, today);
    await db.execute(sql`UPDATE scheduled_jobs
      SET last_result = ${result}, last_run_on = ${result.startsWith('ok') ? today : prev}::date
      WHERE name = ${name}`);
    log.info({ job: name, day: today, result }, `Scheduled job ${name} finished`);
    return { name, ran: true, result };
  }

  async function pass(): Promise<TickResult[]> {
    const today = vnToday(clock);
    const hour = new Date(clock.now().getTime() + 7 * 3600_000).getUTCHours(); // Vietnam: UTC+7, no DST
    const results: TickResult[] = [];
    for (const job of daily) {
      if (hour < job.notBeforeHour) {
        results.push({ name: job.name, ran: false });
        continue;
      }
      try {
        results.push(await runDaily(job.name, job.run, today));
      } catch (err) {
        // The database failed around the run (unreachable…): the next tick tries again.
        log.error({ err, job: job.name }, `Scheduled job ${job.name} could not be claimed or recorded`);
        results.push({ name: job.name, ran: false, result: 'error: database' });
      }
    }
    for (const task of perTick) {
      const result = await runOne(task.name, task.run, today);
      results.push({ name: task.name, ran: true, result });
    }
    return results;
  }

  const tick = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    registerDailyJob: (name, run, options) => {
      if (daily.some((j) => j.name === name)) throw new Error(`Daily job ${name} is registered twice`);
      daily.push({ name, run, notBeforeHour: options?.notBeforeHour ?? 0 });
    },
    registerTickTask: (name, run) => {
      perTick.push({ name, run });
    },
    tick,
    start: () => {
      if (timers.length) return;
      // unref: the timer never keeps a process alive that has nothing else to do (CLI, tests).
      timers = [
        setTimeout(() => void tick(), opts.firstTickMs ?? 5_000).unref(),
        setInterval(() => void tick(), opts.intervalMs ?? 10 * 60_000).unref(),
      ];
    },
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      timers = [];
      await running;
    },
  };
}

/** Registers the jobs the modules' manifests declare; a tick task that sends mail only when mail is set up. */
export function registerModuleJobs(
  scheduler: Scheduler,
  modules: readonly ModuleDef[],
  mailer: Mailer,
): void {
  for (const m of modules)
    for (const job of m.jobs ?? []) {
      if (job.kind === 'daily') scheduler.registerDailyJob(job.name, job.run, job.options);
      else if (!job.needsMailer || mailer.isEnabled) scheduler.registerTickTask(job.name, job.run);
    }
}

/**
 * Claims `today` for a job: only the caller whose UPDATE changes the row runs it (concurrent updates of one
 * row are serialised by PostgreSQL, and the loser re-checks `last_run_on` and finds it taken). Answers the
 * previous `last_run_on` (null when never run) to restore on failure, or undefined when the day is taken.
 */
async function claimDay(db: Db, name: string, today: string): Promise<string | null | undefined> {
  await db.execute(sql`INSERT INTO scheduled_jobs (name) VALUES (${name}) ON CONFLICT DO NOTHING`);
  const [row] = await rows<{ prev: string | null }>(
    db,
    sql`WITH before AS (SELECT last_run_on::text AS prev FROM scheduled_jobs WHERE name = ${name})
        UPDATE scheduled_jobs SET last_run_on = ${today}::date, last_run_at = now()
        WHERE name = ${name} AND (last_run_on IS NULL OR last_run_on < ${today}::date)
        RETURNING (SELECT prev FROM before) AS prev`,
  );
  return row ? row.prev : undefined;
}

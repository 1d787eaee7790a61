import { planIndicators, plans } from '../src/modules/plans/plans.tables.ts';
import { type Db, rows, sql, type Tx } from '../src/platform/db/database.ts';
import { indicatorDefs, type PlansForest, type Slot } from './plans-fixtures.ts';

/**
 * The plans benchmark's dataset, on the forest bench/build-forest.ts made: one issued monthly plan of the
 * national root with 20 indicators, a hash-chosen sample of grassroots unions as reporters, every
 * month's reports and values, and the plan_rollups rows the app's per-submission roll-up would hold —
 * all with set-based SQL (one `INSERT … SELECT` per table and month), never row by row.
 */

/** reporters × 20 indicators × months ≈ the values; the last month keeps missing/draft/late reports. */
export type PlansSpec = {
  reporters: number;
  months: number;
  missingPct: number;
  draftPct: number;
  latePct: number;
};

export type PlanData = {
  planId: number;
  periodKey: string;
  firstPeriod: string;
  months: number;
  indicators: { id: number; kind: string }[];
  reporters: number;
  reportersInProvince: number;
  reports: number;
  values: number;
  rollups: number;
  targets: number;
  lastMonth: { expected: number; counted: number; drafts: number; late: number; missing: number };
  /** Reporters with no report at all for the last month: each gives one real, new submission. */
  freeSlots: Slot[];
  buildMs: {
    reports: number;
    values: number;
    rollups: number;
    targets: number;
    analyze: number;
    total: number;
  };
  bytes: { reports: number; values: number; rollups: number; database: number };
  /** When the plan tables were loaded (buildMs is that load's). */
  loadedAt: string;
  /** Set when an earlier run's load was measured again: how long putting its last month back took. */
  reuse: { resetMs: number } | null;
};

const LAST_MONTH = '2025-12-01';
const DUE_DAYS = 10;

async function one<T>(db: Db, q: ReturnType<typeof sql>): Promise<T> {
  return (await rows<T>(db, q))[0]!;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** 'YYYY-MM' of the months of the plan, oldest first, ending with December 2025. */
function monthsOf(spec: PlansSpec): string[] {
  return Array.from({ length: spec.months }, (_, i) => {
    const d = new Date(`${LAST_MONTH}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - (spec.months - 1 - i));
    return d.toISOString().slice(0, 7);
  });
}

async function insertPlan(db: Db, forest: PlansForest, months: string[]): Promise<number> {
  const creator = await one<{ id: number }>(db, sql`SELECT id FROM users WHERE username = 'bench.national'`);
  const [plan] = await db
    .insert(plans)
    .values({
      issuerOrgId: forest.root.id,
      issuerPath: forest.root.path,
      kind: 'plan',
      number: '99/KH-TLĐ',
      title: `Kế hoạch theo dõi công tác ATVSLĐ và hoạt động công đoàn ${months[0]!.slice(0, 4)}–2025 (dữ liệu benchmark)`,
      issuedOn: `${Number(months[0]!.slice(0, 4)) - 1}-12-15`,
      periodStart: `${months[0]}-01`,
      periodEnd: '2025-12-31',
      legalBases: ['Luật An toàn, vệ sinh lao động 2015'],
      status: 'issued',
      reportPeriodType: 'monthly',
      reportDueDays: DUE_DAYS,
      createdBy: creator.id,
    })
    .returning({ id: plans.id });
  await db.insert(planIndicators).values(
    indicatorDefs.map((d, position) => ({
      planId: plan!.id,
      position,
      code: d.code,
      name: d.name,
      unit: d.unit,
      kind: d.kind,
      numeratorLabel: d.num ?? null,
      denominatorLabel: d.den ?? null,
      goalPercent: d.goal ?? 100,
    })),
  );
  return plan!.id;
}

/** Grassroots unions chosen by a hash of their id: spread over every province in proportion to its size. */
async function insertReporters(db: Db, planId: number, n: number) {
  await db.execute(
    sql`INSERT INTO plan_recipients (plan_id, org_id, org_path, role)
        SELECT ${planId}, id, path, 'reporter' FROM organisations
        WHERE nlevel(path) = 4 AND status = 'active' ORDER BY hashint4(id), id LIMIT ${n}`,
  );
}

/**
 * One report per reporter and month. In the last month a hash of the unit leaves `missingPct` % with no
 * report, `draftPct` % with an unsubmitted draft and `latePct` % submitted after the due date; earlier
 * months are all accepted, `latePct` % of them late. First submissions fall at 09:00 Vietnam time.
 */
async function insertReports(db: Db | Tx, planId: number, spec: PlansSpec, months: string[]) {
  const { missingPct: m, draftPct: d, latePct: l } = spec;
  await db.execute(
    sql`INSERT INTO plan_reports (plan_id, org_id, org_path, period_key, status, due_on, first_submitted_at, submitted_at)
        SELECT ${planId}, s.org_id, s.org_path, s.period_key,
               CASE WHEN s.kind = 'draft' THEN 'draft' WHEN s.is_last THEN 'submitted' ELSE 'accepted' END,
               s.due_on, s.first_at, s.first_at
        FROM (
          SELECT r.org_id, r.org_path, to_char(mo, 'YYYY-MM') AS period_key, mo = ${LAST_MONTH}::date AS is_last,
                 k.kind, (mo + interval '1 month' - interval '1 day')::date + ${DUE_DAYS}::int AS due_on,
                 CASE k.kind
                   WHEN 'draft' THEN NULL
                   WHEN 'late' THEN ((mo + interval '1 month' - interval '1 day')::date + ${DUE_DAYS}::int + 1 + (h.h % 20)::int)::timestamp AT TIME ZONE 'UTC' + interval '2 hours'
                   ELSE ((mo + interval '1 month' - interval '1 day')::date + ${DUE_DAYS}::int - (h.h % 10)::int)::timestamp AT TIME ZONE 'UTC' + interval '2 hours'
                 END AS first_at
          FROM plan_recipients r
          CROSS JOIN generate_series(${`${months[0]}-01`}::date, ${LAST_MONTH}::date, interval '1 month') mo
          CROSS JOIN LATERAL (SELECT abs(hashint8(r.org_id::bigint * 1000 + extract(epoch FROM mo)::bigint / 86400)) % 100 AS h) h
          CROSS JOIN LATERAL (SELECT CASE
              WHEN mo = ${LAST_MONTH}::date AND h.h < ${m} THEN 'missing'
              WHEN mo = ${LAST_MONTH}::date AND h.h < ${m + d} THEN 'draft'
              WHEN mo = ${LAST_MONTH}::date AND h.h < ${m + d + l} THEN 'late'
              WHEN mo <> ${LAST_MONTH}::date AND h.h < ${l} THEN 'late'
              ELSE 'on_time' END AS kind) k
          WHERE r.plan_id = ${planId} AND r.role = 'reporter'
        ) s
        WHERE s.kind <> 'missing'
        ORDER BY s.period_key, s.org_id`,
  );
}

/**
 * All 20 values of every report of one month, from a hash of (report, indicator): counts 0–12, sums
 * 0–1000.0, ratios a numerator ≤ a denominator of 40–500, yes/no 1 for about 80% of the units.
 */
async function insertValues(db: Db | Tx, m: MonthIds) {
  await db.execute(
    sql`INSERT INTO plan_report_values (report_id, indicator_id, value, denominator)
        SELECT r.id, i.id,
               CASE i.kind WHEN 'count' THEN x.h % 13
                           WHEN 'sum' THEN round((x.h % 10001) / 10.0, 1)
                           WHEN 'ratio' THEN (x.h / 461) % (41 + x.h % 461)
                           ELSE CASE WHEN x.h % 10 < 8 THEN 1 ELSE 0 END END,
               CASE WHEN i.kind = 'ratio' THEN 40 + x.h % 461 END
        FROM plan_reports r JOIN plan_indicators i ON i.plan_id = r.plan_id
        CROSS JOIN LATERAL (SELECT abs(hashint8(r.id::bigint * 64 + i.position)) AS h) x
        WHERE r.id BETWEEN ${m.lo} AND ${m.hi}
        ORDER BY r.id, i.id`,
  );
}

/**
 * The roll-up rows of one month, as `applyRollup` leaves them after every counted report was submitted
 * once: for the reporter and each ancestor up to the issuer (ids read from the ltree path, whose labels
 * are organisation ids), the sums of value and denominator, how many values were > 0 (yes_count) and how
 * many reports were added (reports). Grouped by the ancestor level by level in one statement.
 */
async function insertRollups(db: Db | Tx, issuerPath: string, m: MonthIds) {
  await db.execute(
    sql`INSERT INTO plan_rollups (plan_id, indicator_id, period_key, org_id, value, denominator, yes_count, reports)
        SELECT r.plan_id, v.indicator_id, r.period_key, ltree2text(subpath(r.org_path, k - 1, 1))::int,
               sum(coalesce(v.value, 0)), sum(coalesce(v.denominator, 0)),
               sum(CASE WHEN coalesce(v.value, 0) > 0 THEN 1 ELSE 0 END), count(*)
        FROM plan_reports r JOIN plan_report_values v ON v.report_id = r.id
        CROSS JOIN generate_series(nlevel(${issuerPath}::ltree), nlevel(r.org_path)) k
        WHERE r.id BETWEEN ${m.lo} AND ${m.hi} AND v.report_id BETWEEN ${m.lo} AND ${m.hi}
          AND r.status IN ('submitted', 'accepted')
        GROUP BY r.plan_id, v.indicator_id, r.period_key, 4
        ORDER BY 2, 3, 4`,
  );
}

/**
 * Targets (period `*`) of the root, the provinces and the commune unions: quotas near the expected total
 * of the reporters below (mean per reporter × their number, ± 15%), ratio floors of 30–49%, 90% coverage.
 */
async function insertTargets(db: Db | Tx, planId: number, rootPath: string) {
  await db.execute(
    sql`INSERT INTO plan_targets (indicator_id, org_id, period_key, value)
        SELECT i.id, a.org_id, '*',
               CASE i.kind WHEN 'count' THEN round(a.n * 6 * (0.85 + (abs(hashint8(a.org_id * 64 + i.position)) % 31) / 100.0))
                           WHEN 'sum' THEN round(a.n * 500 * (0.85 + (abs(hashint8(a.org_id * 64 + i.position)) % 31) / 100.0))
                           WHEN 'ratio' THEN 30 + abs(hashint8(a.org_id * 64 + i.position)) % 20
                           ELSE 90 END
        FROM (SELECT ltree2text(subpath(r.org_path, k - 1, 1))::int AS org_id, count(*) AS n
              FROM plan_recipients r CROSS JOIN generate_series(nlevel(${rootPath}::ltree), 3) k
              WHERE r.plan_id = ${planId} AND r.role = 'reporter' GROUP BY 1) a
        CROSS JOIN plan_indicators i WHERE i.plan_id = ${planId}`,
  );
}

type MonthIds = { periodKey: string; lo: number; hi: number };

/**
 * One build step in its own transaction on one connection, with foreign-key triggers off (the rows are
 * consistent by construction, and the roll-up check below reads them back) and room for month-sized
 * sorts and hashes. The constraints stay in force for everything the app writes later.
 */
function bulk(db: Db, run: (tx: Tx) => Promise<unknown>) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
    await tx.execute(sql`SET LOCAL jit = off`);
    await run(tx);
  });
}

/** Plan data of an earlier run goes first: the measured state is always the freshly built one. */
async function dropPlans(db: Db) {
  await db.execute(sql`TRUNCATE plans RESTART IDENTITY CASCADE`);
  await db.execute(sql`DELETE FROM audit_log WHERE entity_type LIKE 'plan%'`);
}

async function measure(db: Db, planId: number, forest: PlansForest, last: string) {
  const c = await one<
    Pick<PlanData, 'reporters' | 'reportersInProvince' | 'reports' | 'values' | 'rollups' | 'targets'>
  >(
    db,
    sql`SELECT (SELECT count(*) FROM plan_recipients WHERE plan_id = ${planId} AND role = 'reporter')::int AS reporters,
               (SELECT count(*) FROM plan_recipients WHERE plan_id = ${planId} AND role = 'reporter'
                  AND org_path <@ ${forest.province.path}::ltree)::int AS "reportersInProvince",
               (SELECT count(*) FROM plan_reports WHERE plan_id = ${planId})::int AS reports,
               (SELECT count(*) FROM plan_report_values)::int AS values,
               (SELECT count(*) FROM plan_rollups WHERE plan_id = ${planId})::int AS rollups,
               (SELECT count(*) FROM plan_targets)::int AS targets`,
  );
  const lastMonth = await one<PlanData['lastMonth']>(
    db,
    sql`SELECT count(*)::int AS expected,
               count(rep.id) FILTER (WHERE rep.status IN ('submitted', 'accepted'))::int AS counted,
               count(rep.id) FILTER (WHERE rep.status = 'draft')::int AS drafts,
               count(rep.id) FILTER (WHERE rep.first_submitted_at >= (rep.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS late,
               count(*) FILTER (WHERE rep.first_submitted_at IS NULL)::int AS missing
        FROM plan_recipients r LEFT JOIN plan_reports rep
          ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${last}
        WHERE r.plan_id = ${planId} AND r.role = 'reporter'`,
  );
  const bytes = await one<PlanData['bytes']>(
    db,
    sql`SELECT pg_total_relation_size('plan_reports')::float8 AS reports,
               pg_total_relation_size('plan_report_values')::float8 AS values,
               pg_total_relation_size('plan_rollups')::float8 AS rollups,
               pg_database_size(current_database())::float8 AS database`,
  );
  return { ...c, lastMonth, bytes };
}

const analyzePlanTables = (db: Db) =>
  db.execute(
    sql`VACUUM ANALYZE plans, plan_indicators, plan_recipients, plan_reports, plan_report_values, plan_rollups, plan_targets`,
  );

/** Values and roll-ups of the months whose reports were just inserted (each month's reports are one id range). */
async function loadMonths(db: Db, planId: number, rootPath: string, from: string, log: (m: string) => void) {
  const ranges = await rows<MonthIds>(
    db,
    sql`SELECT period_key AS "periodKey", min(id) AS lo, max(id) AS hi FROM plan_reports
        WHERE plan_id = ${planId} AND period_key >= ${from} GROUP BY period_key ORDER BY period_key`,
  );
  const ms = { values: 0, rollups: 0 };
  for (const [i, m] of ranges.entries()) {
    ms.values += await timed(() => bulk(db, (tx) => insertValues(tx, m)));
    ms.rollups += await timed(() => bulk(db, (tx) => insertRollups(tx, rootPath, m)));
    if ((i + 1) % 12 === 0) log(`plans: ${i + 1}/${ranges.length} months loaded`);
  }
  return ms;
}

type Loaded = Pick<PlanData, 'planId' | 'periodKey' | 'firstPeriod' | 'months' | 'buildMs'> & {
  loadedAt: string;
};

/** The full load: the plan, its reporters, every month's reports, values and roll-ups, the targets. */
async function buildPlanData(
  db: Db,
  forest: PlansForest,
  spec: PlansSpec,
  log: (msg: string) => void,
): Promise<Loaded> {
  const t0 = performance.now();
  const loadedAt = new Date().toISOString();
  await dropPlans(db);
  const months = monthsOf(spec);
  const planId = await insertPlan(db, forest, months);
  await insertReporters(db, planId, spec.reporters);
  const ms = { reports: 0, values: 0, rollups: 0, targets: 0, analyze: 0, total: 0 };
  ms.reports = await timed(() => bulk(db, (tx) => insertReports(tx, planId, spec, months)));
  log(
    `plans: ${months.length} months of reports in ${(ms.reports / 1000).toFixed(1)} s; values and roll-ups…`,
  );
  Object.assign(ms, await loadMonths(db, planId, forest.root.path, months[0]!, log));
  ms.targets = await timed(() => bulk(db, (tx) => insertTargets(tx, planId, forest.root.path)));
  ms.analyze = await timed(() => analyzePlanTables(db));
  ms.total = performance.now() - t0;
  const last = months[months.length - 1]!;
  return { planId, periodKey: last, firstPeriod: months[0]!, months: months.length, buildMs: ms, loadedAt };
}

/**
 * Bumped whenever the generator above changes what it loads, so that a database an older generator
 * filled is loaded again rather than reused.
 */
const DATA_VERSION = 1;

/**
 * What decides whether an earlier run's plan data can be measured again: the generator's version, the
 * spec, the forest, and the plan tables' columns (with types and defaults) and constraints as PostgreSQL
 * has them: a migration that changes what a row holds means a fresh load, one that only adds an index
 * (built over the rows already there, as on a real database) or touches other modules does not.
 */
async function fingerprintOf(db: Db, forest: PlansForest, spec: PlansSpec): Promise<string> {
  const schema = await one<{ columns: string; constraints: string }>(
    db,
    sql`SELECT (SELECT string_agg(concat_ws(' ', table_name, column_name, data_type, column_default, is_nullable), '; '
                  ORDER BY table_name, column_name)
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'plan%') AS columns,
               (SELECT string_agg(conrelid::regclass::text || ' ' || pg_get_constraintdef(oid), '; '
                  ORDER BY conrelid::regclass::text, pg_get_constraintdef(oid))
                FROM pg_constraint WHERE conrelid::regclass::text LIKE 'plan%') AS constraints`,
  );
  return JSON.stringify({ v: DATA_VERSION, spec, schema, root: forest.root.id, orgs: forest.counts.orgs });
}

/** The bench-only note (not product schema) of what the plan tables hold and when they were loaded. */
async function readLoaded(db: Db): Promise<{ fingerprint: string; loaded: Loaded } | undefined> {
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS bench_plans_meta (id int PRIMARY KEY CHECK (id = 1), fingerprint text NOT NULL, loaded jsonb NOT NULL)`,
  );
  const [r] = await rows<{ fingerprint: string; loaded: Loaded }>(
    db,
    sql`SELECT m.fingerprint, m.loaded FROM bench_plans_meta m
        WHERE EXISTS (SELECT 1 FROM plans p WHERE p.id = (m.loaded->>'planId')::int)`,
  );
  return r;
}

async function writeLoaded(db: Db, fingerprint: string, loaded: Loaded) {
  await db.execute(
    sql`INSERT INTO bench_plans_meta (id, fingerprint, loaded) VALUES (1, ${fingerprint}, ${JSON.stringify(loaded)}::jsonb)
        ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, loaded = excluded.loaded`,
  );
}

/**
 * Puts the last month back as a load leaves it: a run submits hundreds of its missing reports, and changes
 * nothing else (bare inserts undo themselves, the roll-up check rolls back). The month's reports with their
 * values, its roll-up rows and the audit of the submissions go, and the month is generated again: the same
 * reports, states and times; values from the same hash, of the new report ids.
 */
async function resetLastMonth(db: Db, forest: PlansForest, spec: PlansSpec, loaded: Loaded) {
  const { planId, periodKey } = loaded;
  const month = sql`SELECT id FROM plan_reports WHERE plan_id = ${planId} AND period_key = ${periodKey}`;
  await bulk(db, async (tx) => {
    // Foreign-key triggers are off in a bulk step, so nothing cascades: the children go first.
    await tx.execute(sql`DELETE FROM plan_report_values WHERE report_id IN (${month})`);
    await tx.execute(sql`DELETE FROM plan_report_breakdowns WHERE report_id IN (${month})`);
    await tx.execute(sql`DELETE FROM plan_reports WHERE plan_id = ${planId} AND period_key = ${periodKey}`);
    await tx.execute(sql`DELETE FROM plan_rollups WHERE plan_id = ${planId} AND period_key = ${periodKey}`);
    await tx.execute(sql`DELETE FROM audit_log WHERE entity_type LIKE 'plan%'`);
    await insertReports(tx, planId, spec, [periodKey]);
  });
  await loadMonths(db, planId, forest.root.path, periodKey, () => {});
  await analyzePlanTables(db);
}

/**
 * The plan data to measure: an earlier run's when it was loaded by this generator, spec and schema (its
 * last month reset), else a full load. BENCH_PLANS_RELOAD=1 forces the full load.
 */
export async function preparePlanData(
  db: Db,
  forest: PlansForest,
  spec: PlansSpec,
  log: (msg: string) => void,
): Promise<PlanData> {
  const fingerprint = await fingerprintOf(db, forest, spec);
  const stored = await readLoaded(db);
  const earlier = process.env.BENCH_PLANS_RELOAD === '1' ? undefined : stored;
  // Forgotten while the tables change: a load or reset that dies half-way is never taken for a finished one.
  await db.execute(sql`DELETE FROM bench_plans_meta`);
  let loaded: Loaded;
  let reuse: PlanData['reuse'] = null;
  if (earlier?.fingerprint === fingerprint) {
    log(
      `plans: reusing the plan data loaded ${earlier.loaded.loadedAt}; resetting ${earlier.loaded.periodKey}…`,
    );
    loaded = earlier.loaded;
    reuse = { resetMs: await timed(() => resetLastMonth(db, forest, spec, loaded)) };
  } else {
    if (earlier)
      log('plans: the plan data of an earlier run has another generator, spec or schema: loading again');
    loaded = await buildPlanData(db, forest, spec, log);
  }
  await writeLoaded(db, fingerprint, loaded);
  const { planId, periodKey: last } = loaded;
  const indicators = await rows<{ id: number; kind: string }>(
    db,
    sql`SELECT id, kind FROM plan_indicators WHERE plan_id = ${planId} ORDER BY position`,
  );
  const freeSlots = await rows<Slot>(
    db,
    sql`SELECT r.org_id AS "orgId", r.org_path::text AS "orgPath" FROM plan_recipients r
        WHERE r.plan_id = ${planId} AND r.role = 'reporter' AND NOT EXISTS (
          SELECT 1 FROM plan_reports p WHERE p.plan_id = r.plan_id AND p.org_id = r.org_id AND p.period_key = ${last})
        ORDER BY hashint4(r.org_id), r.org_id`,
  );
  const { loadedAt, ...rest } = loaded;
  return {
    ...rest,
    indicators,
    ...(await measure(db, planId, forest, last)),
    freeSlots,
    loadedAt,
    reuse,
  };
}

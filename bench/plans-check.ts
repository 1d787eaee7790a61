import pg from 'pg';
import { applyRollup } from '../src/modules/plans/rollups.repo.ts';
import { type Db, rows, sql, type Tx } from '../src/platform/db/database.ts';
import type { PlanData } from './plans-data.ts';
import type { PlansForest } from './plans-fixtures.ts';

/**
 * The plans benchmark's checks and probes: the bulk roll-up replayed through the app's own `applyRollup`,
 * the raw GROUP BY the roll-up replaces, and the capture of the SQL a real request runs (for per-statement
 * timings and EXPLAIN ANALYZE of exactly those statements).
 */

/**
 * Runs `run` in sequence after 3 warm-ups and returns each duration in ms: `n` times, or fewer when the
 * budget runs out (but at least 10), so a multi-second query does not hold the run for minutes.
 */
export async function timeSeq(run: () => Promise<unknown>, n: number, budgetS: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const out: number[] = [];
  const end = performance.now() + budgetS * 1000;
  while (out.length < n && (out.length < 10 || performance.now() < end)) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

export type RollupCheck = { province: string; periodKey: string; reports: number; rows: number };

type RollupSnap = {
  orgId: number;
  indicatorId: number;
  value: number;
  denominator: number;
  yesCount: number;
  reports: number;
};

const snapshot = (db: Db | Tx, planId: number, periodKey: string, underPath: string, rootId: number) =>
  rows<RollupSnap>(
    db,
    sql`SELECT org_id AS "orgId", indicator_id AS "indicatorId", value::float8 AS value,
               denominator::float8 AS denominator, yes_count AS "yesCount", reports
        FROM plan_rollups WHERE plan_id = ${planId} AND period_key = ${periodKey}
          AND org_id IN (SELECT id FROM organisations WHERE path <@ ${underPath}::ltree OR id = ${rootId})
        ORDER BY org_id, indicator_id`,
  );

const same = (a: RollupSnap | undefined, b: RollupSnap | undefined) =>
  !!a &&
  !!b &&
  a.value === b.value &&
  a.denominator === b.denominator &&
  a.yesCount === b.yesCount &&
  a.reports === b.reports;

class Rollback extends Error {}

/**
 * In a transaction that is rolled back: deletes the bulk-loaded roll-up rows of the smallest reporting
 * province (and the root) for the first month, replays every counted report there through `applyRollup`,
 * and requires the province's rows to come back identical and the root's to equal the province's.
 */
export async function verifyRollups(db: Db, forest: PlansForest, data: PlanData): Promise<RollupCheck> {
  const [prov] = await rows<{ path: string; name: string }>(
    db,
    sql`SELECT p.path::text AS path, p.name FROM plan_recipients r
        JOIN organisations p ON p.path = subpath(r.org_path, 0, 2)
        WHERE r.plan_id = ${data.planId} AND r.role = 'reporter' GROUP BY p.path, p.name ORDER BY count(*), p.path LIMIT 1`,
  );
  const periodKey = data.firstPeriod;
  const reports = await rows<{ id: number; orgPath: string }>(
    db,
    sql`SELECT id, org_path::text AS "orgPath" FROM plan_reports WHERE plan_id = ${data.planId}
          AND period_key = ${periodKey} AND org_path <@ ${prov!.path}::ltree AND status IN ('submitted', 'accepted')
        ORDER BY id`,
  );
  const before = await snapshot(db, data.planId, periodKey, prov!.path, forest.root.id);
  const key = (r: RollupSnap) => `${r.orgId}:${r.indicatorId}`;
  const provinceId = Number(prov!.path.split('.').pop());
  let checked = 0;
  try {
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`DELETE FROM plan_rollups WHERE plan_id = ${data.planId} AND period_key = ${periodKey}
              AND org_id IN (SELECT id FROM organisations WHERE path <@ ${prov!.path}::ltree OR id = ${forest.root.id})`,
      );
      for (const r of reports) {
        const args = { planId: data.planId, reportId: r.id, periodKey, reporterPath: r.orgPath };
        await applyRollup(tx, { ...args, issuerPath: forest.root.path }, 1);
      }
      const after = new Map(
        (await snapshot(tx, data.planId, periodKey, prov!.path, forest.root.id)).map((r) => [key(r), r]),
      );
      for (const b of before) {
        const expected = b.orgId === forest.root.id ? after.get(`${provinceId}:${b.indicatorId}`) : b;
        if (!same(after.get(key(b)), expected))
          throw new Error(`roll-up differs from applyRollup for org ${b.orgId}, indicator ${b.indicatorId}`);
        checked++;
      }
      if (after.size !== before.length)
        throw new Error(`applyRollup made ${after.size} rows, bulk ${before.length}`);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return { province: prov!.name, periodKey, reports: reports.length, rows: checked };
}

/**
 * What a dashboard would run without plan_rollups: the counted reports' values under the organisation
 * for the period, summed per child (the child's id is the next label of the reporter's path) and for
 * the organisation itself (grouping set without the child).
 */
export function rawTotalsSql(planId: number, periodKey: string, orgPath: string) {
  return sql`SELECT GROUPING(t.child) = 1 AS "isOrg", t.child AS "childId", t.indicator_id AS "indicatorId",
                    sum(t.value)::float8 AS value, sum(t.denominator)::float8 AS denominator,
                    count(*) FILTER (WHERE t.value > 0)::int AS "yesCount", count(*)::int AS reports
             FROM (SELECT CASE WHEN nlevel(r.org_path) > nlevel(${orgPath}::ltree)
                               THEN ltree2text(subpath(r.org_path, nlevel(${orgPath}::ltree), 1))::int END AS child,
                          v.indicator_id, coalesce(v.value, 0) AS value, coalesce(v.denominator, 0) AS denominator
                   FROM plan_reports r JOIN plan_report_values v ON v.report_id = r.id
                   WHERE r.plan_id = ${planId} AND r.period_key = ${periodKey} AND r.org_path <@ ${orgPath}::ltree
                     AND r.status IN ('submitted', 'accepted')) t
             GROUP BY GROUPING SETS ((t.child, t.indicator_id), (t.indicator_id))`;
}

export type RawTotal = {
  isOrg: boolean;
  childId: number | null;
  indicatorId: number;
  value: number;
  denominator: number;
  yesCount: number;
  reports: number;
};

export type Captured = { text: string; values: unknown[]; ms: number };
let captured: Captured[] | null = null;

/**
 * Records every statement sent on any pg client of this process (the app's pool included) with its round
 * trip, while on. Wraps pg.Client.prototype.query once; off, it only passes calls through.
 */
export function installCapture() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (!captured) return original.apply(this, args);
    const [a, b] = args as [string | { text?: string; values?: unknown[] }, unknown];
    const text = typeof a === 'string' ? a : (a?.text ?? '');
    const values = Array.isArray(b) ? b : typeof a === 'object' ? (a?.values ?? []) : [];
    const t0 = performance.now();
    const sink = captured;
    const done = () => sink.push({ text, values, ms: performance.now() - t0 });
    const cb = args.findIndex((x) => typeof x === 'function');
    if (cb >= 0) {
      const inner = args[cb] as (...r: unknown[]) => void;
      args[cb] = (...r: unknown[]) => {
        done();
        inner(...r);
      };
      return original.apply(this, args);
    }
    const out = original.apply(this, args) as Promise<unknown> | undefined;
    out?.then?.(done, done);
    return out;
  };
}

export function startCapture() {
  captured = [];
}

export function stopCapture(): Captured[] {
  const out = captured ?? [];
  captured = null;
  return out;
}

export type ScanNode = {
  node: string;
  relation: string;
  index: string | null;
  rows: number;
  removed: number;
};
export type ExplainedQuery = {
  text: string;
  ms: number;
  planningMs: number | null;
  executionMs: number | null;
  scans: ScanNode[];
};

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

function scansOf(node: PlanNode, out: ScanNode[] = []): ScanNode[] {
  if (typeof node['Relation Name'] === 'string') {
    out.push({
      node: String(node['Node Type']),
      relation: node['Relation Name'] as string,
      index: (node['Index Name'] as string | undefined) ?? null,
      rows: Number(node['Actual Rows'] ?? 0) * Number(node['Actual Loops'] ?? 1),
      removed:
        (Number(node['Rows Removed by Filter'] ?? 0) + Number(node['Rows Removed by Index Recheck'] ?? 0)) *
        Number(node['Actual Loops'] ?? 1),
    });
  }
  for (const child of node.Plans ?? []) scansOf(child, out);
  return out;
}

/**
 * EXPLAIN (ANALYZE) of captured statements, on a connection with the app's settings (JIT off): reads as
 * they are; the roll-up upsert inside a transaction that is rolled back. Others (BEGIN, audit…) keep only
 * their round trip.
 */
export async function explainCaptured(url: string, list: Captured[]): Promise<ExplainedQuery[]> {
  const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await client.connect();
  try {
    const out: ExplainedQuery[] = [];
    for (const q of list) {
      const isRead = /^\s*(select|with)\b/i.test(q.text);
      const isRollup = /^\s*insert into plan_rollups/i.test(q.text);
      let plan: PlanNode | null = null;
      if (isRead || isRollup) {
        if (isRollup) await client.query('BEGIN');
        const res = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values as unknown[]);
        if (isRollup) await client.query('ROLLBACK');
        plan = (res.rows[0] as { 'QUERY PLAN': PlanNode[] })['QUERY PLAN'][0]!;
      }
      out.push({
        text: q.text,
        ms: q.ms,
        planningMs: plan ? Number(plan['Planning Time']) : null,
        executionMs: plan ? Number(plan['Execution Time']) : null,
        scans: plan ? scansOf(plan.Plan as PlanNode) : [],
      });
    }
    return out;
  } finally {
    await client.end();
  }
}

/** What a captured statement is, in words: the repository function or step that sends it. */
const LABELS: [RegExp, string][] = [
  [/^\s*begin/i, 'BEGIN'],
  [/^\s*commit/i, 'COMMIT'],
  [/from\s+"?sessions"?|"?sessions"?\s+s\b/i, 'session, user and grants (authentication)'],
  [/^\s*update\s+"?sessions/i, 'session touch'],
  [/pl\.implements_plan_id = /i, 'plans implementing it (relatedPlans)'],
  [/from plans pl/i, 'the plan, in scope (findPlan)'],
  [/coalesce\(rep\.status, 'none'\)[\s\S]*page AS \(/, 'a page of the reviewer’s list (reviewPage)'],
  [
    /coalesce\(rep\.status, 'none'\)[\s\S]*count\(\*\)::int AS total FROM e\b/,
    'how many the reviewer’s list matches (reviewPage)',
  ],
  [/count\(\*\) FILTER \(WHERE role = 'reporter'\)/, 'recipients counted by role (recipientCounts)'],
  [/count\(\*\) OVER \(\)/, 'the first 20 recipients and how many (firstRecipients)'],
  [/x\.added_on::text/, 'a page of the recipients (recipientsPage)'],
  [/count\(\*\)::int AS total FROM plan_recipients r/, 'how many recipients match (recipientsPage)'],
  [/from plan_revisions/i, 'revisions (revisionsOf)'],
  [/from plan_activities a/i, 'activities with partners and outputs (listActivities)'],
  [/SELECT id, name FROM organisations WHERE id = ANY/, 'names of the units revisions added (orgNamesOf)'],
  [
    /SELECT id, path::text AS path FROM organisations WHERE id = ANY/,
    'paths of activities’ lead units (orgPathsOf)',
  ],
  [
    /\blines AS \(/,
    'completeness per child line, submissions per day, first 50 units behind (dashboardCounts)',
  ],
  [/behind AS \(/, 'a page of the late or missing units by name (behindPageUnder)'],
  [/count\(\*\)::int AS total FROM e\b/, 'how many units are late or missing (behindPageUnder)'],
  [/WHERE r\.plan_id = \$\d+ AND r\.org_id = \$\d+/i, 'the reporting unit as a recipient (findRecipient)'],
  [
    /from plan_recipients r join organisations o on o\.id = r\.org_id\s+left join plan_reports/i,
    'reporters below with their report (reportersUnder)',
  ],
  [/from plan_recipients r join organisations/i, 'recipients by id (recipientsAmong)'],
  [/from plan_indicators/i, 'indicators (planIndicatorsOf)'],
  [/^\s*insert into plan_rollups/i, 'roll-up upsert, reporter → root (applyRollup)'],
  [/from plan_rollups/i, 'roll-up rows of the organisation and its child lines (rollupsFor)'],
  [/from plan_targets/i, 'targets (targetsFor)'],
  [/descendantCount/, 'child lines: names and subtree counts (findOrgSummaries)'],
  [/from "organisations"/i, 'the organisation, in scope (findOrgRow)'],
  [/from "plan_reports".*for update/is, 'existing report, locked'],
  [/insert into "plan_reports"/i, 'insert the report'],
  [/delete from "plan_report_values"/i, 'delete previous values'],
  [/delete from "plan_report_breakdowns"/i, 'delete previous breakdowns'],
  [/insert into "plan_report_breakdowns"/i, 'insert the breakdowns'],
  [/insert into "plan_report_values"/i, 'insert the values'],
  [/insert into "audit_log"/i, 'audit entry'],
  [/from plan_reports r join organisations/i, 'the saved report (reportView)'],
  [/from plan_report_values/i, 'the saved values (reportView)'],
];

export function statementLabel(text: string): string {
  const hit = LABELS.find(([re]) => re.test(text));
  return hit ? hit[1] : `\`${text.replace(/\s+/g, ' ').trim().slice(0, 60)}…\``;
}

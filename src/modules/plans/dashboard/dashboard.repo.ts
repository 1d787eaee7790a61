import { type SQL, sql } from 'drizzle-orm';
import { type Db, fetchPage, rows } from '../../../platform/db/database.ts';
import { orgNameOnSql } from '../../orgs/index.ts';
import { type DueState, expectedSql, type PlanRow } from '../plans.repo.ts';

/** The dashboard's counts and lists of a subtree: completeness per child line, who is behind, breakdowns. */
/**
 * `e`: the expected reporters of a subtree with their report for the period, each with the child line of
 * the organisation it belongs to (`line`: the next label of its path; null for the organisation itself)
 * and whether its first submission came after the due day. Materialised once for the counts that read it.
 */
function expectedCte(plan: PlanRow, periodKey: string, path: string, due: DueState): SQL {
  const depth = path.split('.').length;
  return sql`e AS MATERIALIZED (
    SELECT r.org_id, rep.id AS report_id, rep.first_submitted_at,
           coalesce(rep.status IN ('submitted', 'accepted'), false) AS counted,
           coalesce(rep.first_submitted_at >= ${due.lateFrom.toISOString()}::timestamptz, false) AS is_late,
           CASE WHEN nlevel(r.org_path) > ${depth} THEN ltree2text(subpath(r.org_path, ${depth}, 1))::int END AS line
    FROM plan_recipients r
    LEFT JOIN plan_reports rep ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${periodKey}
    WHERE r.plan_id = ${plan.id} AND r.org_path <@ ${path}::ltree AND ${expectedSql(plan, periodKey)})`;
}

/**
 * `behind`: a page of the late and (once the due day has passed) missing reporters of `e`, by name. Their
 * names are read by primary key in one bitmap scan: a subtree has far fewer units behind than organisations.
 */
function behindCte(due: DueState, limit: number, offset: number): SQL {
  return sql`behind AS (
    SELECT o.id AS org_id, e.line, e.first_submitted_at IS NULL AS is_missing, o.search_text AS sort_key
    FROM organisations o JOIN e ON e.org_id = o.id
    WHERE o.id = ANY(ARRAY(SELECT e.org_id FROM e
                           WHERE e.is_late ${due.isPastDue ? sql`OR e.first_submitted_at IS NULL` : sql``}))
    ORDER BY o.search_text, o.id LIMIT ${limit} OFFSET ${offset})`;
}

/** Names as of the plan's date: a 2021 guidance names the units it was sent to as they were called then. */
const behindColumns = (
  plan: PlanRow,
) => sql`b.org_id AS "orgId", ${orgNameOnSql(sql`b.org_id`, plan.issuedOn)} AS "orgName",
  CASE WHEN b.line <> b.org_id THEN ${orgNameOnSql(sql`b.line`, plan.issuedOn)} END AS "lineName",
  CASE WHEN b.is_missing THEN 'missing' ELSE 'late' END AS timeliness`;

export type LineCounts = {
  /** The child organisation, or null for the organisation itself when it reports. */
  lineId: number | null;
  lineName: string | null;
  expected: number;
  counted: number;
  onTime: number;
  late: number;
  /** Never submitted (drafts included): missing once the due day has passed. */
  unsubmitted: number;
  /** The organisation's own report when it is a reporter. */
  reportId: number | null;
};

export type BehindRow = {
  orgId: number;
  orgName: string;
  /** The child line of the organisation the unit is under; null when it is that line or the organisation itself. */
  lineName: string | null;
  timeliness: 'late' | 'missing';
};

/**
 * Completeness of a subtree in one statement (a national plan has thousands of reporters below the root):
 * the counts per child line, first submissions per Vietnamese calendar day (UTC+7, no DST), and the first
 * `behindLimit` late or missing units by name.
 */
export async function dashboardCounts(
  db: Db,
  plan: PlanRow,
  periodKey: string,
  path: string,
  due: DueState,
  behindLimit: number,
) {
  const [r] = await rows<{
    lines: LineCounts[];
    submissions: { day: string; onTime: number; late: number }[];
    behind: BehindRow[];
  }>(
    db,
    sql`WITH ${expectedCte(plan, periodKey, path, due)},
        lines AS (
          SELECT e.line, count(*)::int AS expected, count(*) FILTER (WHERE e.counted)::int AS counted,
                 count(*) FILTER (WHERE e.counted AND NOT e.is_late)::int AS on_time,
                 count(*) FILTER (WHERE e.is_late)::int AS late,
                 count(*) FILTER (WHERE e.first_submitted_at IS NULL)::int AS unsubmitted,
                 max(e.report_id) FILTER (WHERE e.line IS NULL) AS report_id,
                 ${orgNameOnSql(sql`e.line`, plan.issuedOn)} AS name,
                 (SELECT o.search_text FROM organisations o WHERE o.id = e.line) AS sort_key
          FROM e GROUP BY e.line),
        days AS (
          SELECT ((e.first_submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
                 count(*) FILTER (WHERE NOT e.is_late)::int AS on_time, count(*) FILTER (WHERE e.is_late)::int AS late
          FROM e WHERE e.first_submitted_at IS NOT NULL GROUP BY 1),
        ${behindCte(due, behindLimit, 0)}
        SELECT
          (SELECT coalesce(json_agg(json_build_object('lineId', l.line, 'lineName', l.name, 'expected', l.expected,
                    'counted', l.counted, 'onTime', l.on_time, 'late', l.late, 'unsubmitted', l.unsubmitted,
                    'reportId', l.report_id) ORDER BY l.sort_key NULLS FIRST, l.line), '[]') FROM lines l) AS lines,
          (SELECT coalesce(json_agg(json_build_object('day', d.day::text, 'onTime', d.on_time, 'late', d.late)
                    ORDER BY d.day), '[]') FROM days d) AS submissions,
          (SELECT coalesce(json_agg(json_build_object('orgId', x."orgId", 'orgName', x."orgName",
                    'lineName', x."lineName", 'timeliness', x.timeliness) ORDER BY x.sort_key, x."orgId"), '[]')
             FROM (SELECT ${behindColumns(plan)}, b.sort_key FROM behind b) x) AS behind`,
  );
  return r!;
}

/** A page of the late or missing reporters of a subtree, by name, and how many there are. */
export async function behindPageUnder(
  db: Db,
  plan: PlanRow,
  periodKey: string,
  path: string,
  due: DueState,
  page: { page: number; pageSize: number },
) {
  const e = expectedCte(plan, periodKey, path, due);
  return fetchPage<BehindRow>(
    db,
    sql`WITH ${e}, ${behindCte(due, page.pageSize, (page.page - 1) * page.pageSize)}
        SELECT ${behindColumns(plan)} FROM behind b ORDER BY b.sort_key, b.org_id`,
    sql`WITH ${e} SELECT count(*)::int AS total FROM e
        WHERE e.is_late ${due.isPastDue ? sql`OR e.first_submitted_at IS NULL` : sql``}`,
  );
}

/** Disaggregated totals of the counted reports in a subtree (only for indicators that have a breakdown). */
export async function breakdownTotals(db: Db, planId: number, periodKey: string, path: string) {
  return rows<{ indicatorId: number; category: string; value: number }>(
    db,
    sql`SELECT b.indicator_id AS "indicatorId", b.category, sum(b.value)::float8 AS value
        FROM plan_report_breakdowns b JOIN plan_reports r ON r.id = b.report_id
        WHERE r.plan_id = ${planId} AND r.period_key = ${periodKey} AND r.status IN ('submitted', 'accepted')
          AND r.org_path <@ ${path}::ltree
        GROUP BY 1, 2`,
  );
}

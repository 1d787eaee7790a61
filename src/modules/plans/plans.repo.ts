import { type SQL, sql } from 'drizzle-orm';
import { type Db, fetchPage, rows, type Tx } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';
import type { SubtreeMove } from '../../platform/subtree-moves.ts';
import { dueOn, type PlanPeriods } from './periods.ts';

/**
 * A plan is visible to whoever sees its issuer or one of its recipients (a copy to the provincial Red Cross
 * makes the union's guidance readable there). This is the plans' whole scope rule.
 */
export function planVisibleSql(scope: Scope): SQL {
  return sql`(${scopeSql(scope, sql`pl.issuer_path`)} OR EXISTS (
    SELECT 1 FROM plan_recipients r WHERE r.plan_id = pl.id AND ${scopeSql(scope, sql`r.org_path`)}))`;
}

export type PlanRow = {
  id: number;
  issuerOrgId: number;
  issuerPath: string;
  issuerName: string;
  kind: 'plan' | 'guidance' | 'programme' | 'official_letter';
  number: string;
  title: string;
  issuedOn: string;
  periodStart: string;
  periodEnd: string;
  legalBases: string[];
  implementsPlanId: number | null;
  objectives: string | null;
  status: 'draft' | 'issued' | 'closed';
  reportPeriodType: 'once' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
  reportDueOn: string | null;
  reportDueDays: number;
  reportLockDays: number | null;
  revision: number;
  version: number;
};

const planColumns = sql`pl.id, pl.issuer_org_id AS "issuerOrgId", pl.issuer_path::text AS "issuerPath", o.name AS "issuerName",
  pl.kind, pl.number, pl.title, pl.issued_on::text AS "issuedOn", pl.period_start::text AS "periodStart",
  pl.period_end::text AS "periodEnd", pl.legal_bases AS "legalBases", pl.implements_plan_id AS "implementsPlanId",
  pl.objectives, pl.status, pl.report_period_type AS "reportPeriodType", pl.report_due_on::text AS "reportDueOn",
  pl.report_due_days AS "reportDueDays", pl.report_lock_days AS "reportLockDays", pl.revision, pl.version`;

/** `lock` takes the plan row FOR UPDATE: edits, issue, amend and close of one plan are serialised. */
export async function findPlan(
  db: Db | Tx,
  scope: Scope,
  id: number,
  lock = false,
): Promise<PlanRow | undefined> {
  const [row] = await rows<PlanRow>(
    db,
    sql`SELECT ${planColumns} FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE pl.id = ${id} AND ${planVisibleSql(scope)} ${lock ? sql`FOR UPDATE OF pl` : sql``}`,
  );
  return row;
}

export async function revisionsOf(db: Db | Tx, planId: number) {
  const list = await rows<{
    revision: number;
    revisedOn: string;
    documentNumber: string | null;
    reason: string;
    changes: Record<string, unknown>;
    createdAt: Date | string;
  }>(
    db,
    sql`SELECT revision, revised_on::text AS "revisedOn", document_number AS "documentNumber", reason, changes,
               created_at AS "createdAt"
        FROM plan_revisions WHERE plan_id = ${planId} ORDER BY revision`,
  );
  return list.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** The plan it implements and the visible plans implementing it (the chain of implementation). */
export async function relatedPlans(db: Db | Tx, scope: Scope, plan: PlanRow) {
  const [parent] = plan.implementsPlanId
    ? await rows<{ id: number; number: string; title: string }>(
        db,
        sql`SELECT pl.id, pl.number, pl.title FROM plans pl
            WHERE pl.id = ${plan.implementsPlanId} AND ${planVisibleSql(scope)}`,
      )
    : [];
  const implementedBy = await rows<{ id: number; number: string; issuerName: string; status: string }>(
    db,
    sql`SELECT pl.id, pl.number, o.name AS "issuerName", pl.status
        FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE pl.implements_plan_id = ${plan.id} AND ${planVisibleSql(scope)} ORDER BY o.search_text`,
  );
  return { implementsPlan: parent ?? null, implementedBy };
}

export async function listPlans(db: Db, scope: Scope) {
  return rows<PlanRow>(
    db,
    sql`SELECT ${planColumns} FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE ${planVisibleSql(scope)} ORDER BY pl.issued_on DESC, pl.id DESC LIMIT 500`,
  );
}

export type IndicatorRow = {
  id: number;
  code: string;
  name: string;
  unit: string;
  kind: 'count' | 'sum' | 'ratio' | 'yes_no';
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  goalPercent: number;
  minValue: number | null;
  maxValue: number | null;
  source: string | null;
  breakdown: { label: string; categories: { code: string; label: string }[] } | null;
};

export async function planIndicatorsOf(db: Db | Tx, planId: number): Promise<IndicatorRow[]> {
  return rows<IndicatorRow>(
    db,
    sql`SELECT id, code, name, unit, kind, numerator_label AS "numeratorLabel", denominator_label AS "denominatorLabel",
               goal_percent::float8 AS "goalPercent", min_value::float8 AS "minValue", max_value::float8 AS "maxValue", source,
               CASE WHEN breakdown_label IS NULL THEN NULL
                    ELSE jsonb_build_object('label', breakdown_label, 'categories', breakdown_categories) END AS breakdown
        FROM plan_indicators WHERE plan_id = ${planId} ORDER BY position`,
  );
}

/** One recipient of a plan, by the key of plan_recipients (plan, organisation): no scan of the others. */
export async function findRecipient(db: Db | Tx, planId: number, orgId: number) {
  const [r] = await rows<{ orgId: number; orgName: string; orgPath: string; role: 'reporter' | 'copy' }>(
    db,
    sql`SELECT r.org_id AS "orgId", o.name AS "orgName", r.org_path::text AS "orgPath", r.role
        FROM plan_recipients r JOIN organisations o ON o.id = r.org_id
        WHERE r.plan_id = ${planId} AND r.org_id = ${orgId}`,
  );
  return r;
}

/**
 * Adds (sign 1) or removes (sign −1) one report's values to the totals of every organisation from the
 * reporter up to the issuer, in the caller's transaction. Rows are touched in path order so concurrent
 * submissions of sibling units lock shared ancestors in the same order and cannot deadlock.
 */
export async function applyRollup(
  tx: Tx,
  r: { planId: number; reportId: number; periodKey: string; reporterPath: string; issuerPath: string },
  sign: 1 | -1,
) {
  await tx.execute(sql`
    INSERT INTO plan_rollups (plan_id, indicator_id, period_key, org_id, value, denominator, yes_count, reports)
    SELECT ${r.planId}, v.indicator_id, ${r.periodKey}, a.id,
           ${sign} * coalesce(v.value, 0), ${sign} * coalesce(v.denominator, 0),
           ${sign} * (CASE WHEN coalesce(v.value, 0) > 0 THEN 1 ELSE 0 END), ${sign}
    FROM plan_report_values v CROSS JOIN organisations a
    WHERE v.report_id = ${r.reportId} AND a.path @> ${r.reporterPath}::ltree AND a.path <@ ${r.issuerPath}::ltree
    ORDER BY a.path, v.indicator_id
    ON CONFLICT (plan_id, indicator_id, period_key, org_id) DO UPDATE SET
      value = plan_rollups.value + excluded.value,
      denominator = plan_rollups.denominator + excluded.denominator,
      yes_count = plan_rollups.yes_count + excluded.yes_count,
      reports = plan_rollups.reports + excluded.reports`);
}

/**
 * After a subtree moved (platform/subtree-moves.ts): the totals of its counted reports leave the old ancestors
 * and join the new ones, within each plan's issuer subtree; totals inside the subtree are unchanged. Dashboards
 * read child lines through the current tree, so they keep agreeing with the roll-up. Rows in path order, as in
 * applyRollup, so a move and concurrent submissions lock shared ancestors in the same order.
 */
export async function rehomeRollups(tx: Tx, move: SubtreeMove): Promise<void> {
  await tx.execute(sql`
    WITH moved AS (
      SELECT r.plan_id, v.indicator_id, r.period_key, sum(coalesce(v.value, 0)) AS value,
             sum(coalesce(v.denominator, 0)) AS denominator,
             sum(CASE WHEN coalesce(v.value, 0) > 0 THEN 1 ELSE 0 END)::int AS yes_count, count(*)::int AS reports
      FROM plan_reports r JOIN plan_report_values v ON v.report_id = r.id
      WHERE r.org_path <@ ${move.newPath}::ltree AND r.status IN ('submitted', 'accepted')
      GROUP BY r.plan_id, v.indicator_id, r.period_key
    ), deltas AS (
      SELECT m.*, a.id AS org_id, a.path, -1 AS sign
      FROM moved m JOIN plans p ON p.id = m.plan_id
      JOIN organisations a ON a.path @> ${move.oldParentPath}::ltree AND a.path <@ p.issuer_path
                          AND NOT a.path @> ${move.newParentPath}::ltree
      WHERE ${move.oldParentPath} <> ''
      UNION ALL
      SELECT m.*, a.id, a.path, 1
      FROM moved m JOIN plans p ON p.id = m.plan_id
      JOIN organisations a ON a.path @> ${move.newParentPath}::ltree AND a.path <@ p.issuer_path
                          AND (${move.oldParentPath} = '' OR NOT a.path @> ${move.oldParentPath}::ltree)
    )
    INSERT INTO plan_rollups (plan_id, indicator_id, period_key, org_id, value, denominator, yes_count, reports)
    SELECT plan_id, indicator_id, period_key, org_id, sign * value, sign * denominator, sign * yes_count, sign * reports
    FROM deltas ORDER BY path, indicator_id
    ON CONFLICT (plan_id, indicator_id, period_key, org_id) DO UPDATE SET
      value = plan_rollups.value + excluded.value,
      denominator = plan_rollups.denominator + excluded.denominator,
      yes_count = plan_rollups.yes_count + excluded.yes_count,
      reports = plan_rollups.reports + excluded.reports`);
}

export type RollupRow = {
  orgId: number;
  indicatorId: number;
  value: number;
  denominator: number;
  yesCount: number;
};

/**
 * Organisations by id, or an organisation with its direct children (a dashboard's lines, found through the
 * parent index at the same time as the counts that say which children have reporters).
 */
export type OrgSet = number[] | { withChildrenOf: number };

/** `column` among the organisations of `set`; `asArray` hands the children's ids to the index as one array. */
function inOrgSet(column: SQL, set: OrgSet, asArray = false): SQL {
  if (Array.isArray(set)) return sql`${column} = ANY(${`{${set.join(',')}}`}::int[])`;
  const id = set.withChildrenOf;
  const ids = sql`SELECT ${id}::int UNION ALL SELECT c.id FROM organisations c WHERE c.parent_id = ${id}`;
  return asArray ? sql`${column} = ANY(ARRAY(${ids}))` : sql`${column} IN (${ids})`;
}

const isEmpty = (set: OrgSet) => Array.isArray(set) && set.length === 0;

export async function rollupsFor(
  db: Db,
  planId: number,
  periodKey: string,
  orgs: OrgSet,
): Promise<RollupRow[]> {
  if (isEmpty(orgs)) return [];
  return rows<RollupRow>(
    db,
    sql`SELECT org_id AS "orgId", indicator_id AS "indicatorId", value::float8 AS value,
               denominator::float8 AS denominator, yes_count AS "yesCount"
        FROM plan_rollups WHERE plan_id = ${planId} AND period_key = ${periodKey} AND ${inOrgSet(sql`org_id`, orgs)}`,
  );
}

/**
 * Whether recipient `r` must report for a period: not when an amendment added it after the period was due,
 * nor when its organisation was merged or closed by then (the 2025 reform: its successor reports). The
 * closed ones are found through the partial index of organisations that are not active, never by reading
 * every organisation.
 */
export function expectedSql(plan: PlanPeriods, periodKey: string): SQL {
  const due = dueOn(plan, periodKey);
  return sql`r.role = 'reporter' AND (r.added_on IS NULL OR r.added_on <= ${due}::date)
    AND NOT EXISTS (SELECT 1 FROM organisations gone WHERE gone.id = r.org_id AND gone.status <> 'active'
                      AND gone.closed_on <= ${due}::date)`;
}

/** Expected reporters in a subtree with their report's status for the period. */
export async function reportersUnder(db: Db, plan: PlanRow, periodKey: string, path: string) {
  const planId = plan.id;
  return rows<{
    orgId: number;
    orgName: string;
    orgPath: string;
    firstSubmittedAt: Date | string | null;
    counted: boolean;
    reportId: number | null;
  }>(
    db,
    sql`SELECT r.org_id AS "orgId", o.name AS "orgName", r.org_path::text AS "orgPath", rep.id AS "reportId",
               rep.first_submitted_at AS "firstSubmittedAt", coalesce(rep.status IN ('submitted', 'accepted'), false) AS counted
        FROM plan_recipients r JOIN organisations o ON o.id = r.org_id
        LEFT JOIN plan_reports rep ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${periodKey}
        WHERE r.plan_id = ${planId} AND ${expectedSql(plan, periodKey)} AND r.org_path <@ ${path}::ltree
        ORDER BY o.search_text`,
  );
}

export type DueState = { lateFrom: Date; isPastDue: boolean };

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

const behindColumns = sql`b.org_id AS "orgId", (SELECT o.name FROM organisations o WHERE o.id = b.org_id) AS "orgName",
  CASE WHEN b.line <> b.org_id THEN (SELECT o.name FROM organisations o WHERE o.id = b.line) END AS "lineName",
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
                 (SELECT o.name FROM organisations o WHERE o.id = e.line) AS name,
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
             FROM (SELECT ${behindColumns}, b.sort_key FROM behind b) x) AS behind`,
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
        SELECT ${behindColumns} FROM behind b ORDER BY b.sort_key, b.org_id`,
    sql`WITH ${e} SELECT count(*)::int AS total FROM e
        WHERE e.is_late ${due.isPastDue ? sql`OR e.first_submitted_at IS NULL` : sql``}`,
  );
}

/**
 * Targets in force for a period: the period's own where set, else the plan-wide (`*`) one. The children's
 * ids go in as an array so that PostgreSQL reads them through plan_targets_org_idx: as a subquery it
 * would rather scan every target of every plan (the table is small for it, not for the clock).
 */
export async function targetsFor(db: Db | Tx, planId: number, orgs: OrgSet, periodKey = '*') {
  if (isEmpty(orgs)) return [];
  return rows<{ indicatorId: number; orgId: number; value: number }>(
    db,
    sql`SELECT DISTINCT ON (t.indicator_id, t.org_id) t.indicator_id AS "indicatorId", t.org_id AS "orgId", t.value::float8 AS value
        FROM plan_targets t JOIN plan_indicators i ON i.id = t.indicator_id
        WHERE i.plan_id = ${planId} AND ${inOrgSet(sql`t.org_id`, orgs, true)}
          AND t.period_key IN ('*', ${periodKey})
        ORDER BY t.indicator_id, t.org_id, t.period_key = '*'`,
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

/** Active users holding one of `permissions` through a grant at one of these organisations themselves. */
export async function usersGrantedAt(db: Db | Tx, orgIds: number[], permissions: string[]) {
  if (orgIds.length === 0) return [];
  return rows<{ userId: number; orgId: number }>(
    db,
    sql`SELECT DISTINCT g.user_id AS "userId", g.org_id AS "orgId"
        FROM role_grants g JOIN roles ro ON ro.key = g.role JOIN users u ON u.id = g.user_id
        WHERE g.org_id = ANY(${`{${orgIds.join(',')}}`}::int[]) AND u.is_active
          AND ro.permissions && ${`{${permissions.join(',')}}`}::text[]`,
  );
}

/**
 * Active users holding one of `permissions` through a grant at one of a plan's recipients themselves, with
 * the recipient's role: one join, however many units the plan was sent to.
 */
export async function usersGrantedAtRecipients(db: Db | Tx, planId: number, permissions: string[]) {
  return rows<{ userId: number; orgId: number; role: 'reporter' | 'copy' }>(
    db,
    sql`SELECT DISTINCT g.user_id AS "userId", g.org_id AS "orgId", r.role
        FROM plan_recipients r JOIN role_grants g ON g.org_id = r.org_id
        JOIN roles ro ON ro.key = g.role JOIN users u ON u.id = g.user_id
        WHERE r.plan_id = ${planId} AND u.is_active
          AND ro.permissions && ${`{${permissions.join(',')}}`}::text[]`,
  );
}

import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import type { SubtreeMove } from '../../platform/subtree-moves.ts';

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
  /** Counted reports summed in the row: 0 once every one of them was returned (the organisation is missing). */
  reports: number;
};

/**
 * Organisations by id, or an organisation with its direct children (a dashboard's lines, found through the
 * parent index at the same time as the counts that say which children have reporters), and optionally a few
 * more by id (its ancestors in the plan, whose floors apply to it).
 */
export type OrgSet = number[] | { withChildrenOf: number; andIds?: number[] };

/** `column` among the organisations of `set`; `asArray` hands the children's ids to the index as one array. */
function inOrgSet(column: SQL, set: OrgSet, asArray = false): SQL {
  if (Array.isArray(set)) return sql`${column} = ANY(${`{${set.join(',')}}`}::int[])`;
  const id = set.withChildrenOf;
  const more = set.andIds?.length
    ? sql` UNION ALL SELECT unnest(${`{${set.andIds.join(',')}}`}::int[])`
    : sql``;
  const ids = sql`SELECT ${id}::int${more} UNION ALL SELECT c.id FROM organisations c WHERE c.parent_id = ${id}`;
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
               denominator::float8 AS denominator, yes_count AS "yesCount", reports
        FROM plan_rollups WHERE plan_id = ${planId} AND period_key = ${periodKey} AND ${inOrgSet(sql`org_id`, orgs)}`,
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

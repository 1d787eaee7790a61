import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';

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
  version: number;
};

const planColumns = sql`pl.id, pl.issuer_org_id AS "issuerOrgId", pl.issuer_path::text AS "issuerPath", o.name AS "issuerName",
  pl.kind, pl.number, pl.title, pl.issued_on::text AS "issuedOn", pl.period_start::text AS "periodStart",
  pl.period_end::text AS "periodEnd", pl.legal_bases AS "legalBases", pl.implements_plan_id AS "implementsPlanId",
  pl.objectives, pl.status, pl.report_period_type AS "reportPeriodType", pl.report_due_on::text AS "reportDueOn",
  pl.report_due_days AS "reportDueDays", pl.version`;

export async function findPlan(db: Db | Tx, scope: Scope, id: number): Promise<PlanRow | undefined> {
  const [row] = await rows<PlanRow>(
    db,
    sql`SELECT ${planColumns} FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE pl.id = ${id} AND ${planVisibleSql(scope)}`,
  );
  return row;
}

export async function listPlans(db: Db, scope: Scope) {
  return rows<PlanRow>(
    db,
    sql`SELECT ${planColumns} FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE ${planVisibleSql(scope)} ORDER BY pl.issued_on DESC, pl.id DESC LIMIT 500`,
  );
}

export async function planIndicatorsOf(db: Db | Tx, planId: number) {
  return rows<{
    id: number;
    code: string;
    name: string;
    unit: string;
    kind: 'count' | 'sum' | 'ratio' | 'yes_no';
    numeratorLabel: string | null;
    denominatorLabel: string | null;
    goalPercent: number;
  }>(
    db,
    sql`SELECT id, code, name, unit, kind, numerator_label AS "numeratorLabel", denominator_label AS "denominatorLabel",
               goal_percent::float8 AS "goalPercent"
        FROM plan_indicators WHERE plan_id = ${planId} ORDER BY position`,
  );
}

export async function planRecipientsOf(db: Db | Tx, planId: number) {
  return rows<{ orgId: number; orgName: string; orgPath: string; role: 'reporter' | 'copy' }>(
    db,
    sql`SELECT r.org_id AS "orgId", o.name AS "orgName", r.org_path::text AS "orgPath", r.role
        FROM plan_recipients r JOIN organisations o ON o.id = r.org_id WHERE r.plan_id = ${planId}
        ORDER BY r.role DESC, o.search_text`,
  );
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

export type RollupRow = {
  orgId: number;
  indicatorId: number;
  value: number;
  denominator: number;
  yesCount: number;
};

export async function rollupsFor(
  db: Db,
  planId: number,
  periodKey: string,
  orgIds: number[],
): Promise<RollupRow[]> {
  if (orgIds.length === 0) return [];
  return rows<RollupRow>(
    db,
    sql`SELECT org_id AS "orgId", indicator_id AS "indicatorId", value::float8 AS value,
               denominator::float8 AS denominator, yes_count AS "yesCount"
        FROM plan_rollups WHERE plan_id = ${planId} AND period_key = ${periodKey}
          AND org_id = ANY(${`{${orgIds.join(',')}}`}::int[])`,
  );
}

/** Expected reporters in a subtree with their report's status for the period. */
export async function reportersUnder(db: Db, planId: number, periodKey: string, path: string) {
  return rows<{
    orgId: number;
    orgName: string;
    orgPath: string;
    firstSubmittedAt: Date | string | null;
    counted: boolean;
  }>(
    db,
    sql`SELECT r.org_id AS "orgId", o.name AS "orgName", r.org_path::text AS "orgPath",
               rep.first_submitted_at AS "firstSubmittedAt", coalesce(rep.status IN ('submitted', 'accepted'), false) AS counted
        FROM plan_recipients r JOIN organisations o ON o.id = r.org_id
        LEFT JOIN plan_reports rep ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${periodKey}
        WHERE r.plan_id = ${planId} AND r.role = 'reporter' AND r.org_path <@ ${path}::ltree
        ORDER BY o.search_text`,
  );
}

export async function targetsFor(db: Db, planId: number, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  return rows<{ indicatorId: number; orgId: number; value: number }>(
    db,
    sql`SELECT t.indicator_id AS "indicatorId", t.org_id AS "orgId", t.value::float8 AS value
        FROM plan_targets t JOIN plan_indicators i ON i.id = t.indicator_id
        WHERE i.plan_id = ${planId} AND t.org_id = ANY(${`{${orgIds.join(',')}}`}::int[])`,
  );
}

import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';
import { intArray } from './lists.repo.ts';
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

export const planColumns = sql`pl.id, pl.issuer_org_id AS "issuerOrgId", pl.issuer_path::text AS "issuerPath", o.name AS "issuerName",
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

/*
 * Organisations read by id without the caller's scope, on purpose: a revision names the organisations it
 * added (copies go to partners anywhere), and an activity's lead may sit outside the issuer's tree — its path
 * is read only to check the caller's own report.write there. Neither answers more than a name.
 */
/** Names of organisations by id (those a revision added), for labels. */
export async function orgNamesOf(db: Db | Tx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: number; name: string }>(
    db,
    sql`SELECT id, name FROM organisations WHERE id = ANY(${intArray(ids)}::int[])`,
  );
  return new Map(list.map((o) => [o.id, o.name]));
}

/** Paths of organisations by id (the lead organisations of a plan's activities), for permission checks. */
export async function orgPathsOf(db: Db | Tx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: number; path: string }>(
    db,
    sql`SELECT id, path::text AS path FROM organisations WHERE id = ANY(${intArray(ids)}::int[])`,
  );
  return new Map(list.map((o) => [o.id, o.path]));
}

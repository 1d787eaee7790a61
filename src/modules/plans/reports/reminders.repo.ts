import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { PlanPeriods } from '../periods.ts';
import { expectedSql } from '../plans.repo.ts';

export type PlanForReminder = PlanPeriods & {
  id: number;
  number: string;
  title: string;
  issuerOrgId: number;
  issuerPath: string;
  reportLockDays: number | null;
};
export type DuePeriod = { key: string; due: string; kind: 'due_soon' | 'overdue'; days: number };

/** The issued plans that may have a period to remind of on `today`. */
export async function plansToRemind(db: Db, today: string, overdueDays: number) {
  return rows<PlanForReminder>(
    db,
    sql`SELECT id, number, title, issuer_org_id AS "issuerOrgId", issuer_path::text AS "issuerPath",
               report_period_type AS "reportPeriodType", period_start::text AS "periodStart",
               period_end::text AS "periodEnd", report_due_on::text AS "reportDueOn",
               report_due_days AS "reportDueDays", report_lock_days AS "reportLockDays"
        FROM plans
        WHERE status = 'issued'
          -- no period of a plan whose last due date is past the overdue cut-off can need a notice
          AND greatest(coalesce(report_due_on, period_end), period_end + report_due_days)
              >= ${today}::date - ${overdueDays}::int
        ORDER BY id`,
  );
}

/**
 * Who must be reminded of one plan period: for each reporter expected to report for it (the plans module's
 * rule) and still active that has not submitted (no report, a draft or a returned one), the users responsible.
 * Responsible: active users whose role carries `report.write` through a grant at the reporter itself; when a
 * unit has none (a grassroots union without an account), those at its nearest ancestor that has one, strictly
 * below the issuer — the sector union that reports for it. Grants higher up (the issuer, the province) are not
 * used: they would flood the issuer's administrators, who already see missing units on the dashboard.
 */
export async function pendingWriters(tx: Tx, plan: PlanForReminder, periodKey: string) {
  const writerAt = (orgId: unknown) => sql`SELECT g.user_id FROM role_grants g
      JOIN roles ro ON ro.key = g.role JOIN users u ON u.id = g.user_id
      WHERE g.org_id = ${orgId} AND u.is_active AND 'report.write' = ANY(ro.permissions)`;
  return rows<{ userId: number; orgId: number; orgName: string }>(
    tx,
    sql`WITH pending AS (
          SELECT r.org_id, r.org_path, o.name
          FROM plan_recipients r JOIN organisations o ON o.id = r.org_id
          LEFT JOIN plan_reports rep ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${periodKey}
          WHERE r.plan_id = ${plan.id} AND ${expectedSql(plan, periodKey)} AND o.status = 'active'
            AND (rep.status IS NULL OR rep.status IN ('draft', 'returned'))
        ), responsible AS (
          SELECT pe.org_id, pe.name, (
            SELECT a.id FROM unnest(string_to_array(pe.org_path::text, '.')::int[]) WITH ORDINALITY AS a(id, depth)
            WHERE a.depth > nlevel(${plan.issuerPath}::ltree) AND EXISTS (${writerAt(sql`a.id`)})
            ORDER BY a.depth DESC LIMIT 1) AS at_org
          FROM pending pe
        )
        SELECT DISTINCT w.user_id AS "userId", r.org_id AS "orgId", r.name AS "orgName"
        FROM responsible r CROSS JOIN LATERAL (${writerAt(sql`r.at_org`)}) w
        WHERE r.at_org IS NOT NULL
        ORDER BY "userId", "orgName", "orgId"`,
  );
}

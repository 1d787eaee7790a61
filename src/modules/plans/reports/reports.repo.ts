import { and, eq, sql } from 'drizzle-orm';
import type { ReportView } from '../../../contracts/plans.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { intArray } from '../lists.repo.ts';
import { type PlanRow, planColumns } from '../plans.repo.ts';
import { planReportBreakdowns, planReports, planReportValues } from '../plans.tables.ts';

/** Reports of units per plan and period: the rows, their values and disaggregations. */

export type ReportRow = typeof planReports.$inferSelect;
export type ReportStatus = ReportRow['status'];
export type StoredValue = {
  indicatorId: number;
  value: number;
  denominator?: number | null;
  breakdown?: { category: string; value: number }[] | null;
};

/** One report as the API shows it (without what is computed from the plan), and its values. */
export async function reportWithValues(db: Db | Tx, id: number) {
  const [[report], values] = await Promise.all([
    rows<Omit<ReportView, 'timeliness' | 'values' | 'locksOn'> & { firstSubmittedAt: string | null }>(
      db,
      sql`SELECT r.id, r.plan_id AS "planId", r.org_id AS "orgId", o.name AS "orgName", r.period_key AS "periodKey", r.status,
                 r.due_on::text AS "dueOn", r.first_submitted_at AS "firstSubmittedAt", r.submitted_at AS "submittedAt",
                 r.review_comment AS "reviewComment", r.version
          FROM plan_reports r JOIN organisations o ON o.id = r.org_id WHERE r.id = ${id}`,
    ),
    rows<ReportView['values'][number]>(
      db,
      sql`SELECT v.indicator_id AS "indicatorId", v.value::float8 AS value, v.denominator::float8 AS denominator,
                 (SELECT json_agg(json_build_object('category', b.category, 'value', b.value::float8) ORDER BY b.category)
                  FROM plan_report_breakdowns b WHERE b.report_id = v.report_id AND b.indicator_id = v.indicator_id) AS breakdown
          FROM plan_report_values v WHERE v.report_id = ${id} ORDER BY v.indicator_id`,
    ),
  ]);
  return report && { report, values };
}

/** A first save: the new row, or nothing when another user created it a moment ago. */
export async function insertReport(tx: Tx, row: typeof planReports.$inferInsert) {
  const [created] = await tx.insert(planReports).values(row).onConflictDoNothing().returning();
  return created;
}

/** The report of a unit and period, locked for the save that changes it. */
export async function lockReportOf(tx: Tx, planId: number, orgId: number, periodKey: string) {
  const [row] = await tx
    .select()
    .from(planReports)
    .where(
      and(eq(planReports.planId, planId), eq(planReports.orgId, orgId), eq(planReports.periodKey, periodKey)),
    )
    .for('update');
  return row;
}

/** A report of a plan by id, locked for its review. */
export async function lockReport(tx: Tx, planId: number, reportId: number) {
  const [row] = await tx
    .select()
    .from(planReports)
    .where(and(eq(planReports.id, reportId), eq(planReports.planId, planId)))
    .for('update');
  return row;
}

export async function updateReport(tx: Tx, id: number, set: Partial<typeof planReports.$inferInsert>) {
  const [row] = await tx.update(planReports).set(set).where(eq(planReports.id, id)).returning();
  return row!;
}

/** A report's values and disaggregations, replaced whole (`isNew`: there is nothing to remove yet). */
export async function writeValues(tx: Tx, reportId: number, values: StoredValue[], isNew: boolean) {
  if (!isNew) {
    await tx.delete(planReportValues).where(eq(planReportValues.reportId, reportId));
    await tx.delete(planReportBreakdowns).where(eq(planReportBreakdowns.reportId, reportId));
  }
  if (values.length === 0) return;
  await tx.insert(planReportValues).values(
    values.map((v) => ({
      reportId,
      indicatorId: v.indicatorId,
      value: v.value,
      denominator: v.denominator ?? null,
    })),
  );
  const parts = values.flatMap((v) =>
    (v.breakdown ?? []).map((b) => ({ reportId, indicatorId: v.indicatorId, ...b })),
  );
  if (parts.length) await tx.insert(planReportBreakdowns).values(parts);
}

/** The path of a report's unit, for the caller's scope check. */
export async function reportOrgPath(db: Db | Tx, planId: number, reportId: number) {
  const [r] = await rows<{ orgPath: string }>(
    db,
    sql`SELECT org_path::text AS "orgPath" FROM plan_reports WHERE id = ${reportId} AND plan_id = ${planId}`,
  );
  return r?.orgPath;
}

/** The report of a unit and period, by the reports' key, when one was started. */
export async function reportIdOf(db: Db | Tx, planId: number, orgId: number, periodKey: string) {
  const [r] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM plan_reports WHERE plan_id = ${planId} AND org_id = ${orgId} AND period_key = ${periodKey}`,
  );
  return r?.id;
}

/** Issued plans in which one of `orgIds` must report, with that unit (the inbox; at most 500 pairs). */
export async function plansReportedBy(db: Db | Tx, orgIds: number[]) {
  return rows<PlanRow & { orgId: number; orgName: string }>(
    db,
    sql`SELECT ${planColumns}, r.org_id AS "orgId", ro.name AS "orgName"
        FROM plan_recipients r JOIN plans pl ON pl.id = r.plan_id
        JOIN organisations o ON o.id = pl.issuer_org_id JOIN organisations ro ON ro.id = r.org_id
        WHERE r.role = 'reporter' AND pl.status = 'issued' AND r.org_id = ANY(${intArray(orgIds)}::int[])
        ORDER BY pl.id LIMIT 500`,
  );
}

/** The reports of these units in these plans, every period. */
export async function reportsOfUnits(db: Db | Tx, planIds: number[], orgIds: number[]) {
  return rows<{
    planId: number;
    orgId: number;
    periodKey: string;
    status: ReportStatus;
    firstSubmittedAt: Date | string | null;
    reviewComment: string | null;
  }>(
    db,
    sql`SELECT plan_id AS "planId", org_id AS "orgId", period_key AS "periodKey", status,
               first_submitted_at AS "firstSubmittedAt", review_comment AS "reviewComment"
        FROM plan_reports WHERE plan_id = ANY(${intArray(planIds)}::int[]) AND org_id = ANY(${intArray(orgIds)}::int[])`,
  );
}

/**
 * What the form shows beside each input: the unit's target (chỉ tiêu giao) for the period — its own, else the
 * plan-wide one — and the value it reported for the previous period (submitted or accepted), per indicator.
 */
export async function formContext(
  db: Db,
  planId: number,
  orgId: number,
  periodKey: string,
  previousKey: string | null,
) {
  return rows<{ indicatorId: number; target: number | null; previous: number | null }>(
    db,
    sql`SELECT i.id AS "indicatorId",
               (SELECT t.value::float8 FROM plan_targets t
                 WHERE t.indicator_id = i.id AND t.org_id = ${orgId} AND t.period_key IN (${periodKey}, '*')
                 ORDER BY (t.period_key = '*') LIMIT 1) AS target,
               (SELECT v.value::float8 FROM plan_reports r JOIN plan_report_values v ON v.report_id = r.id
                 WHERE r.plan_id = ${planId} AND r.org_id = ${orgId} AND r.period_key = ${previousKey}
                   AND r.status IN ('submitted', 'accepted') AND v.indicator_id = i.id) AS previous
        FROM plan_indicators i WHERE i.plan_id = ${planId} ORDER BY i.id`,
  );
}

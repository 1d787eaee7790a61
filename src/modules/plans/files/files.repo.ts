import { and, asc, eq, sql } from 'drizzle-orm';
import { intArray } from '../../../platform/db/arrays.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { planAttachments } from '../plans.tables.ts';

/**
 * Queries of the plans' files (exports, report templates, attachments). Callers have already checked
 * the plan and organisation against the actor's scope; ids passed here come from those checked rows.
 */

/** Names and parents of organisations, for the lines of a consolidated report (no subtree counts). */
export async function orgNames(db: Db | Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return rows<{ id: number; name: string; parentId: number | null; path: string }>(
    db,
    sql`SELECT id, name, parent_id AS "parentId", path::text AS path FROM organisations
        WHERE id = ANY(${intArray(ids)}::int[])`,
  );
}

export type StoredReport = {
  orgId: number;
  status: 'draft' | 'submitted' | 'accepted' | 'returned';
  version: number;
  values: { indicatorId: number; value: number | null; denominator: number | null }[];
  breakdowns: { indicatorId: number; category: string; value: number }[];
};

/** The current report (any status) of each unit for one period, with its values and disaggregations. */
export async function reportsOf(
  db: Db | Tx,
  planId: number,
  periodKey: string,
  orgIds: number[],
): Promise<Map<number, StoredReport>> {
  const out = new Map<number, StoredReport>();
  if (orgIds.length === 0) return out;
  const reports = await rows<{ id: number; orgId: number; status: StoredReport['status']; version: number }>(
    db,
    sql`SELECT id, org_id AS "orgId", status, version FROM plan_reports
        WHERE plan_id = ${planId} AND period_key = ${periodKey} AND org_id = ANY(${intArray(orgIds)}::int[])`,
  );
  if (reports.length === 0) return out;
  const ids = intArray(reports.map((r) => r.id));
  const [values, breakdowns] = await Promise.all([
    rows<{ reportId: number; indicatorId: number; value: number | null; denominator: number | null }>(
      db,
      sql`SELECT report_id AS "reportId", indicator_id AS "indicatorId", value::float8 AS value,
                 denominator::float8 AS denominator
          FROM plan_report_values WHERE report_id = ANY(${ids}::int[])`,
    ),
    rows<{ reportId: number; indicatorId: number; category: string; value: number }>(
      db,
      sql`SELECT report_id AS "reportId", indicator_id AS "indicatorId", category, value::float8 AS value
          FROM plan_report_breakdowns WHERE report_id = ANY(${ids}::int[])`,
    ),
  ]);
  for (const r of reports) {
    out.set(r.orgId, {
      orgId: r.orgId,
      status: r.status,
      version: r.version,
      values: values.filter((v) => v.reportId === r.id).map(({ reportId: _r, ...v }) => v),
      breakdowns: breakdowns.filter((b) => b.reportId === r.id).map(({ reportId: _r, ...b }) => b),
    });
  }
  return out;
}

const attachmentColumns = {
  id: planAttachments.id,
  fileName: planAttachments.fileName,
  contentType: planAttachments.contentType,
  size: planAttachments.size,
  sha256: planAttachments.sha256,
  uploadedBy: planAttachments.uploadedBy,
  createdAt: planAttachments.createdAt,
};

export async function listAttachments(db: Db | Tx, planId: number) {
  return db
    .select({
      ...attachmentColumns,
      uploadedByName: sql<
        string | null
      >`(SELECT full_name FROM users u WHERE u.id = ${planAttachments.uploadedBy})`,
    })
    .from(planAttachments)
    .where(and(eq(planAttachments.planId, planId), eq(planAttachments.removed, false)))
    .orderBy(asc(planAttachments.createdAt), asc(planAttachments.id));
}

export async function findAttachment(db: Db | Tx, planId: number, id: number, withContent: boolean) {
  const [row] = await db
    .select({ ...attachmentColumns, ...(withContent ? { content: planAttachments.content } : {}) })
    .from(planAttachments)
    .where(
      and(eq(planAttachments.planId, planId), eq(planAttachments.id, id), eq(planAttachments.removed, false)),
    );
  return row as (typeof row & { content?: Buffer }) | undefined;
}

export async function insertAttachment(tx: Tx, row: typeof planAttachments.$inferInsert) {
  const [created] = await tx.insert(planAttachments).values(row).returning(attachmentColumns);
  return created!;
}

export async function markAttachmentRemoved(tx: Tx, id: number) {
  await tx.update(planAttachments).set({ removed: true }).where(eq(planAttachments.id, id));
}

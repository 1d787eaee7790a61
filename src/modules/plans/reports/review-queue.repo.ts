import { type SQL, sql } from 'drizzle-orm';
import { type Db, fetchPage, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { offsetOf, type Page } from '../lists.repo.ts';

/**
 * The reviewer's queue across plans: submitted reports of issued plans whose issuer lies in the caller's
 * `plan.manage` scope (the scope that reviews, see review.service). Paged in SQL, oldest submission first.
 */

export type QueueFilter = Page & { planId?: number; periodKey?: string };
export type QueueRow = {
  reportId: number;
  planId: number;
  planNumber: string;
  planTitle: string;
  orgId: number;
  orgName: string;
  periodKey: string;
  submittedAt: Date | string;
  version: number;
};

const waiting = (scope: Scope) =>
  sql`rep.status = 'submitted' AND p.status = 'issued' AND ${scopeSql(scope, sql`p.issuer_path`)}`;

function queueWhere(scope: Scope, f: { planId?: number; periodKey?: string }): SQL {
  const conds = [waiting(scope)];
  if (f.planId) conds.push(sql`rep.plan_id = ${f.planId}`);
  if (f.periodKey) conds.push(sql`rep.period_key = ${f.periodKey}`);
  return sql.join(conds, sql` AND `);
}

export async function reviewQueuePage(db: Db, scope: Scope, f: QueueFilter) {
  const where = queueWhere(scope, f);
  return fetchPage<QueueRow>(
    db,
    sql`SELECT rep.id AS "reportId", rep.plan_id AS "planId", p.number AS "planNumber", p.title AS "planTitle",
               rep.org_id AS "orgId", o.name AS "orgName", rep.period_key AS "periodKey",
               rep.submitted_at AS "submittedAt", rep.version
        FROM plan_reports rep JOIN plans p ON p.id = rep.plan_id JOIN organisations o ON o.id = rep.org_id
        WHERE ${where}
        ORDER BY rep.submitted_at, rep.id LIMIT ${f.pageSize} OFFSET ${offsetOf(f)}`,
    sql`SELECT count(*)::int AS total FROM plan_reports rep JOIN plans p ON p.id = rep.plan_id WHERE ${where}`,
  );
}

/** How many reports wait, per plan and period, newest period first. */
export async function reviewQueueGroups(db: Db, scope: Scope) {
  return rows<{ planId: number; planNumber: string; periodKey: string; count: number }>(
    db,
    sql`SELECT rep.plan_id AS "planId", p.number AS "planNumber", rep.period_key AS "periodKey",
               count(*)::int AS count
        FROM plan_reports rep JOIN plans p ON p.id = rep.plan_id
        WHERE ${waiting(scope)}
        GROUP BY rep.plan_id, p.number, rep.period_key
        ORDER BY p.number, rep.period_key DESC`,
  );
}

/** The latest period of one plan with a submitted report waiting for review, if any. */
export async function latestWaitingPeriod(db: Db | Tx, planId: number): Promise<string | null> {
  const [r] = await rows<{ periodKey: string }>(
    db,
    sql`SELECT period_key AS "periodKey" FROM plan_reports
        WHERE plan_id = ${planId} AND status = 'submitted'
        ORDER BY period_key DESC LIMIT 1`,
  );
  return r?.periodKey ?? null;
}

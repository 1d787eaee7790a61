import { type SQL, sql } from 'drizzle-orm';
import { type Db, fetchPage } from '../../../platform/db/database.ts';
import { namedLike, offsetOf, type Page, searchKey } from '../lists.repo.ts';
import { type DueState, expectedSql, type PlanRow } from '../plans.repo.ts';

/** The reviewer's queue, a page at a time: thousands of reporters, every page cut in SQL before names are read. */

export type ReviewStatus = 'none' | 'draft' | 'submitted' | 'accepted' | 'returned';
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending';
export type ReviewFilter = Page & {
  status?: ReviewStatus;
  timeliness?: Timeliness;
  q?: string;
  sort: 'name' | 'submittedAt' | 'status';
  order: 'asc' | 'desc';
};
export type ReviewRow = {
  orgId: number;
  orgName: string;
  lineName: string | null;
  reportId: number | null;
  status: ReviewStatus;
  timeliness: Timeliness;
  submittedAt: Date | string | null;
  reviewComment: string | null;
};

/**
 * `e`: the expected reporters of a subtree with their report for the period, its state (`none` before one
 * is started), timeliness by the same rule as `timeliness()` in periods.ts, and the child line of the
 * subtree's organisation each one is under.
 */
function reviewCte(plan: PlanRow, periodKey: string, path: string, due: DueState): SQL {
  const depth = path.split('.').length;
  return sql`e AS (
    SELECT r.org_id, rep.id AS report_id, coalesce(rep.status, 'none') AS status, rep.submitted_at,
           rep.review_comment,
           CASE WHEN rep.first_submitted_at IS NULL THEN ${sql.raw(due.isPastDue ? "'missing'" : "'pending'")}
                WHEN rep.first_submitted_at >= ${due.lateFrom.toISOString()}::timestamptz THEN 'late'
                ELSE 'on_time' END AS timeliness,
           CASE WHEN nlevel(r.org_path) > ${depth} THEN ltree2text(subpath(r.org_path, ${depth}, 1))::int END AS line
    FROM plan_recipients r
    LEFT JOIN plan_reports rep ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${periodKey}
    WHERE r.plan_id = ${plan.id} AND r.org_path <@ ${path}::ltree AND ${expectedSql(plan, periodKey)})`;
}

/** Waiting for review first, then returned (being corrected), drafts, not started, accepted. */
const statusRank = (a: SQL) =>
  sql`CASE ${a}.status WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 WHEN 'draft' THEN 2 WHEN 'none' THEN 3 ELSE 4 END`;

function reviewOrder(f: ReviewFilter, a: SQL): SQL {
  const dir = sql.raw(f.order === 'desc' ? 'DESC' : 'ASC');
  const byName = sql`${a}.search_text ${dir}, ${a}.org_id ${dir}`;
  if (f.sort === 'submittedAt')
    return sql`${a}.submitted_at ${dir} NULLS LAST, ${a}.search_text, ${a}.org_id`;
  if (f.sort === 'status') return sql`${statusRank(a)} ${dir}, ${a}.search_text, ${a}.org_id`;
  return byName;
}

/**
 * The reviewer's queue for a subtree and period: a page of the expected reporters with their report's state,
 * filtered and sorted, and how many match. Each unit's sort key is read by key (see `searchKey`); the page
 * is cut before the names of its units and their lines are read, for its rows only.
 */
export async function reviewPage(
  db: Db,
  plan: PlanRow,
  periodKey: string,
  path: string,
  due: DueState,
  f: ReviewFilter,
) {
  const conds: SQL[] = [sql`true`];
  if (f.status) conds.push(sql`e.status = ${f.status}`);
  if (f.timeliness) conds.push(sql`e.timeliness = ${f.timeliness}`);
  if (f.q) conds.push(sql`e.org_id IN (${namedLike(f.q)})`);
  const where = sql.join(conds, sql` AND `);
  const e = reviewCte(plan, periodKey, path, due);
  return fetchPage<ReviewRow>(
    db,
    sql`WITH ${e}, page AS (
          SELECT y.* FROM (SELECT e.*, ${searchKey(sql`e.org_id`)} AS search_text FROM e WHERE ${where}) y
          ORDER BY ${reviewOrder(f, sql`y`)} LIMIT ${f.pageSize} OFFSET ${offsetOf(f)})
        SELECT x.org_id AS "orgId", (SELECT o.name FROM organisations o WHERE o.id = x.org_id) AS "orgName",
               CASE WHEN x.line <> x.org_id THEN (SELECT l.name FROM organisations l WHERE l.id = x.line) END AS "lineName",
               x.report_id AS "reportId", x.status, x.timeliness, x.submitted_at AS "submittedAt",
               x.review_comment AS "reviewComment"
        FROM page x ORDER BY ${reviewOrder(f, sql`x`)}`,
    sql`WITH ${e} SELECT count(*)::int AS total FROM e WHERE ${where}`,
  );
}

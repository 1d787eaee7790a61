import { type SQL, sql } from 'drizzle-orm';
import type { RecipientItem } from '../../../contracts/plans.ts';
import { type Db, fetchPage, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { type DueState, expectedSql, type PlanRow } from '../plans.repo.ts';

/**
 * The plans' long lists, a page at a time: a plan's recipients and the reviewer's queue. A national plan has
 * thousands of reporters; no answer carries them all, and every page is cut in SQL before its names are read.
 */

type Page = { page: number; pageSize: number };
const offsetOf = (p: Page) => (p.page - 1) * p.pageSize;
const intArray = (ids: number[]) => `{${ids.join(',')}}`;

export async function recipientCounts(db: Db | Tx, planId: number) {
  const [r] = await rows<{ reporters: number; copies: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE role = 'reporter')::int AS reporters,
               count(*) FILTER (WHERE role = 'copy')::int AS copies
        FROM plan_recipients WHERE plan_id = ${planId}`,
  );
  return r ?? { reporters: 0, copies: 0 };
}

export type RecipientFilter = Page & {
  role?: 'reporter' | 'copy';
  q?: string;
  /** Only recipients inside this scope (the subtrees where the caller holds a permission). */
  within?: Scope;
  /** Organisations listed first (the caller's own units, where it holds a grant itself). */
  preferIds?: number[];
};

/**
 * An organisation's sort key read by its primary key, once per row. As a join, PostgreSQL would rather
 * hash all 126,000 organisations than look up the few thousand recipients (a plan's rows are a small
 * share of the table, and the planner prices each lookup as a disk read): 3–4× slower on a national plan.
 */
const searchKey = (orgId: SQL) => sql`(SELECT k.search_text FROM organisations k WHERE k.id = ${orgId})`;

/**
 * The organisations whose name matches a search without diacritics, through the trigram index as the
 * organisations' own search does: a name typed is usually rarer than the plan's recipients.
 */
const namedLike = (q: string) =>
  sql`SELECT s.id FROM organisations s WHERE ${matchesSearch(sql`s.search_text`, q)}`;

/**
 * `byName`: a page ordered by name (the recipients' list); otherwise the first ones by level and id, with
 * no name read before the cut (a plan's detail), shown by name. Reporters first, higher levels first, the
 * preferred organisations before all of them.
 */
function recipientsSql(planId: number, f: RecipientFilter, byName: boolean) {
  const conds: SQL[] = [sql`r.plan_id = ${planId}`];
  if (f.role) conds.push(sql`r.role = ${f.role}`);
  if (f.within) conds.push(scopeSql(f.within, sql`r.org_path`));
  if (f.q) conds.push(sql`r.org_id IN (${namedLike(f.q)})`);
  const where = sql.join(conds, sql` AND `);
  const head = (a: SQL) =>
    sql`${f.preferIds?.length ? sql`${a}.org_id = ANY(${intArray(f.preferIds)}::int[]) DESC, ` : sql``}${a}.role = 'reporter' DESC, nlevel(${a}.org_path)`;
  const inner = byName ? sql`${head(sql`y`)}, y.sort_key, y.org_id` : sql`${head(sql`y`)}, y.org_id`;
  // withTotal: every match counted by a window over the rows before the cut, in the same statement.
  const page = (withTotal: boolean) =>
    sql`SELECT x.org_id AS "orgId", o.name AS "orgName", p.name AS "parentName", x.role,
               x.added_on::text AS "addedOn"${withTotal ? sql`, x.total` : sql``}
        FROM (SELECT y.*${withTotal ? sql`, count(*) OVER ()::int AS total` : sql``}
              FROM (SELECT r.org_id, r.org_path, r.role, r.added_on${byName ? sql`, ${searchKey(sql`r.org_id`)} AS sort_key` : sql``}
                    FROM plan_recipients r WHERE ${where}) y
              ORDER BY ${inner} LIMIT ${f.pageSize} OFFSET ${offsetOf(f)}) x
        JOIN organisations o ON o.id = x.org_id
        LEFT JOIN organisations p ON p.id = o.parent_id
        ORDER BY ${head(sql`x`)}, o.search_text, x.org_id`;
  const count = sql`SELECT count(*)::int AS total FROM plan_recipients r WHERE ${where}`;
  return { page, count };
}

/**
 * A page of a plan's recipients by name and how many match: reporters first, higher levels first (the
 * preferred organisations before all of them). The page is cut before the names and parents are read.
 */
export async function recipientsPage(db: Db | Tx, planId: number, f: RecipientFilter) {
  const q = recipientsSql(planId, f, true);
  return fetchPage<RecipientItem>(db, q.page(false), q.count);
}

/**
 * The first `pageSize` recipients and how many match, in one statement, for a plan's detail: the first by
 * level and id (shown by name), so no organisation is read beyond those shown; when they all fit, it is the
 * list's own order.
 */
export async function firstRecipients(db: Db | Tx, planId: number, f: Omit<RecipientFilter, 'page'>) {
  const q = recipientsSql(planId, { ...f, page: 1 }, false);
  const list = await rows<RecipientItem & { total: number }>(db, q.page(true));
  return { items: list.map(({ total: _t, ...r }) => r), total: list[0]?.total ?? 0 };
}

/** Recipients of a plan among `orgIds`, by the key (plan, organisation): a file's units, an amendment's. */
export async function recipientsAmong(db: Db | Tx, planId: number, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  return rows<{ orgId: number; orgName: string; orgPath: string; role: 'reporter' | 'copy' }>(
    db,
    sql`SELECT r.org_id AS "orgId", o.name AS "orgName", r.org_path::text AS "orgPath", r.role
        FROM plan_recipients r JOIN organisations o ON o.id = r.org_id
        WHERE r.plan_id = ${planId} AND r.org_id = ANY(${intArray(orgIds)}::int[])`,
  );
}

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

import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RecipientItem } from '../../../contracts/plans.ts';
import { type Db, fetchPage, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { organisations } from '../../orgs/index.ts';
import { intArray, namedLike, offsetOf, type Page, searchKey } from '../lists.repo.ts';
import { planRecipients } from '../plans.tables.ts';

/**
 * A plan's recipients, a page at a time. A national plan has thousands of reporters; no answer carries them
 * all, and every page is cut in SQL before its names are read.
 */

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

/** The active organisations among `ids`, with their paths (checked as recipients before they are written). */
export async function activeOrgs(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisations.id, path: organisations.path })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.status, 'active')));
}

export type NewRecipient = typeof planRecipients.$inferInsert;

/**
 * Recipients written in one statement. One already on the plan keeps its role unless it is now asked to
 * report: a copy becomes a reporter, from the new row's `addedOn`; a reporter never drops to a copy.
 */
export async function upsertRecipients(tx: Tx, list: NewRecipient[]) {
  if (list.length === 0) return;
  await tx
    .insert(planRecipients)
    .values(list)
    .onConflictDoUpdate({
      target: [planRecipients.planId, planRecipients.orgId],
      set: {
        role: sql`CASE WHEN excluded.role = 'reporter' THEN 'reporter' ELSE plan_recipients.role END`,
        addedOn: sql`CASE WHEN excluded.role = 'reporter' AND plan_recipients.role = 'copy'
                          THEN excluded.added_on ELSE plan_recipients.added_on END`,
      },
    });
}

/**
 * Removes a plan's recipients: those of `orgIds`, or every one but those of the role `keep`, or all.
 * Answers how many went.
 */
export async function deleteRecipients(
  tx: Tx,
  planId: number,
  which: { orgIds: number[] } | { keep: 'reporter' | 'copy' | null },
): Promise<number> {
  const ofPlan = eq(planRecipients.planId, planId);
  const where =
    'orgIds' in which
      ? and(ofPlan, inArray(planRecipients.orgId, which.orgIds))
      : which.keep
        ? and(ofPlan, sql`${planRecipients.role} <> ${which.keep}`)
        : ofPlan;
  const gone = await tx.delete(planRecipients).where(where).returning({ orgId: planRecipients.orgId });
  return gone.length;
}

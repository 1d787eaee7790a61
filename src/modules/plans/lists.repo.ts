import { type SQL, sql } from 'drizzle-orm';
import { matchesSearch } from '../../platform/db/sql-helpers.ts';

/** SQL pieces of the plans' long lists (recipients, the reviewer's queue), cut a page at a time in SQL. */

export type Page = { page: number; pageSize: number };
export const offsetOf = (p: Page) => (p.page - 1) * p.pageSize;
export { intArray } from '../../platform/db/arrays.ts';

/**
 * An organisation's sort key read by its primary key, once per row. As a join, PostgreSQL would rather
 * hash all 126,000 organisations than look up the few thousand recipients (a plan's rows are a small
 * share of the table, and the planner prices each lookup as a disk read): 3–4× slower on a national plan.
 */
export const searchKey = (orgId: SQL) =>
  sql`(SELECT k.search_text FROM organisations k WHERE k.id = ${orgId})`;

/**
 * The organisations whose name matches a search without diacritics, through the trigram index as the
 * organisations' own search does: a name typed is usually rarer than the plan's recipients.
 */
export const namedLike = (q: string) =>
  sql`SELECT s.id FROM organisations s WHERE ${matchesSearch(sql`s.search_text`, q)}`;

import { type SQL, sql } from 'drizzle-orm';
import { escapeLike, foldVi } from '../text.ts';

/** A LIKE pattern for diacritic-insensitive search: "bac giang" and "Bắc Giang" both match "Bắc Giang". */
export function searchPattern(q: string): string {
  const folded = escapeLike(foldVi(q)).trim().replace(/\s+/g, '%');
  return `%${folded}%`;
}

export function matchesSearch(column: SQL | unknown, q: string): SQL {
  return sql`${column} LIKE ${searchPattern(q)}`;
}

/**
 * ORDER BY terms for a paged list of people in the Vietnamese order (`contracts/names.ts`): the given name (the
 * last word) folded, then the whole name folded, then as written. SQL folds đ into d and ă/â into a, so within a
 * page of equal folded names the order can differ from the web's collator; lists that fit in memory sort with
 * the collator instead.
 */
export function vietnameseNameOrderSql(fullName: SQL | unknown): SQL {
  return sql`lower(ct_unaccent(regexp_replace(btrim(${fullName}), '^.*\\s', ''))), lower(ct_unaccent(${fullName})), ${fullName}`;
}

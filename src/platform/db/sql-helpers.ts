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

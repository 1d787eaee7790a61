import { type SQL, sql } from 'drizzle-orm';

/** A LIKE pattern for diacritic-insensitive search: "bac giang" and "Bắc Giang" both match "Bắc Giang". */
export function searchPattern(q: string): string {
  const folded = q
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .trim()
    .replace(/\s+/g, '%');
  return `%${folded}%`;
}

export function matchesSearch(column: SQL | unknown, q: string): SQL {
  return sql`${column} LIKE ${searchPattern(q)}`;
}

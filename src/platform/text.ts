/**
 * Vietnamese text folding — the one copy. `foldVi` must give what the database's `lower(ct_unaccent(…))` gives
 * (migration 0000), because search columns and identity indexes are folded in SQL and the query in JS:
 * `text.test.ts` compares the two on a corpus of real names and addresses.
 */
export function foldVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFC')
    .toLowerCase();
}

/** Folded, with runs of white space as one space and no spaces at the ends (duplicate checks, name search). */
export function foldWords(s: string): string {
  return foldVi(s).replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern's literal part: `%`, `_` and `\` escaped. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A column header or key folded to `snake_case` ASCII ("Ngày sinh" → `ngay_sinh`). */
export function foldKey(s: string): string {
  return foldVi(s)
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** ASCII for a file name (the plain `filename=` of Content-Disposition): no diacritics, `Đ` → `D`, no separators. */
export function asciiFileName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

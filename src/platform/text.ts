import { foldVi } from '../contracts/text.ts';

/** The one Vietnamese fold lives in the contracts, where the web imports it too. */
export { foldVi, foldWords } from '../contracts/text.ts';

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

/**
 * Vietnamese text folding — the one copy, shared by the server (`platform/text.ts`) and the web (search boxes).
 * `foldVi` must give what the database's `lower(ct_unaccent(…))` gives (migration 0000), because search columns
 * and identity indexes are folded in SQL and the query in JS: `platform/text.test.ts` compares the two on a corpus
 * of real names and addresses.
 */
export function foldVi(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      // unaccent's rules also flatten typographic punctuation: "Bà Rịa – Vũng Tàu" is "ba ria - vung tau" in SQL.
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
      .normalize('NFC')
      .toLowerCase()
  );
}

/** Folded, with runs of white space as one space and no spaces at the ends (duplicate checks, name search). */
export function foldWords(s: string): string {
  return foldVi(s).replace(/\s+/g, ' ').trim();
}

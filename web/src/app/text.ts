import { foldVi } from '@contracts/text.ts';

/** Lower case, no diacritics (đ → d): "Điện Biên" matches "dien bien". The server's fold, for every search box. */
export const fold = foldVi;

/** A Select's search that ignores diacritics and case: "lam viec" finds "làm việc". */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    fold(String(option?.label ?? '')).includes(fold(input.trim())),
};

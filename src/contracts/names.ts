/**
 * The order of a Vietnamese list of people — the one copy, shared by the server (signature sheets, roster
 * exports, certificate PDFs, lists) and the web. Vietnamese lists go by given name (tên, the last word of the full
 * name: "Nguyễn Văn An" is filed under An), then by the rest of the name, with Vietnamese letter order (a < ă < â,
 * d < đ) and tone marks after the bare letter; case does not count.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'accent' });

/** The given name (tên): the last word of a full name. */
export function givenName(fullName: string): string {
  return fullName.trim().split(/\s+/).at(-1) ?? fullName;
}

/** Compares two full names the Vietnamese way: given name first, then the whole name. */
export function compareVietnameseNames(a: string, b: string): number {
  return collator.compare(givenName(a), givenName(b)) || collator.compare(a.trim(), b.trim());
}

/** Sorts a list of rows by a person's name, the Vietnamese way (a copy; the input is left as it is). */
export function byVietnameseName<T>(rows: readonly T[], nameOf: (row: T) => string): T[] {
  return [...rows].sort((a, b) => compareVietnameseNames(nameOf(a), nameOf(b)));
}

/** ISO `2026-04-07` → `07/04/2026`, as Vietnamese offices write dates — the one copy, shared by server and contracts. */
export function formatViDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

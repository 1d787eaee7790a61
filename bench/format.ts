import type { ModeResult } from './report.ts';

/** Number and table formatting shared by the report and its reading. */

export const modeName = (m: ModeResult) =>
  m.mode === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded, in memory)';
export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
export const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
export const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MiB`;
export const n = (v: number) => v.toLocaleString('en');
export const ratio = (v: number) => v.toFixed(2);

export function table(head: string[], body: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  rosterWorkbook,
  sampleWorkers,
  withTypicalMistakes,
} from '../modules/training/roster/roster.sample.ts';

/**
 * Writes docs/samples/: a 30-worker roster with seed 000's three mistakes (row 4: a 9-digit CMND for the CCCD;
 * row 6: no birth date; row 9: row 5 again) and the corrected file. `npx node src/demo/roster-samples.ts`.
 * Import it into the open demo class QV-SCC-04 (8 seats left: the rest go to its waitlist).
 */
const dir = path.resolve(import.meta.dirname, '../../docs/samples');
mkdirSync(dir, { recursive: true });
const { bad, fixed } = withTypicalMistakes(sampleWorkers(30, 7, 500, '2026-12-01'));
writeFileSync(path.join(dir, 'danh-sach-hoc-vien-co-loi.xlsx'), await rosterWorkbook(bad));
writeFileSync(path.join(dir, 'danh-sach-hoc-vien-da-sua.xlsx'), await rosterWorkbook(fixed));
console.log(`wrote ${dir}`);

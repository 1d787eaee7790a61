import os from 'node:os';
import { ms, n, ratio, table } from './format.ts';
import type { TrainingResult } from './training-bench.ts';

/** The "Training" section of docs/benchmarks.md, and splicing it into the document without touching the rest. */

const SECTION = '## Training: roster import, certificate PDFs, public verification';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function renderTrainingSection(r: TrainingResult): string {
  const { roster, pdf, verify } = r;
  const bulk = median(pdf.bulkMs);
  const draw = median(pdf.drawMs);
  const importMs = roster.previewMs + roster.commitMs;
  return [
    SECTION,
    '',
    `${r.date.slice(0, 10)} · ${r.machine} · load average ${r.loadAvg.map((l) => l.toFixed(2)).join(' / ')} at the start` +
      (r.quick ? ' · **quick run (smaller sizes)**' : ''),
    '',
    '`BENCH_ONLY=training npm run bench` (bench/training-bench.ts). The app runs in one process, the verification load in a forked one; each',
    'figure stands next to its baseline from the same run.',
    '',
    table(
      ['what', 'measured', 'baseline', 'ratio', 'target'],
      [
        [
          `Roster XLSX of ${n(roster.rows)} rows (${(roster.bytes / 1024).toFixed(0)} KiB): preview (parse, every field rule, registry match) + commit (all-or-nothing: people, audit per person, enrolment)`,
          `${ms(roster.previewMs)} + ${ms(roster.commitMs)} = ${ms(importMs)} ms`,
          `raw insert of the same ${n(roster.rows)} people and enrolments: ${ms(roster.rawInsertMs)} ms`,
          ratio(importMs / roster.rawInsertMs),
          importMs < 10_000 ? '< 10 s ✓' : '< 10 s ✗',
        ],
        [
          `Bulk certificate PDF of a class of 30 over HTTP (median of ${pdf.runs}; ${(pdf.bytes / 1024).toFixed(0)} KiB)`,
          `${ms(bulk)} ms`,
          `drawing the same 30 pages in-process, no HTTP or SQL: ${ms(draw)} ms`,
          ratio(bulk / draw),
          bulk < 3000 ? '< 3 s ✓' : '< 3 s ✗',
        ],
        [
          `Public verification page \`/verify/:code\` at ${verify.rate} req/s for ${verify.seconds} s (p50 / p99 / max)`,
          `${ms(verify.html.p50)} / ${ms(verify.html.p99)} / ${ms(verify.html.max)} ms (${n(verify.html.requests)} answered)`,
          `static route at the same rate: ${ms(verify.static.p50)} / ${ms(verify.static.p99)} / ${ms(verify.static.max)} ms`,
          `p99 ${ratio(verify.html.p99 / Math.max(verify.static.p99, 0.01))}`,
          verify.html.p99 < 50 ? 'p99 < 50 ms ✓' : 'p99 < 50 ms ✗',
        ],
        [
          `JSON \`/api/verify/:code\` at ${verify.rate} req/s`,
          `${ms(verify.json.p50)} / ${ms(verify.json.p99)} / ${ms(verify.json.max)} ms (${n(verify.json.requests)} answered)`,
          'same static route',
          `p99 ${ratio(verify.json.p99 / Math.max(verify.static.p99, 0.01))}`,
          verify.json.p99 < 50 ? 'p99 < 50 ms ✓' : 'p99 < 50 ms ✗',
        ],
      ],
    ),
    '',
    'Reading: the import is dominated by reading the workbook (ExcelJS loads it whole: its streaming reader splits',
    'multi-byte UTF-8 at chunk boundaries and corrupts Vietnamese names) and by the commit writing one audit entry',
    'per created person; the raw insert skips parsing, the CCCD/name/date rules, the duplicate search and the audit.',
    'Verification is one indexed lookup by code; the rate limiter is raised for the run (`VERIFY_RATE_LIMIT_PER_MINUTE`).',
    r.loadAvg[0]! > os.cpus().length
      ? 'This run shared the machine with other work (load average above the core count): the static route’s own p99 shows how much of the latency is the machine, not the endpoint; re-run on an idle machine before holding the figures against the targets.'
      : '',
    '',
  ].join('\n');
}

export function spliceTrainingSection(doc: string, r: TrainingResult): string {
  const section = renderTrainingSection(r);
  const start = doc.indexOf(`\n${SECTION}\n`);
  if (start < 0) return doc ? `${doc.trimEnd()}\n\n${section}` : `# Benchmarks\n\n${section}`;
  const next = doc.indexOf('\n## ', start + SECTION.length + 2);
  return `${doc.slice(0, start + 1)}${section}${next < 0 ? '' : doc.slice(next)}`;
}

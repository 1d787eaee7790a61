import { ms, n, ratio, table } from './format.ts';
import type { Timing, VolunteersResult } from './volunteers-bench.ts';

/** The "Volunteers" section of docs/benchmarks.md, and splicing it into the document without touching the rest. */

const SECTION = '## Volunteers: readiness, candidates, deployment without overlaps';
const mark = (ok: boolean) => (ok ? '✓ met' : '✗ missed');
const p = (t: Timing) => `p50 ${ms(t.p50)} / p95 ${ms(t.p95)} / max ${ms(t.max)} ms (${t.n} runs)`;

function row(
  label: string,
  api: Timing | string,
  raw: Timing,
  goalMs: number,
  key: 'p95' | 'p50' | 'max',
): string[] {
  const measured = typeof api === 'string' ? api : p(api);
  const versus = typeof api === 'string' ? '—' : ratio(api[key] / Math.max(raw[key], 0.01));
  const judged = typeof api === 'string' ? raw[key] : api[key];
  return [
    label,
    measured,
    `raw SQL: ${p(raw)}`,
    versus,
    `${key} < ${n(goalMs)} ms ${mark(judged < goalMs)}${typeof api === 'string' ? ' (raw SQL)' : ''}`,
  ];
}

export function renderVolunteersSection(r: VolunteersResult): string {
  const c = r.conflicts;
  const apiConflicts =
    typeof c.api === 'string'
      ? c.api
      : `${c.api.ok} accepted, ${c.api.refused} refused, **${c.api.overlaps} overlaps**, ${ms(c.api.ms)} ms`;
  const body = [
    row(
      `(a) Readiness table of the department (${n(r.counts.volunteers)} volunteers, 34 institutions): registered, ready, deployed now, by group — \`GET /api/volunteers/readiness\``,
      r.readiness.api,
      r.readiness.raw,
      100,
      'p95',
    ),
    row(
      `(b) Available qualified volunteers for a skill at an institution, not on an overlapping assignment (${n(r.candidates.found)} found) — \`GET /api/waves/:id/candidates\``,
      r.candidates.api,
      r.candidates.raw,
      100,
      'p95',
    ),
    row(
      '(c) Committing 375 assignments in one transaction: deployment locks, overlap check, set-based insert — `POST /api/waves/:id/assignments`',
      r.commit.api,
      r.commit.raw,
      1000,
      'max',
    ),
    [
      '(d) 50 concurrent requests for the same 10 people, overlapping dates, from two pools / two app instances',
      apiConflicts,
      `raw SQL: ${c.raw.committed} committed, ${c.raw.refused} refused, ${c.raw.errors} errors, **${c.raw.overlaps} overlaps**, ${ms(c.raw.ms)} ms`,
      '—',
      `0 overlaps ${mark(c.raw.overlaps === 0 && (typeof c.api === 'string' || c.api.overlaps === 0))}`,
    ],
  ];
  return [
    SECTION,
    '',
    `${r.date.slice(0, 10)} · ${r.machine} · PostgreSQL${r.quick ? ' · **quick run (smaller sizes)**' : ''}`,
    '',
    '`BENCH_ONLY=volunteers npm run bench` (bench/volunteers-*.ts). Dataset, built set-based in',
    `${(r.buildMs / 1000).toFixed(1)} s: ${n(r.counts.people)} people, ${n(r.counts.volunteers)} volunteers in the 34 institutions of`,
    `seed 004 (in its proportions), ${n(r.counts.waves)} past waves over five years with ${n(r.counts.assignments)} assignments.`,
    'Each API figure stands next to the raw SQL doing the same work in the same run (ratio = API / raw). The raw',
    'deployment uses the module’s own `lockDeployments` and `overlappingAssignments` (waves/overlap.repo.ts); the',
    'exclusion constraint of migration 0018 is the backstop either way.',
    '',
    table(['what', 'API', 'baseline', 'ratio', 'target'], body),
    '',
  ].join('\n');
}

export function spliceVolunteersSection(doc: string, r: VolunteersResult): string {
  const section = renderVolunteersSection(r);
  const start = doc.indexOf(`\n${SECTION}\n`);
  if (start < 0) return doc ? `${doc.trimEnd()}\n\n${section}` : `# Benchmarks\n\n${section}`;
  const next = doc.indexOf('\n## ', start + SECTION.length + 2);
  return `${doc.slice(0, start + 1)}${section}${next < 0 ? '' : doc.slice(next)}`;
}

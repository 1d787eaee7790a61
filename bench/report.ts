import os from 'node:os';
import type { ForestSize } from './build-forest.ts';
import { mb, modeName, ms, n, ratio, s, table } from './format.ts';
import type { LoadOptions, Pair, Stats } from './load.ts';
import type { PlansResult } from './plans-bench.ts';
import { renderPlansSection } from './plans-report.ts';
import { reading } from './reading.ts';
import type { Explained, Memory, Ready } from './server.ts';

/** Renders one run's figures as docs/benchmarks.md (also printed to stdout). */

export type SubtreeRow = { label: string; api: Stats | null; raw: Stats };
export type ModeResult = {
  mode: 'postgres' | 'pglite';
  size: ForestSize;
  plan: LoadOptions & { pages: number; subtreeN: number };
  ready: Ready;
  province: Pair;
  national: Pair;
  subtree: SubtreeRow[];
  explained: Explained[];
  memoryAfterLoad: Memory;
  memory: Memory;
  elapsedMs: number;
};
export type BenchResults = {
  date: Date;
  quick: boolean;
  modes: ModeResult[];
  totalMs?: number;
  loadAvg: number[];
  /** Issue 3's plans benchmark (PostgreSQL), when it ran. */
  plans?: PlansResult;
};

function machine(r: BenchResults): string {
  const cpus = os.cpus();
  const versions = r.modes.map((m) => [`${modeName(m)} version`, m.ready.dbVersion]);
  return table(
    ['', ''],
    [
      ['Date', r.date.toISOString()],
      ['CPU', `${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores`],
      ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['Node', process.version],
      ...versions,
      ['Load average at start (1/5/15 min)', r.loadAvg.map((l) => l.toFixed(2)).join(' / ')],
      ['Total run time', r.totalMs ? s(r.totalMs) : '—'],
    ],
  );
}

function datasets(r: BenchResults): string {
  const col = (f: (m: ModeResult) => string) => r.modes.map(f);
  return table(
    ['', ...r.modes.map(modeName)],
    [
      ['Provincial federations', ...col((m) => n(m.ready.forest.counts.provinces))],
      ['Commune unions', ...col((m) => n(m.ready.forest.counts.communes))],
      ['Grassroots unions', ...col((m) => n(m.ready.forest.counts.grassroots))],
      ['Organisations (with the national root)', ...col((m) => n(m.ready.forest.counts.orgs))],
      ['People (`bench_people`)', ...col((m) => n(m.ready.forest.counts.people))],
      ['Database size', ...col((m) => mb(m.ready.forest.dbBytes))],
      [
        'Province measured',
        ...col((m) => `${m.ready.forest.province.name} (id ${m.ready.forest.province.id})`),
      ],
      [
        '… its organisations / people',
        ...col((m) => `${n(m.ready.forest.province.orgCount)} / ${n(m.ready.forest.province.peopleCount)}`),
      ],
      ['Build: commune import (3,321)', ...col((m) => s(m.ready.forest.buildMs.communes))],
      ['Build: organisations', ...col((m) => s(m.ready.forest.buildMs.orgs))],
      ['Build: people + index', ...col((m) => s(m.ready.forest.buildMs.people))],
      ['Build: ANALYZE', ...col((m) => s(m.ready.forest.buildMs.analyze))],
      ['Build: total (incl. users)', ...col((m) => s(m.ready.forest.buildMs.total))],
    ],
  );
}

function loads(r: BenchResults): string {
  const row = (m: ModeResult, who: string, p: Pair) => [
    modeName(m),
    who,
    p.platform.rps.toFixed(1),
    ms(p.platform.p50),
    ms(p.platform.p99),
    p.bare.rps.toFixed(1),
    ms(p.bare.p50),
    ms(p.bare.p99),
    `${p.platform.requests} / ${p.bare.requests}`,
    `**${ratio(p.ratio)}**`,
    p.roundRatios.length > 1
      ? `${ratio(Math.min(...p.roundRatios))}–${ratio(Math.max(...p.roundRatios))}`
      : 'one round',
  ];
  return table(
    [
      'Database',
      'Caller',
      'Platform req/s',
      'p50 ms',
      'p99 ms',
      'Bare req/s',
      'p50 ms',
      'p99 ms',
      'Requests (platform / bare)',
      'Ratio',
      'Ratio by round',
    ],
    r.modes.flatMap((m) => [
      row(m, `provincial admin, \`under\`=province, pages 1–${m.plan.pages}`, m.province),
      row(m, 'national admin, page 1 of everything', m.national),
    ]),
  );
}

function explained(r: BenchResults): string {
  return table(
    ['Database', 'Page query', 'Planning ms', 'Execution ms', 'of which JIT ms'],
    r.modes.flatMap((m) =>
      m.explained.map((e) => [modeName(m), e.label, ms(e.planningMs), ms(e.executionMs), ms(e.jitMs)]),
    ),
  );
}

function subtree(r: BenchResults): string {
  return table(
    ['Database', 'Query', 'API p50 ms', 'API p95 ms', 'Raw SQL p50 ms', 'Raw SQL p95 ms', 'Raw ÷ API (p50)'],
    r.modes.flatMap((m) =>
      m.subtree.map((q) => [
        modeName(m),
        q.label,
        q.api ? ms(q.api.p50) : '—',
        q.api ? ms(q.api.p95) : '—',
        ms(q.raw.p50),
        ms(q.raw.p95),
        q.api ? ratio(q.raw.p50 / q.api.p50) : '—',
      ]),
    ),
  );
}

function memory(r: BenchResults): string {
  return table(
    [
      'Database',
      'RSS after load',
      'V8 heap used after load',
      'Peak RSS while serving',
      'Peak RSS of the process (incl. build)',
    ],
    r.modes.map((m) => [
      modeName(m),
      mb(m.memoryAfterLoad.rss),
      mb(m.memoryAfterLoad.heapUsed),
      mb(m.memory.peakRss),
      mb(m.memory.maxRss),
    ]),
  );
}

export function renderMarkdown(r: BenchResults): string {
  const pgMode = r.modes.find((m) => m.mode === 'postgres');
  const plan = pgMode?.plan ?? r.modes[0]!.plan;
  return `# Benchmarks

Generated by \`npm run bench\` (\`bench/run.ts\`); every figure below comes from one run${r.quick ? ' — **BENCH_QUICK smoke run: sizes and durations shrunk, not representative**' : ''}. Regenerate after any change to the list or subtree queries, the auth hook or the app's plugins.

## Machine

${machine(r)}

The machine is shared and noisy, so each comparison is made side by side within seconds and reported as a ratio; read the ratios, not the absolute numbers.

## Method

- **Data.** A fresh database (\`chungtay_bench\` on PostgreSQL, left in place after the run for inspection; PGlite in memory), migrated with the product's migrations; the official 3,321 communes imported with \`importAdminUnits\`; then, with set-based SQL (\`INSERT … SELECT\` over \`generate_series\`, paths computed in the same statement), a national root (Tổng Liên đoàn Lao động Việt Nam) → one Liên đoàn Lao động per province → one commune union per commune → grassroots unions (Công đoàn cơ sở …) weighted towards wards and the two big cities. \`bench_people\` is a **bench-only table, not part of the product schema**: it sizes the database and backs the people-count query.
- **Load.** The real app (\`buildApp\` with all modules, \`NODE_ENV=production\`) and a bare Fastify route (no plugins, no auth, no zod) that runs \`searchOrgs\`' own SQL (the repository's query builder) with the scope hard-coded, on the same connection pool (same PGlite instance), both in one child process so autocannon's CPU stays out of the server's event loop. autocannon: ${plan.connections} connections, ${plan.warmupS} s warm-up each, then ${plan.durationS} s per side in ${plan.rounds} alternating rounds (bare, platform, platform, bare, …; one round when the median request takes longer than a fifth of a round), latencies pooled over the rounds. The provincial admin (an \`org_admin\` grant on the province with the most organisations, signed in through \`POST /api/auth/login\`) pages through \`GET /api/orgs?under=<province>&page=N&pageSize=50\`, pages cycled; the national system admin lists page 1 of everything. **Ratio = platform req/s ÷ bare req/s** (aim ≥ 0.7).
- **Subtree queries.** Each run ${plan.subtreeN} times in sequence after 3 warm-ups, through the API (HTTP from the bench process, cookie auth) and as the raw SQL in the server process. **Raw ÷ API** is the share of the API's time spent in the SQL (1.0 = no overhead).
- **Memory.** \`process.memoryUsage().rss\` of the server process after the load, the peak sampled every 50 ms while serving, and \`resourceUsage().maxRSS\` (the whole process, including the build, which for PGlite holds the database in the process).

## Datasets

${datasets(r)}

## List endpoint under load

${loads(r)}

## Where the page query's time goes (EXPLAIN ANALYZE, warm)

${explained(r)}

## Subtree queries: API vs raw SQL

${subtree(r)}

## Server memory

${memory(r)}

## Reading

${r.modes.map(reading).join('\n\n')}
${r.plans ? `\n${renderPlansSection(r.plans)}` : ''}`;
}

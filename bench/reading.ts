import { modeName, ms, ratio } from './format.ts';
import type { ModeResult } from './report.ts';
import type { Explained } from './server.ts';

/**
 * The "Reading" paragraphs of docs/benchmarks.md, written from the figures of the run so they stay true
 * when the platform changes: every diagnosis below is stated only when the measurement shows it.
 */

const FEW_REQUESTS = 200;
const roundTrips =
  'one session-and-grants query and one `under` node query per request, hooks and zod serialisation';

function verdict(m: ModeResult): string[] {
  const p = m.province;
  const out = [
    `**${modeName(m)}.** The provincial admin's list runs at ${p.platform.rps.toFixed(1)} req/s against ` +
      `${p.bare.rps.toFixed(1)} req/s for the bare route: a ratio of ${ratio(p.ratio)}, which ` +
      `${p.ratio >= 0.7 ? 'meets' : 'misses'} the 0.7 aim (national admin: ${ratio(m.national.ratio)}).`,
  ];
  const fewest = Math.min(
    p.platform.requests,
    p.bare.requests,
    m.national.platform.requests,
    m.national.bare.requests,
  );
  if (fewest < FEW_REQUESTS) {
    out.push(`With only ${fewest} requests completed on one side, read the ratios as approximate.`);
  } else if (p.ratio >= 1) {
    out.push(
      'A ratio above 1 is run-to-run noise: the platform costs nothing measurable next to the SQL here.',
    );
  }
  return out;
}

function dominates(m: ModeResult): string {
  const p = m.province;
  const extra = Math.max(0, p.platform.p50 - p.bare.p50);
  return p.bare.p50 >= 2 * extra
    ? `The SQL dominates: under load the bare route alone takes ${ms(p.bare.p50)} ms at p50 and the platform adds ` +
        `${ms(extra)} ms (${roundTrips}).`
    : `The platform's own work dominates: it adds ${ms(extra)} ms at p50 to the bare route's ${ms(p.bare.p50)} ms ` +
        `(${roundTrips}; each extra round trip to the database costs a context switch on a 2-core machine).`;
}

/** What EXPLAIN ANALYZE of the page query shows, if anything is wrong with it. */
function sqlDiagnosis(explained: Explained[]): string[] {
  const out: string[] = [];
  const jit = explained.filter((e) => e.jitMs > 0.3 * e.executionMs);
  if (jit.length > 0) {
    const worst = jit.reduce((a, b) => (b.jitMs > a.jitMs ? b : a));
    out.push(
      `PostgreSQL JIT-compiles the page query on every execution (${worst.label}: ${ms(worst.jitMs)} ms of ` +
        `${ms(worst.executionMs)} ms): the planner guesses each \`descendantCount\` subquery at 1% of the table, ` +
        'which lifts the query over `jit_above_cost`; compiling, not the platform, sets the throughput.',
    );
  }
  const net = (e: Explained | undefined) => (e ? e.executionMs - e.jitMs : 0);
  const pages = explained.filter((e) => e.label.startsWith('province page'));
  const [first, last] = [pages[0], pages[pages.length - 1]];
  if (first && last && first !== last && net(last) > 3 * net(first) && net(last) > 10) {
    out.push(
      `Deep pages cost more (${last.label}: ${ms(net(last))} ms against ${ms(net(first))} ms${jit.length ? ', JIT excluded' : ''}): ` +
        'OFFSET walks every skipped row of the scope in list order before the 50 shown (the counts and joins run ' +
        'only for those 50); keyset pagination would remove it if deep paging becomes common.',
    );
  }
  const national = explained.find((e) => e.label.startsWith('national'));
  if (national && net(national) > 20) {
    out.push(
      `Page 1 of everything takes ${ms(net(national))} ms: with no index in \`ORDER BY search_text, id\` order, ` +
        'PostgreSQL joins and sorts every organisation to return 50.',
    );
  }
  return out;
}

export function reading(m: ModeResult): string {
  const slowest = [...m.subtree].sort((a, b) => b.raw.p50 - a.raw.p50)[0];
  return [
    ...verdict(m),
    dominates(m),
    ...sqlDiagnosis(m.explained),
    slowest
      ? `The slowest subtree query is "${slowest.label}", ${ms(slowest.raw.p50)} ms of raw SQL at p50.`
      : '',
  ].join(' ');
}

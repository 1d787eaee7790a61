import os from 'node:os';
import { ms, n } from './format.ts';
import type { Baseline, DashboardResult, PlansResult, SeqDashboard } from './plans-bench.ts';
import { type ExplainedQuery, statementLabel } from './plans-check.ts';

/**
 * The "Reading" of the plans section, written from the run's figures: every verdict and diagnosis is
 * stated only when the measurement shows it.
 */

const cores = os.cpus().length;
const DASHBOARD_GOAL = 200;
const SUBMIT_GOAL = 50;

const verdict = (v: number, goal: number) =>
  v < goal ? `meets the ${goal} ms goal` : `**misses** the ${goal} ms goal`;
const times = (a: number, b: number) => `${(a / Math.max(b, 0.01)).toFixed(a / b >= 10 ? 0 : 1)}×`;

/** The statements that cost most in the captured request, with what EXPLAIN ANALYZE saw them read. */
function heaviest(qs: ExplainedQuery[], k: number): string {
  return [...qs]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, k)
    .map((q) => {
      const scan = [...q.scans].sort((a, b) => b.rows + b.removed - (a.rows + a.removed))[0];
      const read = scan
        ? `; it reads ${n(scan.rows + scan.removed)} rows of ${scan.relation}${scan.index ? ` via ${scan.index}` : scan.node === 'Seq Scan' ? ' sequentially' : ` (${scan.node.toLowerCase()})`}` +
          `${scan.removed ? ` to keep ${n(scan.rows)}` : ''}`
        : '';
      return `${statementLabel(q.text)} (${ms(q.ms)} ms${read})`;
    })
    .join(', then ');
}

/** What the capture shows to be wrong with a statement the request spends a large share on, and the fix. */
const ADVICE: [RegExp, string][] = [
  [
    /rollupsFor/,
    '`rollupsFor` reads the rows of the organisation and its children by the primary key (plan_id, period_key, org_id, indicator_id): its time grows with lines × indicators (the rows it returns), not with the months or the reporters',
  ],
  [
    /dashboardCounts/,
    "the completeness counts join every expected reporter below with its report for the month once (plan_recipients, the closed units through their partial index, plan_reports by plan_reports_period_idx) and read the names of the units behind by key: they grow with the reporters below, not with the plan's history",
  ],
  [
    /reviewPage/,
    "the reviewer's page joins every expected reporter below with its report for the month and sorts them (by name, state or submission) before it cuts the page: it grows with the reporters below, not with the page's size or number",
  ],
  [
    /firstRecipients/,
    "the units the caller may act for are the plan's recipients in its scope, counted and the first 20 kept in one statement: for an administrator over the whole plan that is every recipient",
  ],
  [
    /targetsFor/,
    '`targetsFor` reads the targets of the organisation and its children through plan_targets_org_idx: like the roll-up rows, lines × indicators',
  ],
];

/** Advice for the statements that take at least 15% of the request's round trips, with their share. */
function advice(qs: ExplainedQuery[]): string {
  const total = qs.reduce((t, q) => t + q.ms, 0);
  const heavy = qs.filter((q) => q.ms >= 0.15 * total);
  const out = ADVICE.flatMap(([re, text]) => {
    const q = heavy.find((h) => re.test(statementLabel(h.text)));
    if (!q) return [];
    return [
      `${text[0]!.toUpperCase()}${text.slice(1)} (${ms(q.ms)} of the request's ${ms(total)} ms of statements).`,
    ];
  });
  return out.length ? ` ${out.join(' ')}` : '';
}

/** The API's time split, measured separately (so the parts need not add up exactly under load). */
function split(seq: SeqDashboard): string {
  const rest = seq.api.p50 - seq.service.p50 - seq.serialize.p50;
  return (
    `Measured separately at p50: the request ${ms(seq.api.p50)} ms, \`planDashboard\` alone ${ms(seq.service.p50)} ms, ` +
    `serialising its answer ${ms(seq.serialize.p50)} ms${rest > 0 ? `, leaving ${ms(rest)} ms for HTTP and the session lookup` : ''}`
  );
}

function dashboard(d: DashboardResult, c: number): string {
  const q = d.seq;
  return (
    `**${d.orgName}** (${n(d.children)} child lines, ${n(d.expected)} reporters): p95 ${ms(q.api.p95)} ms one request at a time, which ${verdict(q.api.p95, DASHBOARD_GOAL)}; ` +
    (d.apiLoad.n === 0
      ? `with ${c} connections not one request completed within the load window. `
      : `p95 ${ms(d.apiLoad.p95)} ms with ${c} connections at ${d.apiLoad.rps.toFixed(1)} req/s. `) +
    `The roll-up read takes ${ms(q.rollupRead.p50)} ms at p50 against ${ms(q.raw.p50)} ms for the raw GROUP BY ` +
    `(${q.rollupRead.p50 < q.raw.p50 ? `${times(q.raw.p50, q.rollupRead.p50)} faster` : `**${times(q.rollupRead.p50, q.raw.p50)} slower**`}); ` +
    `the whole request takes ${(q.api.p50 / q.raw.p50).toFixed(2)}× the raw aggregation alone. ${split(q)}. ` +
    `Heaviest statements: ${heaviest(d.queries, 2)}.${advice(d.queries)}`
  );
}

/** The plan's detail and the reviewer's list: sizes that no longer grow with the plan, times that do. */
function lists(r: PlansResult): string {
  const l = r.lists.series;
  const find = (re: RegExp) => l.find((x) => re.test(x.label) && x.caller.startsWith('national'));
  const detail = find(/^Plan detail/);
  const first = find(/first page \(50\)/);
  const deep = find(/page 100/);
  const worst = [...l].sort((a, b) => b.seq.p95 - a.seq.p95)[0];
  if (!detail || !first || !worst) return '';
  const qs = [...r.lists.detailQueries, ...r.lists.reviewerQueries];
  return (
    `**Lists**: the national plan's detail answers in ${ms(detail.seq.p50)} ms at p50 (p95 ${ms(detail.seq.p95)}) with ${(detail.responseBytes / 1024).toFixed(1)} KiB — ` +
    `${n(detail.matched)} reporters counted, ${n(detail.rows)} named — whatever the number of recipients. ` +
    `The reviewer's first page of 50 (of ${n(first.matched)}) takes ${ms(first.seq.p50)} ms at p50, p95 ${ms(first.seq.p95)}` +
    (deep ? `; page 100 ${ms(deep.seq.p50)} ms at p50` : '') +
    `; the slowest list measured is “${worst.label}” (${worst.caller}) at p95 ${ms(worst.seq.p95)} ms. ` +
    `Heaviest statements of the detail and the first page: ${heaviest(qs, 2)}.${advice(r.lists.detailQueries)}${advice(r.lists.reviewerQueries)}`
  );
}

function submission(r: PlansResult): string {
  const sub = r.submissions;
  const cost = Math.max(0, sub.bareRollup.p50 - sub.bare.p50);
  const rollup = sub.queries.find((q) => /^\s*insert into plan_rollups/i.test(q.text));
  return (
    `**Submission**: p95 ${ms(sub.api.p95)} ms through the API, which ${verdict(sub.api.p95, SUBMIT_GOAL)} (p50 ${ms(sub.api.p50)}, p99 ${ms(sub.api.p99)}). ` +
    `The bare insert of the same report and values commits in ${ms(sub.bare.p50)} ms at p50, ${ms(sub.bareRollup.p50)} ms with the roll-up: keeping ` +
    `every total up to the root current costs about ${ms(cost)} ms a submission${rollup ? ` (the upsert's own round trip in the captured request: ${ms(rollup.ms)} ms)` : ''}; ` +
    `the rest of the API's time is authentication, the plan's checks, audit and the answer — heaviest: ${heaviest(sub.queries, 2)}.${advice(sub.queries)} ` +
    `${sub.concurrent.connections} at a time: ${sub.concurrent.rps.toFixed(1)} submissions/s, p95 ${ms(sub.concurrent.p95)} ms; submissions of one ` +
    "month queue on the root's and their province's roll-up rows from the upsert to the commit. " +
    `After all of them the national dashboard still equals the raw GROUP BY (${n(sub.reportedAfter)} counted reports).` +
    (sub.api.p95 >= SUBMIT_GOAL ? ` ${whySubmissionMisses(r)}` : '')
  );
}

/** When the submission goal is missed: how much of it the statements no submission can skip already take. */
function whySubmissionMisses(r: PlansResult): string {
  const sub = r.submissions;
  const floor = sub.bareRollup;
  const earlier = r.baseline?.submissions.bareRollup;
  return (
    `Why it misses: the statements no submission can skip (BEGIN, the report, its values, the roll-up, COMMIT: the bare insert with roll-up) take ${ms(floor.p95)} ms at p95 on this machine during this run ` +
    `(${Math.round((floor.p95 / SUBMIT_GOAL) * 100)}% of the goal; p50 ${ms(floor.p50)})${earlier ? `, against ${ms(earlier.p95)} ms in the earlier run` : ''}; ` +
    `the API sends ${sub.queries.length - 5} statements more (authentication, the plan, unit and indicators read in parallel, the audit entry, which also maintains the audit log's indexes), ` +
    'and each waits for a CPU whenever other work runs.'
  );
}

/** This run beside the earlier one it names: the same series on the same data, another code. */
function againstBaseline(r: PlansResult, b: Baseline): string {
  const parts = r.dashboards.flatMap((d) => {
    const was = b.dashboards.find((x) => x.org === d.org);
    if (!was) return [];
    return [
      `${d.orgName} p95 ${ms(was.seq.api.p95)} → ${ms(d.seq.api.p95)} ms (p50 ${ms(was.seq.api.p50)} → ${ms(d.seq.api.p50)}, ${times(was.seq.api.p50, d.seq.api.p50)} at p50)`,
    ];
  });
  parts.push(
    `submission p95 ${ms(b.submissions.api.p95)} → ${ms(r.submissions.api.p95)} ms (p50 ${ms(b.submissions.api.p50)} → ${ms(r.submissions.api.p50)})`,
  );
  const busy =
    b.calibration.startMs > 1.3 * r.calibration.startMs || r.calibration.startMs > 1.3 * b.calibration.startMs
      ? ` The machine was not equally busy (calibration ${ms(b.calibration.startMs)} ms then, ${ms(r.calibration.startMs)} ms now): compare the ratios to the raw GROUP BY, which ran beside each.`
      : '';
  return `**Against the earlier run** (commit ${b.code.commit}, ${b.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, same machine and dataset): ${parts.join('; ')}.${busy}`;
}

const p95 = (d: { seq: SeqDashboard }) => ms(d.seq.api.p95);

/** The verdict first: the two goals, what the roll-up buys, and how busy the machine was. */
function summary(r: PlansResult): string[] {
  const [nat, prov] = r.dashboards;
  const sub = r.submissions;
  const worst = Math.max(...r.dashboards.map((d) => d.seq.api.p95));
  const buys = r.dashboards
    .map(
      (d) =>
        `${times(d.seq.raw.p50, d.seq.rollupRead.p50)} (${d.orgName}: ${ms(d.seq.rollupRead.p50)} against ${ms(d.seq.raw.p50)} ms)`,
    )
    .join(' and ');
  const lines = [
    `- **Dashboards, p95 < ${DASHBOARD_GOAL} ms: ${worst < DASHBOARD_GOAL ? 'met' : 'missed'}** (national ${p95(nat!)} ms, provincial ${p95(prov!)} ms, one request at a time).`,
    `- **Submission with its roll-up, p95 < ${SUBMIT_GOAL} ms: ${sub.api.p95 < SUBMIT_GOAL ? 'met' : 'missed'}** through the API (${ms(sub.api.p95)} ms). ` +
      `A bare insert of the report and its values commits at p95 in ${ms(sub.bare.p95)} ms, ${ms(sub.bareRollup.p95)} ms with \`applyRollup\`.`,
    `- **What the roll-up buys:** reading the totals from plan_rollups is ${buys} cheaper than the raw GROUP BY over the same values.`,
    `- **Machine:** load average ${r.loadAvgStart[0]!.toFixed(1)} at the start and ${r.loadAvgEnd[0]!.toFixed(1)} at the end on ${cores} cores (whatever else ran, this run's own data load included); ` +
      `counting the ${n(r.ready.forest.counts.orgs)} cached organisations took ${ms(r.calibration.startMs)} ms at the start and ${ms(r.calibration.endMs)} ms at the end. ` +
      'Absolute times are inflated by the share of the CPUs others took; the side-by-side ratios hold better.' +
      (r.loadAvgStart[0]! > cores
        ? ` With more runnable processes than cores, a request waits for a CPU now and then: the p95 and p99 carry those waits (compare the p50, and the bare inserts beside the submissions).`
        : ''),
  ];
  return [lines.join('\n')];
}

export function plansReading(r: PlansResult): string {
  const c = r.options.load.connections;
  return [
    ...summary(r),
    ...r.dashboards.map((d) => dashboard(d, c)),
    lists(r),
    submission(r),
    ...(r.baseline ? [againstBaseline(r, r.baseline)] : []),
  ].join('\n\n');
}

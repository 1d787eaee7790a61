import { mb, ms, n, s, table } from './format.ts';
import type { DashboardResult, LoadStats, PlansResult, SeqDashboard, Stats } from './plans-bench.ts';
import { type ExplainedQuery, statementLabel } from './plans-check.ts';
import { plansReading } from './plans-reading.ts';

/** The "Plans: roll-up and dashboards" section of docs/benchmarks.md (issue 3's benchmark). */

export const SECTION = '## Plans: roll-up and dashboards';

const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}` : '—');
const p3 = (t: Stats) => [ms(t.p50), ms(t.p95), ms(t.p99)];

function machineAndData(r: PlansResult): string {
  const { ready } = r;
  const { data, forest } = ready;
  const kinds = ['count', 'sum', 'ratio', 'yes_no'].map(
    (k) => `${data.indicators.filter((i) => i.kind === k).length} ${k === 'yes_no' ? 'yes/no' : `${k}s`}`,
  );
  const settings = Object.entries(ready.settings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lm = data.lastMonth;
  const b = data.bytes;
  return table(
    ['', ''],
    [
      ['Date', r.date.toISOString()],
      [
        'Code measured',
        `commit ${r.code.commit}${r.code.plansDirty ? ' with uncommitted changes in the plans module' : ' (plans module as committed)'}`,
      ],
      ['Load average at start / end (1/5/15 min)', `${la(r.loadAvgStart)} — ${la(r.loadAvgEnd)}`],
      ['PostgreSQL', ready.dbVersion.split(' on ')[0]!],
      ['PostgreSQL settings', settings],
      [
        'Forest',
        `${n(forest.counts.orgs)} organisations (${n(forest.counts.provinces)} provinces, ${n(forest.counts.communes)} communes, ${n(forest.counts.grassroots)} grassroots); ` +
          (ready.forestBuildMs === null
            ? 'the one the organisations benchmark built, reused'
            : `built for this part in ${s(ready.forestBuildMs)}`),
      ],
      [
        'Plan',
        `one issued monthly plan of the national root, ${data.firstPeriod} – ${data.periodKey} (${data.months} months); 20 indicators: ${kinds.join(', ')}`,
      ],
      [
        'Reporters',
        `${n(data.reporters)} grassroots unions (depth 4) chosen by a hash of their id, so spread over every province in proportion to its size; ${n(data.reportersInProvince)} in ${forest.province.name}`,
      ],
      [
        'Rows',
        `${n(data.reports)} reports, **${n(data.values)} values**, ${n(data.rollups)} roll-up rows (reporter, commune, province, root × indicator × month), ${n(data.targets)} targets (root, provinces, communes)`,
      ],
      [
        'Sizes',
        `plan_reports ${mb(b.reports)}, plan_report_values ${mb(b.values)}, plan_rollups ${mb(b.rollups)}; database ${mb(b.database)}`,
      ],
      [
        'Load time (set-based SQL)',
        `reports ${s(data.buildMs.reports)}, values ${s(data.buildMs.values)}, roll-ups ${s(data.buildMs.rollups)}, targets ${s(data.buildMs.targets)}, VACUUM ANALYZE ${s(data.buildMs.analyze)}; total ${s(data.buildMs.total)}` +
          (data.reuse
            ? ` — loaded ${data.loadedAt} by an earlier run with the same generator, spec and plan-table columns and constraints, and reused: the last month, which a run's submissions change, was deleted and generated again (${s(data.reuse.resetMs)}, VACUUM ANALYZE included)`
            : ''),
      ],
      [
        'Roll-up check',
        `the bulk rows of ${ready.rollupCheck.province} for ${ready.rollupCheck.periodKey} deleted and its ${n(ready.rollupCheck.reports)} counted reports replayed through \`applyRollup\` (rolled back): ${n(ready.rollupCheck.rows)} rows identical`,
      ],
      [
        `Month measured (${data.periodKey})`,
        `${n(lm.expected)} expected, ${n(lm.counted)} counted, ${n(lm.late)} late, ${n(lm.missing)} missing (${n(lm.drafts)} of them unsubmitted drafts)`,
      ],
      [
        'How busy the machine was',
        `\`SELECT count(*) FROM organisations\` (${n(forest.counts.orgs)} cached rows) p50 ${ms(r.calibration.startMs)} ms at the start, ${ms(r.calibration.endMs)} ms at the end — compare between runs`,
      ],
      ['Run time of this part', s(r.elapsedMs)],
    ],
  );
}

const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');

function method(r: PlansResult): string {
  const o = r.options;
  return [
    `- **Data.** Loaded into \`chungtay_bench\` with one \`INSERT … SELECT\` per table and month (values from a hash of report and indicator); \`plan_rollups\` with one \`INSERT … SELECT … GROUP BY\` per month over the reporter and each ancestor read from its ltree path — the totals \`applyRollup\` (src/modules/plans/plans.repo.ts) keeps per submission, checked against it as above. Reports of older months are accepted, ${r.ready.data.lastMonth.late > 0 ? 'some late' : ''}; the last month keeps missing reports, drafts and late ones. A later run reuses the load when the generator's version, the spec and the plan tables' columns and constraints are unchanged (\`bench_plans_meta\`; \`BENCH_PLANS_RELOAD=1\` forces a fresh load): only the last month, which the submissions below change, is deleted and generated again.`,
    `- **Dashboards.** \`GET /api/plans/:id/dashboard?orgId=…&periodKey=${r.ready.data.periodKey}\` through the real app (all modules, \`NODE_ENV=production\`, cookie session from \`POST /api/auth/login\`): up to ${o.seqN} requests one at a time after 3 warm-ups (a series stops after ${o.seqBudgetS} s once it has 10), then autocannon with ${o.load.connections} connections for ${o.load.durationS} s after ${o.load.warmupS} s of warm-up. Before and after, the dashboard's totals (organisation and every child line, and every child with counted reports must have its line) are compared with the raw GROUP BY's and must match, and the first page of \`GET /api/plans/:id/dashboard/behind\` must be the units the dashboard names, its total the dashboard's late + missing.`,
    `- **Raw GROUP BY.** The same totals without \`plan_rollups\`: counted reports of the period under the organisation joined with their values, grouped by child (the next label of the reporter's path) and for the organisation (\`GROUPING SETS\`), run on the app's pool in the server process — in sequence like the requests, and ${o.load.connections} loops for ${o.load.durationS} s like autocannon's connections. **Roll-up read** is the dashboard's own \`rollupsFor\` query (the organisation and its child lines). **Dashboard ÷ raw** < 1 means the whole API request is faster than the aggregation alone would be.`,
    `- **Submissions.** Each reporter without a report for ${r.ready.data.periodKey} gives one real new submission: \`POST /api/plans/:id/reports\` with \`submit: true\` (auth, CSRF, checks, report, values, roll-up, audit, commit, response), timed in the bench process; before it, in alternating order, a bare transaction of the same report and values with and without \`applyRollup\`, committed then undone untimed. ${o.submissions} measured after 5 warm-ups, then ${o.concurrentSubmissions} more ${o.submitConnections} at a time.`,
    `- **Lists.** \`GET /api/plans/:id\` (the detail: recipients counted, the first 20 named, the units the caller may report for or implement as — 20 of them and how many) and pages of \`GET /api/plans/:id/reports\` (the reviewer's list: expected reporters of the month with their report's state; filtered, sorted and paged in SQL) and \`GET /api/plans/:id/recipients\`, through the real app, after the dashboards and before the submissions: each answer checked once against the dataset (recipient and reporter counts, the month's expected, counted and missing units), then up to ${o.seqN} requests one at a time after 3 warm-ups (time-boxed like the dashboards).`,
    '- **Where the time goes.** Every statement one request sends is captured on the pg client with its round trip; reads (and the roll-up upsert, rolled back) are run again under `EXPLAIN ANALYZE` with the app settings (JIT off).',
  ].join('\n');
}

/** autocannon drops what is in flight when the time is up: a request slower than the window never counts. */
const loadCells = (l: LoadStats, durationS: number) =>
  l.n === 0 ? [`0 (none completed in ${durationS} s)`, '—', '—', '—'] : [l.rps.toFixed(1), ...p3(l)];

function dashboards(r: PlansResult): string {
  const head = [
    'Dashboard',
    'Caller',
    'Child lines / reporters',
    'Response',
    'Timed (API / raw)',
    'API p50 ms',
    'p95',
    'p99',
    'Raw GROUP BY p50 ms',
    'p95',
    'Roll-up read p50 ms',
    'p95',
    'Dashboard ÷ raw (p50 / p95)',
    'Roll-up read ÷ raw (p50)',
  ];
  const one = table(
    head,
    r.dashboards.map((d) => [
      d.orgName,
      d.caller,
      `${n(d.children)} / ${n(d.expected)}`,
      `${(d.responseBytes / 1024).toFixed(0)} KiB`,
      `${d.seq.api.n} / ${d.seq.raw.n}`,
      ...p3(d.seq.api),
      ms(d.seq.raw.p50),
      ms(d.seq.raw.p95),
      ms(d.seq.rollupRead.p50),
      ms(d.seq.rollupRead.p95),
      `**${x(d.seq.api.p50, d.seq.raw.p50)} / ${x(d.seq.api.p95, d.seq.raw.p95)}**`,
      x(d.seq.rollupRead.p50, d.seq.raw.p50),
    ]),
  );
  const c = r.options.load.connections;
  const load = table(
    [
      'Dashboard',
      'API req/s',
      'p50 ms',
      'p95',
      'p99',
      'Raw GROUP BY req/s',
      'p50 ms',
      'p95',
      'p99',
      'Requests (API / raw)',
    ],
    r.dashboards.map((d) => [
      d.orgName,
      ...loadCells(d.apiLoad, r.options.load.durationS),
      ...loadCells(d.rawLoad, r.options.load.durationS),
      `${n(d.apiLoad.n)} / ${n(d.rawLoad.n)}`,
    ]),
  );
  const behind = table(
    ['Dashboard', 'Late or missing units (named on the dashboard / all)', 'Requests', 'p50 ms', 'p95', 'p99'],
    r.dashboards.map((d) => [
      d.orgName,
      `${n(d.behind)} / ${n(d.behindTotal)}`,
      n(d.seq.behindPage.n),
      ...p3(d.seq.behindPage),
    ]),
  );
  return `One request at a time:\n\n${one}\n\nUnder load, ${c} connections:\n\n${load}\n\nThe list of every late or missing unit (\`GET /api/plans/:id/dashboard/behind\`, first page of 50, one request at a time; the dashboard names the first 50 and links to it):\n\n${behind}`;
}

function scans(q: ExplainedQuery): string {
  return [...q.scans]
    .sort((a, b) => b.rows + b.removed - (a.rows + a.removed))
    .slice(0, 3)
    .map(
      (sc) =>
        `${sc.relation} ${sc.index ? `via ${sc.index}` : `(${sc.node.toLowerCase()})`}: ${n(sc.rows)} rows${sc.removed ? `, ${n(sc.removed)} removed by filter` : ''}`,
    )
    .join('; ');
}

export function statements(qs: ExplainedQuery[]): string {
  const total = qs.reduce((t, q) => t + q.ms, 0);
  return table(
    ['#', 'Statement', 'Round trip ms', 'Execution ms (EXPLAIN ANALYZE)', 'Largest scans'],
    [
      ...qs.map((q, i) => [
        String(i + 1),
        statementLabel(q.text),
        ms(q.ms),
        q.executionMs === null ? '—' : ms(q.executionMs),
        scans(q) || '—',
      ]),
      ['', '**Sum of round trips** (statements issued in parallel overlap)', `**${ms(total)}**`, '', ''],
    ],
  );
}

function split(seq: SeqDashboard, bytes: number): string {
  const rest = seq.api.p50 - seq.service.p50 - seq.serialize.p50;
  return (
    `API p50 ${ms(seq.api.p50)} ms ≈ \`planDashboard\` called in the server process ${ms(seq.service.p50)} ms ` +
    `+ serialising the ${(bytes / 1024).toFixed(0)} KiB answer (zod response schema, then JSON) ${ms(seq.serialize.p50)} ms ` +
    `+ HTTP, session lookup and the rest ${rest > 0 ? `${ms(rest)} ms` : '≈ 0 ms'} (p50 of each, measured separately).`
  );
}

function timeGoes(d: DashboardResult): string {
  return `${d.orgName}: ${split(d.seq, d.responseBytes)}\n\n${statements(d.queries)}`;
}

/** The same series in an earlier run (BENCH_PLANS_BASELINE), row by row beside this one. */
function againstBaseline(r: PlansResult): string {
  const b = r.baseline!;
  const row = (label: string, before: Stats | undefined, after: Stats) =>
    !before || before.n === 0
      ? [label, '—', '—', ms(after.p50), ms(after.p95), '—']
      : [label, ms(before.p50), ms(before.p95), ms(after.p50), ms(after.p95), x(before.p50, after.p50)];
  const c = r.options.load.connections;
  const rows = r.dashboards.flatMap((d) => {
    const was = b.dashboards.find((w) => w.org === d.org);
    return [
      row(`${d.orgName}: dashboard API`, was?.seq.api, d.seq.api),
      row(`${d.orgName}: dashboard API, ${c} connections (autocannon)`, was?.apiLoad, d.apiLoad),
      row(`${d.orgName}: \`planDashboard\` in process`, was?.seq.service, d.seq.service),
      row(`${d.orgName}: roll-up read`, was?.seq.rollupRead, d.seq.rollupRead),
      row(`${d.orgName}: raw GROUP BY (same query both runs)`, was?.seq.raw, d.seq.raw),
    ];
  });
  rows.push(row('Submission through the API', b.submissions.api, r.submissions.api));
  rows.push(
    row(
      `Submissions, ${r.submissions.concurrent.connections} at a time`,
      b.submissions.concurrent,
      r.submissions.concurrent,
    ),
  );
  rows.push(row('Bare insert + roll-up', b.submissions.bareRollup, r.submissions.bareRollup));
  rows.push(row('Bare insert, no roll-up', b.submissions.bare, r.submissions.bare));
  const head = table(
    ['', 'Earlier run', 'This run'],
    [
      [
        'Code',
        `commit ${b.code.commit}`,
        `commit ${r.code.commit}${r.code.plansDirty ? ' (with uncommitted changes)' : ''}`,
      ],
      ['Date', b.date.toISOString(), r.date.toISOString()],
      ['Load average at start (1/5/15 min)', la(b.loadAvgStart), la(r.loadAvgStart)],
      [
        'Calibration p50 (start / end)',
        `${ms(b.calibration.startMs)} / ${ms(b.calibration.endMs)} ms`,
        `${ms(r.calibration.startMs)} / ${ms(r.calibration.endMs)} ms`,
      ],
    ],
  );
  const compare = table(
    ['Measure', 'Earlier: p50 ms', 'p95', 'This run: p50 ms', 'p95', 'Speed-up (p50)'],
    rows,
  );
  return `${head}\n\n${compare}`;
}

function lists(r: PlansResult): string {
  const l = r.lists;
  const rows = l.series.map((x) => [
    x.label,
    x.caller,
    `\`${x.urlPath.replace(/^\/api\/plans\/\d+/, '…')}\``,
    `${n(x.rows)} / ${n(x.matched)}`,
    `${(x.responseBytes / 1024).toFixed(1)} KiB`,
    n(x.seq.n),
    ...p3(x.seq),
  ]);
  const head = table(
    [
      'Request',
      'Caller',
      'Path (after /api/plans/:id)',
      'Rows shown / matched',
      'Response',
      'n',
      'p50 ms',
      'p95',
      'p99',
    ],
    rows,
  );
  return `${head}\n\nWhere the plan detail's time goes (national system admin, one request):\n\n${statements(l.detailQueries)}\n\nWhere the first page of the reviewer's list goes (national, one request):\n\n${statements(l.reviewerQueries)}`;
}

function submissions(r: PlansResult): string {
  const sub = r.submissions;
  const c = sub.concurrent;
  return table(
    ['Submission', 'n', 'p50 ms', 'p95', 'p99', 'req/s'],
    [
      [
        'API: `POST /api/plans/:id/reports`, `submit: true`, roll-up included',
        n(sub.api.n),
        ...p3(sub.api),
        '—',
      ],
      [
        'Bare: INSERT report + values + `applyRollup`, one transaction',
        n(sub.bareRollup.n),
        ...p3(sub.bareRollup),
        '—',
      ],
      ['Bare: INSERT report + values, no roll-up', n(sub.bare.n), ...p3(sub.bare), '—'],
      [`API, ${c.connections} submissions at a time`, n(c.n), ...p3(c), c.rps.toFixed(1)],
    ],
  );
}

export function renderPlansSection(r: PlansResult): string {
  const quick = r.quick ? ' — **BENCH_QUICK smoke run: sizes and durations shrunk, not representative**' : '';
  return `${SECTION}

Issue 3's benchmark. Generated by \`npm run bench\` with the rest of this document, or alone by \`BENCH_ONLY=plans npm run bench\` (which replaces only this section)${quick}. PostgreSQL only.

### Machine and data

${machineAndData(r)}

### Method

${method(r)}

### Dashboards (goal: p95 under 200 ms)

${dashboards(r)}

### Where a dashboard's time goes (one request)

${r.dashboards.map(timeGoes).join('\n\n')}

### Plan detail and the reviewer's list (one request at a time)

${lists(r)}

### Submissions (goal: p95 under 50 ms, roll-up included)

${submissions(r)}

### Where a submission's time goes (one request)

${statements(r.submissions.queries)}

${
  r.baseline
    ? `### Against an earlier run

The same benchmark run earlier on this machine with the code before the changes it measures (\`BENCH_PLANS_BASELINE\` names that run's \`BENCH_PLANS_JSON\` file). The raw GROUP BY is the same query in both runs: how its time moved shows how much busier one run's machine was.

${againstBaseline(r)}

`
    : ''
}### Reading

${plansReading(r)}
`;
}

/** The doc with this section replaced (or appended): it runs to the next level-2 heading or the end. */
export function spliceSection(doc: string, r: PlansResult): string {
  const section = renderPlansSection(r);
  const start = doc.indexOf(`\n${SECTION}\n`);
  if (start < 0) return doc ? `${doc.trimEnd()}\n\n${section}` : `# Benchmarks\n\n${section}`;
  const next = doc.indexOf('\n## ', start + SECTION.length + 2);
  return `${doc.slice(0, start + 1)}${section}${next < 0 ? '' : doc.slice(next)}`;
}

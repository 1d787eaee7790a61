import type { PlanView, RecipientsPage, ReportListPage } from '../src/contracts/plans.ts';
import { type PlansOptions, type Stats, stats } from './plans-bench.ts';
import { timeSeq } from './plans-check.ts';
import { captureRequest, type Server, type Session } from './plans-http.ts';
import type { ExplainedQuery } from './plans-server.ts';

/**
 * The plans benchmark's lists: a plan's detail (which counts its 8,400 recipients and names 20) and pages of
 * the reviewer's queue and of the recipients on the national plan, each checked against the dataset before
 * it is timed — a fast answer with the wrong total must fail the run.
 */

export type ListSeries = {
  label: string;
  caller: string;
  urlPath: string;
  /** What the answer says it matched (the page's total, or the plan's reporters for the detail). */
  matched: number;
  rows: number;
  responseBytes: number;
  seq: Stats;
};
export type ListsResult = {
  series: ListSeries[];
  /** The statements of one request: the plan's detail and the reviewer's first page, national. */
  detailQueries: ExplainedQuery[];
  reviewerQueries: ExplainedQuery[];
};

/** A word many generated grassroots names carry ("Công ty TNHH May mặc Kim Long"), typed without diacritics. */
export const SEARCH = 'kim long';

async function getJson<T>(s: Server, urlPath: string, session: Session) {
  const res = await fetch(`${s.ready.appUrl}${urlPath}`, { headers: { cookie: session.cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

function must(ok: boolean, what: string) {
  if (!ok) throw new Error(`plans lists: ${what}`);
}

type Probe = {
  label: string;
  caller: 'national' | 'provincial';
  urlPath: string;
  /** Checks the answer and says how many rows it matched. */
  check: (body: unknown) => { matched: number; rows: number };
};

function probes(s: Server): Probe[] {
  const { data, forest } = s.ready;
  const plan = `/api/plans/${data.planId}`;
  const reports = (orgId: number, q: string) =>
    `${plan}/reports?orgId=${orgId}&periodKey=${data.periodKey}&${q}`;
  const lm = data.lastMonth;
  const page = (expected: number | null, pageSize: number) => (body: unknown) => {
    const p = body as ReportListPage | RecipientsPage;
    if (expected !== null) must(p.total === expected, `${p.total} matched, ${expected} expected`);
    must(p.items.length === Math.min(pageSize, Math.max(0, p.total - (p.page - 1) * pageSize)), 'page size');
    return { matched: p.total, rows: p.items.length };
  };
  const detail = (reportFor: number) => (body: unknown) => {
    const p = body as PlanView;
    must(p.recipientCounts.reporters === data.reporters, 'recipient count');
    must(p.recipients.length === Math.min(20, data.reporters), 'recipients named');
    must(p.can.reportForTotal === reportFor, `can report for ${p.can.reportForTotal}, not ${reportFor}`);
    return { matched: p.recipientCounts.reporters, rows: p.recipients.length };
  };
  return [
    { label: 'Plan detail', caller: 'national', urlPath: plan, check: detail(data.reporters) },
    { label: 'Plan detail', caller: 'provincial', urlPath: plan, check: detail(data.reportersInProvince) },
    {
      label: 'Reviewer’s list, first page (50) by name',
      caller: 'national',
      urlPath: reports(forest.root.id, 'page=1&pageSize=50'),
      check: page(lm.expected, 50),
    },
    {
      label: 'Reviewer’s list, page 100 by name',
      caller: 'national',
      urlPath: reports(forest.root.id, 'page=100&pageSize=50'),
      check: page(lm.expected, 50),
    },
    {
      label: 'Reviewer’s list, waiting for review, last submitted first',
      caller: 'national',
      urlPath: reports(forest.root.id, 'status=submitted&sort=submittedAt&order=desc&pageSize=50'),
      check: page(lm.counted, 50),
    },
    {
      label: 'Reviewer’s list, missing units',
      caller: 'national',
      urlPath: reports(forest.root.id, 'timeliness=missing&pageSize=50'),
      check: page(lm.missing, 50),
    },
    {
      label: `Reviewer’s list, name search “${SEARCH}”`,
      caller: 'national',
      urlPath: reports(forest.root.id, `q=${encodeURIComponent(SEARCH)}&pageSize=50`),
      check: page(null, 50),
    },
    {
      label: `Reviewer’s list of ${forest.province.name}, first page`,
      caller: 'provincial',
      urlPath: reports(forest.province.id, 'page=1&pageSize=50'),
      check: page(data.reportersInProvince, 50),
    },
    {
      label: `Recipients, name search “${SEARCH}” (20)`,
      caller: 'national',
      urlPath: `${plan}/recipients?q=${encodeURIComponent(SEARCH)}&pageSize=20`,
      check: page(null, 20),
    },
  ];
}

/** Each probe checked once, then up to `seqN` requests one at a time; the heaviest two captured. */
export async function measureLists(
  s: Server,
  o: PlansOptions,
  sessions: { national: Session; provincial: Session },
  log: (msg: string) => void,
): Promise<ListsResult> {
  log('plans: plan detail and the reviewer’s list…');
  const series: ListSeries[] = [];
  for (const p of probes(s)) {
    const session = sessions[p.caller];
    const got = await getJson<unknown>(s, p.urlPath, session);
    const { matched, rows } = p.check(got.body);
    const headers = { cookie: session.cookie };
    const ms = await timeSeq(
      async () => {
        const res = await fetch(`${s.ready.appUrl}${p.urlPath}`, { headers });
        const text = await res.text();
        if (!res.ok) throw new Error(`${p.urlPath}: ${res.status} ${text.slice(0, 300)}`);
      },
      o.seqN,
      o.seqBudgetS,
    );
    series.push({
      label: p.label,
      caller: p.caller === 'national' ? 'national system admin' : 'provincial admin (org_admin)',
      urlPath: p.urlPath,
      matched,
      rows,
      responseBytes: got.bytes,
      seq: stats(ms),
    });
  }
  const [detail, , firstPage] = probes(s);
  const capture = (urlPath: string) =>
    captureRequest(s, () =>
      fetch(`${s.ready.appUrl}${urlPath}`, { headers: { cookie: sessions.national.cookie } }).then((r) =>
        r.text(),
      ),
    );
  return {
    series,
    detailQueries: await capture(detail!.urlPath),
    reviewerQueries: await capture(firstPage!.urlPath),
  };
}

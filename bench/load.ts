import autocannon from 'autocannon';

/**
 * Load and latency helpers. Everything here measures two things side by side in the same run and
 * reports their ratio: on a shared 2-core machine absolute numbers drift from second to second, so the
 * platform and the bare route are loaded in alternating rounds (bare, platform, platform, bare, …) and
 * each side's rounds are pooled. A drift then hits both sides alike instead of whichever ran second.
 */

export type LoadResult = { rps: number; p50: number; p99: number; requests: number };
export type LoadTarget = { baseUrl: string; paths: string[]; headers?: Record<string, string> };
/** durationS: measured seconds per side, split into `rounds`. */
export type LoadOptions = { connections: number; durationS: number; warmupS: number; rounds: number };

type Sample = { latencies: number[]; seconds: number };

/** autocannon for a fixed duration; the paths are cycled across all connections (one shared counter). */
async function fire(target: LoadTarget, connections: number, durationS: number): Promise<Sample> {
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  const run = autocannon({
    url: target.baseUrl,
    connections,
    duration: durationS,
    timeout: 30,
    headers: target.headers ?? {},
    requests: [{ setupRequest: (req) => ({ ...req, path: target.paths[next++ % target.paths.length] }) }],
  });
  let bad = 0;
  run.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else bad++;
  });
  const r = await run;
  // A 401 or 500 is fast: a single one means the figures are not those of the endpoint.
  if (bad + r.errors + r.timeouts > 0) {
    throw new Error(
      `${target.baseUrl}: ${bad} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts under load`,
    );
  }
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

function summarise(samples: Sample[]): LoadResult {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((t, s) => t + s.seconds, 0);
  return {
    rps: all.length / seconds,
    p50: quantile(all, 0.5),
    p99: quantile(all, 0.99),
    requests: all.length,
  };
}

export type Pair = { platform: LoadResult; bare: LoadResult; ratio: number; roundRatios: number[] };

/**
 * The platform endpoint against the bare route: both warmed up, then `rounds` alternating rounds.
 * ratio = platform req/s ÷ bare req/s over all rounds (1.0 = the platform adds nothing). An endpoint
 * slower than a fifth of a round would lose too much to the cut at each round's end, so a slow one
 * gets a single long round instead.
 */
export async function loadPair(platform: LoadTarget, bare: LoadTarget, o: LoadOptions): Promise<Pair> {
  const warm = summarise([await fire(platform, o.connections, o.warmupS)]);
  await fire(bare, o.connections, o.warmupS);
  const slow = warm.requests < 2 * o.connections || warm.p50 * 5 > (o.durationS / o.rounds) * 1000;
  const rounds = slow ? 1 : o.rounds;
  const roundS = o.durationS / rounds;
  const p: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ([bare, platform] as const) : ([platform, bare] as const);
    for (const t of order) (t === bare ? b : p).push(await fire(t, o.connections, roundS));
  }
  const ratioOf = (x: LoadResult, y: LoadResult) => (y.rps > 0 ? x.rps / y.rps : 0);
  const roundRatios = p.map((s, i) => ratioOf(summarise([s]), summarise([b[i]!])));
  const [platformR, bareR] = [summarise(p), summarise(b)];
  return { platform: platformR, bare: bareR, ratio: ratioOf(platformR, bareR), roundRatios };
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export type Stats = { n: number; p50: number; p95: number };

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95) };
}

/** Sequential requests (one in flight) after a short warm-up; returns each duration in ms. */
export async function timeRequests(
  url: string,
  headers: Record<string, string>,
  n: number,
): Promise<number[]> {
  const get = async () => {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  for (let i = 0; i < 3; i++) await get();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await get();
    out.push(performance.now() - t0);
  }
  return out;
}

import autocannon from 'autocannon';
import { quantile } from './load.ts';

/**
 * The load generator of the training benchmark in its own process (forked by bench/training-bench.ts), so the
 * client never shares the server's event loop: a fixed arrival rate for a duration, cycling the paths.
 */
const { base, paths, rate, seconds } = JSON.parse(process.argv[2]!) as {
  base: string;
  paths: string[];
  rate: number;
  seconds: number;
};
let next = 0;
const latencies: number[] = [];
let non2xx = 0;
// overallRate (a fixed arrival rate) is autocannon's, missing from the local typings in bench/autocannon.d.ts.
const options = {
  url: base,
  connections: 20,
  overallRate: rate,
  duration: seconds,
  requests: [{ setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }],
};
const run = autocannon(options as unknown as Parameters<typeof autocannon>[0]);
run.on('response', (_c, status, _b, ms) => {
  if (status >= 200 && status < 300) latencies.push(ms);
  else non2xx++;
});
await run;
latencies.sort((a, b) => a - b);
process.send!({
  requests: latencies.length,
  p50: quantile(latencies, 0.5),
  p99: quantile(latencies, 0.99),
  max: latencies.at(-1) ?? 0,
  non2xx,
});

import http from 'node:http';
import { quantile } from './load.ts';

/**
 * The load generator of the training benchmark in its own process (forked by bench/training-bench.ts), so the
 * client never shares the server's event loop: requests arrive at a given mean rate for a duration, cycling the
 * paths, as independent callers do — a Poisson process (exponential gaps between arrivals), each request sent
 * when it arrives whether or not earlier ones have been answered (open loop, keep-alive sockets as needed).
 *
 * Not autocannon's `overallRate`: it paces each connection on its own timer, so its 20 connections fire together
 * and 200 requests/s arrive as bursts of 20 every 100 ms — 20 phones scanning within the same millisecond, ten
 * times a second. Latency is measured from the moment a request was due, so a late send counts against the
 * server, not for it.
 */
const { base, paths, rate, seconds } = JSON.parse(process.argv[2]!) as {
  base: string;
  paths: string[];
  rate: number;
  seconds: number;
};
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const latencies: number[] = [];
let non2xx = 0;
let errors = 0;
let next = 0;
let pending = 0;

function send(due: number) {
  pending++;
  const req = http.request(
    { host: url.hostname, port: url.port, path: paths[next++ % paths.length], agent, method: 'GET' },
    (res) => {
      res.resume();
      res.on('end', () => {
        const ms = performance.now() - due;
        if (res.statusCode! >= 200 && res.statusCode! < 300) latencies.push(ms);
        else non2xx++;
        pending--;
      });
    },
  );
  req.on('error', () => {
    errors++;
    pending--;
  });
  req.end();
}

const start = performance.now();
const end = start + seconds * 1000;
let due = start;
while (due < end) {
  const now = performance.now();
  // Every arrival whose time has come is sent now, on its own due time.
  while (due <= now && due < end) {
    send(due);
    due += -Math.log(1 - Math.random()) * (1000 / rate);
  }
  await new Promise((r) => setTimeout(r, Math.max(0, Math.min(due - performance.now(), 5))));
}
while (pending > 0) await new Promise((r) => setTimeout(r, 10));
agent.destroy();
latencies.sort((a, b) => a - b);
process.send!({
  requests: latencies.length,
  p50: quantile(latencies, 0.5),
  p99: quantile(latencies, 0.99),
  max: latencies.at(-1) ?? 0,
  non2xx: non2xx + errors,
});

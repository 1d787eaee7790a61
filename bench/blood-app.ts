import { modules } from '../src/modules/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';

/**
 * One app instance of the blood benchmark, run as a child process of bench/blood.ts (two of them: two servers
 * behind a load balancer, each with its own pool, on one database). A process of its own keeps the load
 * generator's CPU out of the instances' event loops, as in production. Tells its parent `{ port }` once
 * listening; answers 'cpu' with its CPU time so far; exits on the message 'close'.
 */

export type AppSpec = { url: string; poolSize: number };

const spec = JSON.parse(process.env.BENCH_BLOOD_APP ?? '{}') as AppSpec;
const config = loadConfig({
  NODE_ENV: 'production',
  DATA_DIR: '/tmp/x',
  LOG_LEVEL: 'silent',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  DATABASE_POOL_SIZE: String(spec.poolSize),
});
const database = await openPostgres(spec.url, config.poolSize);
const app = await buildApp({ database, db: database.db, clock: systemClock, config }, modules);
await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.on('message', async (msg) => {
  // The CPU time this instance has used (µs), to count what each attempt cost it whatever the machine's load.
  if (msg === 'cpu') return void process.send?.({ cpu: process.cpuUsage() });
  if (msg !== 'close') return;
  await app.close();
  await database.close();
  process.exit(0);
});

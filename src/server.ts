import { sql } from 'drizzle-orm';
import { seedDemo } from './demo/seed-demo.ts';
import { modules } from './modules/index.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { buildApp } from './platform/http/app.ts';
import { createMailer } from './platform/mailer.ts';
import { installModules } from './platform/modules.ts';
import { createScheduler, registerModuleJobs } from './platform/scheduler.ts';

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
  });
  await database.migrate();
  installModules(modules);
  // Each module's start-up work (built-in data an empty database needs…), idempotent, in the list's order.
  for (const m of modules) await m.onStart?.({ db: database.db, clock: systemClock });
  return database;
}

export async function isEmpty(database: Database): Promise<boolean> {
  const res = (await database.db.execute(sql`SELECT count(*)::int AS n FROM users`)) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]!.n === 0;
}

/** Starts the HTTP server: migrations, demo data on an empty database when enabled, then listen. */
export async function startServer(config: Config) {
  const mailer = createMailer(config.smtpUrl); // a malformed SMTP_URL stops the start here
  const database = await openAndMigrate(config);
  const logger = { level: config.logLevel, ...(config.isProduction ? {} : { transport: undefined }) };
  if (config.demoSeed && (await isEmpty(database))) {
    await seedDemo(database.db, systemClock);
    console.log('Đã nạp dữ liệu mẫu (demo). Đăng nhập: admin / ChungTay@2026 — xem README.');
  }
  const app = await buildApp({ database, db: database.db, clock: systemClock, config }, modules, logger);
  // Daily jobs (reminders…): one timer per instance, each job claimed once a day in the database.
  const scheduler = config.scheduler
    ? createScheduler({ db: database.db, clock: systemClock, log: app.log, mailer })
    : null;
  if (scheduler) registerModuleJobs(scheduler, modules, mailer);
  // Whoever closes the app (signal or caller) stops the timer and waits for a running job before the DB closes.
  app.addHook('onClose', async () => {
    await scheduler?.stop();
    mailer.close();
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  scheduler?.start(); // first tick a few seconds later, in the background: never delays start-up
  console.log(
    `Chung Tay đang chạy tại http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} ` +
      `(cơ sở dữ liệu: ${database.kind} ${database.location})`,
  );
  return app;
}

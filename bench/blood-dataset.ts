import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../src/platform/db/database.ts';
import { type BloodData, type BloodSize, buildBlood } from './blood-data.ts';

const log = (m: string) =>
  process.stderr.write(`[bench blood ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/**
 * The run's database, and the dataset's: building 2 million donors takes ~400 s, so the built dataset is kept in
 * `<run db>_data` (its size and build figures in the database's COMMENT) and each run measures on a fresh copy of
 * it (CREATE DATABASE … TEMPLATE, a file copy: the rush and the call-outs write into the copy, never into the
 * dataset). Migrations added since the build are applied to the dataset first. BENCH_BLOOD_REBUILD=1 builds it
 * anew; BENCH_BLOOD_DB names the run database (default chungtay_bench_blood); drop both by hand when done.
 */
const PG_DB = process.env.BENCH_BLOOD_DB ?? 'chungtay_bench_blood';
const DATA_DB = `${PG_DB}_data`;
/** Bump when bench/blood-data.ts changes what it builds: a kept dataset of another version is rebuilt. */
const DATA_VERSION = 1;
type Stamp = { v: number; size: BloodSize; data: BloodData };
export type Dataset = { reused: boolean; builtAt: string; copyMs: number };

const serverUrl = () =>
  process.env.DATABASE_URL ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const urlOf = (name: string) => {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
};

async function asAdmin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    return await f(admin);
  } finally {
    await admin.end();
  }
}

/** The kept dataset's stamp when it was built at this size by this version of blood-data.ts. */
async function keptDataset(size: BloodSize): Promise<Stamp | null> {
  if (process.env.BENCH_BLOOD_REBUILD === '1') return null;
  const got = await asAdmin((c) =>
    c.query<{ stamp: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS stamp FROM pg_database WHERE datname = $1`,
      [DATA_DB],
    ),
  );
  try {
    const stamp = JSON.parse(got.rows[0]?.stamp ?? 'null') as Stamp | null;
    const same = stamp?.v === DATA_VERSION && JSON.stringify(stamp.size) === JSON.stringify(size);
    return same ? stamp : null;
  } catch {
    return null;
  }
}

/** Builds the dataset into a fresh `<run db>_data` and stamps it. */
async function buildDataset(size: BloodSize): Promise<BloodData> {
  await asAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DATA_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DATA_DB}`);
  });
  const d = await openPostgres(urlOf(DATA_DB));
  try {
    await d.migrate();
    log(`building ${size.donors} donors with 1–${size.maxAttempts} attempts each…`);
    const data = await buildBlood(d.db, size);
    const stamp: Stamp = { v: DATA_VERSION, size, data };
    await d.db.execute(
      sql.raw(`COMMENT ON DATABASE ${DATA_DB} IS '${JSON.stringify(stamp).replaceAll("'", "''")}'`),
    );
    return data;
  } finally {
    await d.close();
  }
}

/** A fresh run database copied from the dataset (built first when none of this size is kept). */
export async function runDatabase(
  size: BloodSize,
): Promise<{ url: string; data: BloodData; dataset: Dataset }> {
  const kept = await keptDataset(size);
  let data: BloodData;
  if (kept) {
    log(`reusing the dataset in ${DATA_DB} (built ${kept.data.today}); applying new migrations…`);
    const d = await openPostgres(urlOf(DATA_DB));
    await d.migrate().finally(() => d.close());
    data = kept.data;
  } else data = await buildDataset(size);
  const t0 = performance.now();
  await asAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${PG_DB} TEMPLATE ${DATA_DB} STRATEGY FILE_COPY`);
  });
  const copyMs = performance.now() - t0;
  log(`copied ${DATA_DB} to ${PG_DB} in ${(copyMs / 1000).toFixed(1)} s`);
  return {
    url: urlOf(PG_DB), // left in place for inspection; the next run drops it
    data,
    dataset: { reused: kept !== null, builtAt: data.today, copyMs },
  };
}

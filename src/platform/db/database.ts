import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';

/** The same typed query builder whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it lives, for logs: a directory, "memory", or the server URL without its password. */
  location: string;
  migrate: () => Promise<void>;
  /** The embedded database only: a gzip archive of its data directory (see backup.ts). */
  dumpArchive?: () => Promise<Buffer>;
  close: () => Promise<void>;
};

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

const pgliteExtensions = { btree_gist, ltree, pg_trgm, unaccent };

/**
 * Opens the embedded PGlite. PGlite is a single connection in this process and queues every query and
 * transaction behind its own mutex: a query issued while a transaction is open waits for it to end, so
 * concurrent requests are serialised correctly. One server process per DATA_DIR.
 */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const lock = opts.dataDir ? await lockDataDir(opts.dataDir) : null;
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: opts.dataDir,
      extensions: pgliteExtensions,
      loadDataDir: opts.loadDataDir,
    });
  } catch (e) {
    await lock?.release();
    throw e;
  }
  const db = drizzlePglite(client) as unknown as Db;
  // Taken while no query and no transaction runs (PGlite's own mutexes): a consistent copy of the directory.
  const dumpArchive = async () =>
    Buffer.from(
      await (await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'))).arrayBuffer(),
    );
  lock?.onControl(async (command, socket) => {
    if (command !== 'backup') return void socket.end();
    const archive = await dumpArchive();
    await db.execute(
      sql`INSERT INTO backups (kind, bytes, via) VALUES ('embedded', ${archive.length}, 'server')`,
    );
    socket.end(archive);
  });
  return {
    db,
    kind: 'pglite',
    location: opts.dataDir ?? 'memory',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    dumpArchive,
    close: async () => {
      await client.close();
      await lock?.release();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // JIT off: the planner prices the per-row subtree counts high enough to JIT-compile short OLTP queries on
  // every request, which cost 30–500 ms each (docs/benchmarks.md). These queries never profit from it.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it. Requests in flight get their own error.
  });
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    // Several app instances may start at once: the advisory lock makes one migrate while the others wait.
    migrate: async () => {
      const lockClient = await pool.connect();
      try {
        await lockClient.query("SELECT pg_advisory_lock(hashtext('chungtay.migrate'))");
        await migrateNodePg(drizzleNodePg(pool), { migrationsFolder });
      } finally {
        await lockClient.query("SELECT pg_advisory_unlock(hashtext('chungtay.migrate'))").catch(() => {});
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
}): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize)
    : openPglite({ dataDir: embeddedDir(opts.dataDir) });
}

/** Where the embedded database keeps its files inside DATA_DIR. */
export const embeddedDir = (dataDir: string) => path.join(dataDir, 'pglite');

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** Rows of a raw query, whichever driver ran it (both return `{ rows }`). */
export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** A page of rows and the total they were cut from, queried together. */
export async function fetchPage<T>(
  db: Db | Tx,
  page: SQL,
  count: SQL,
): Promise<{ items: T[]; total: number }> {
  const [items, totals] = await Promise.all([rows<T>(db, page), rows<{ total: number }>(db, count)]);
  return { items, total: totals[0]?.total ?? 0 };
}

export { sql };

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres, redactUrl } from '../../src/platform/db/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
    /** Every database this run creates on the server starts with it, so the teardown can drop them all. */
    pgRunPrefix: string;
  }
}

/**
 * Migrates once, then every test file starts from a copy: a PGlite data-dir dump, or on a PostgreSQL
 * server (TEST_DATABASE_URL) a template database that each file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const prefix = `chungtay_t${process.pid}_`;
    const name = `${prefix}tpl`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString(), 2);
    await db.migrate();
    await db.close();
    project.provide('pgTemplateDb', name);
    project.provide('pgRunPrefix', prefix);
    project.provide('pgliteTemplate', '');
    console.log(`\n[tests] database: PostgreSQL server ${redactUrl(url)} (template ${name})\n`);
    // A test file's own afterAll drops its database, but one registered inside a test (or cut short by a
    // failure) may not run: drop whatever this run left, and only this run's (others may be running).
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
        [prefix],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const db = await openPglite();
  await db.migrate();
  const client = (db.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const dir = path.join(os.tmpdir(), 'chungtay-tests');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  console.log('\n[tests] database: embedded PGlite, in memory, fresh per test file\n');
}

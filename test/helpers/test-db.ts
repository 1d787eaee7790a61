import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/database.ts';

/** A fresh, migrated database for this test file, closed (and dropped) after it. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (url) {
    const name = `${inject('pgRunPrefix')}${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDb')}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openPostgres(u.toString(), 5);
    afterAll(async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
  } else {
    const tar = readFileSync(inject('pgliteTemplate'));
    database = await openPglite({ loadDataDir: new Blob([tar]) });
    afterAll(() => database.close());
  }
  return database;
}

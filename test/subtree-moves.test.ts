import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.ts';
import { orgPathCopies, orgPathHistory } from '../src/platform/subtree-moves.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/** Every ltree column is either a copy that follows a subtree move or a recorded history that must not. */
describe('organisation path copies', () => {
  let t: TestApp;
  let columns: string[];
  const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

  beforeAll(async () => {
    t = await createTestApp();
    const found = await rows<{ name: string }>(
      t.db,
      sql`SELECT table_name || '.' || column_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND udt_name = 'ltree' ORDER BY 1`,
    );
    columns = found.map((c) => c.name);
  });

  it('lists every ltree column of the schema as a copy or as history', () => {
    const listed = new Set([...orgPathCopies(), ...orgPathHistory()].map(key));
    expect(columns.filter((c) => !listed.has(c))).toEqual([]);
  });

  it('lists no column the schema does not have', () => {
    const present = new Set(columns);
    expect([...orgPathCopies(), ...orgPathHistory()].map(key).filter((c) => !present.has(c))).toEqual([]);
  });
});

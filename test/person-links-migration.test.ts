import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.ts';
import { buildOrg } from './helpers/factories.ts';
import { createTestApp } from './helpers/test-app.ts';

/**
 * Migration 0016's data step: every person registered before person_links existed is linked to the
 * organisation keeping it ('keeper') and to its employer ('employer'), since the day it was registered.
 */
describe('migration 0016: existing people get their links', () => {
  it('links each person to its keeper and its employer, once', async () => {
    const t = await createTestApp('2026-05-04T02:00:00Z');
    const keeper = await buildOrg(t.db, { name: 'Trung tâm Dịch vụ Nhân đạo', kind: 'service_centre' });
    const employer = await buildOrg(t.db, { name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' });
    await t.db.execute(
      sql`INSERT INTO people (full_name, org_id, org_path, employer_org_id, created_at)
          VALUES ('Nguyễn Văn Cũ', ${keeper.id}, ${keeper.path}::ltree, ${employer.id}, '2024-12-31T20:00:00Z'),
                 ('Trần Thị Xưa', ${keeper.id}, ${keeper.path}::ltree, NULL, '2025-03-01T01:00:00Z')`,
    );
    // As before the migration: no links at all.
    await t.db.execute(sql`DELETE FROM person_links`);
    const migration = readFileSync(new URL('../migrations/0016_person_links.sql', import.meta.url), 'utf8');
    const step = migration.split('--> statement-breakpoint').find((s) => s.includes('-- Existing people'))!;
    await t.db.execute(sql.raw(step));
    await t.db.execute(sql.raw(step)); // idempotent
    const links = await rows<{
      name: string;
      orgId: number;
      orgPath: string;
      purpose: string;
      since: string;
    }>(
      t.db,
      sql`SELECT p.full_name AS name, l.org_id AS "orgId", l.org_path::text AS "orgPath", l.purpose, l.since::text AS since
          FROM person_links l JOIN people p ON p.id = l.person_id ORDER BY p.full_name, l.purpose`,
    );
    expect(links).toEqual([
      {
        name: 'Nguyễn Văn Cũ',
        orgId: employer.id,
        orgPath: employer.path,
        purpose: 'employer',
        since: '2025-01-01',
      },
      {
        name: 'Nguyễn Văn Cũ',
        orgId: keeper.id,
        orgPath: keeper.path,
        purpose: 'keeper',
        since: '2025-01-01',
      },
      {
        name: 'Trần Thị Xưa',
        orgId: keeper.id,
        orgPath: keeper.path,
        purpose: 'keeper',
        since: '2025-03-01',
      },
    ]);
  });
});

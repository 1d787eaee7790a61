import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../test/helpers/test-app.ts';
import { createTestDatabase } from '../../../test/helpers/test-db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { cliMeta } from '../../platform/context.ts';
import { type Db, rows } from '../../platform/db/database.ts';
import { importAdminUnits } from './admin-units.service.ts';
import { builtInAdminUnitFiles, loadBuiltInAdminUnits, resolveLegacyCode } from './index.ts';

const clock = fixedClock('2026-05-04T08:00:00Z');

describe('the administrative units shipped with the product', () => {
  let db: Db;
  let other: Db;
  beforeAll(async () => {
    db = (await createTestDatabase()).db;
    other = (await createTestDatabase()).db;
  });

  it('loads the 3,321 communes and the pre-2025 mapping into an empty database, once', async () => {
    expect(await countRows(db, 'admin_units', sql`level = 'commune'`)).toBe(0);

    const loaded = await loadBuiltInAdminUnits(db, clock);
    expect(loaded).toEqual({
      communes: { total: 3321, inserted: 3321, updated: 0, unchanged: 0 },
      legacy: { total: 10667, inserted: 10667 },
    });
    const kinds = await rows<{ kind: string; n: number }>(
      db,
      sql`SELECT kind, count(*)::int AS n FROM admin_units WHERE level = 'commune' GROUP BY kind ORDER BY kind`,
    );
    expect(kinds).toEqual([
      { kind: 'dac_khu', n: 13 },
      { kind: 'phuong', n: 687 },
      { kind: 'xa', n: 2621 },
    ]);
    expect(await countRows(db, 'admin_unit_legacy')).toBe(10667);
    expect((await resolveLegacyCode(db, '27')).map((r) => [r.newCode, r.newName])).toEqual([
      ['24', 'Bắc Ninh'],
    ]);
    // Written through the importers: their audit entries, naming the product rather than a user.
    const audit = await rows<{ entity_type: string; user_agent: string; actor_user_id: number | null }>(
      db,
      sql`SELECT entity_type, user_agent, actor_user_id FROM audit_log ORDER BY id`,
    );
    expect(audit).toEqual([
      { entity_type: 'admin_unit', user_agent: 'built-in', actor_user_id: null },
      { entity_type: 'admin_unit_legacy', user_agent: 'built-in', actor_user_id: null },
    ]);

    expect(await loadBuiltInAdminUnits(db, clock)).toBeNull();
    expect(await countRows(db, 'admin_units', sql`level = 'commune'`)).toBe(3321);
    expect(await countRows(db, 'audit_log')).toBe(2);
  }, 30_000);

  it('leaves a database that already has communes as it is (later lists come through the importer)', async () => {
    const one =
      'province_code,province_name,commune_code,commune_name\n11,Điện Biên,03127,Phường Điện Biên Phủ\n';
    await importAdminUnits({ db: other, actor: null, meta: cliMeta }, Buffer.from(one), 'one.csv');
    expect(await loadBuiltInAdminUnits(other, clock)).toBeNull();
    expect(await countRows(other, 'admin_units', sql`level = 'commune'`)).toBe(1);
    expect(await countRows(other, 'admin_unit_legacy')).toBe(0);
  });

  it('ships the same 34 provinces the migration builds in', async () => {
    const shipped = readFileSync(builtInAdminUnitFiles.provinces, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const built = await rows<{ code: string; name: string }>(
      other,
      sql`SELECT code, name FROM admin_units WHERE level = 'province' ORDER BY code`,
    );
    expect(built.map((p) => [p.code, p.name])).toEqual(shipped.sort(([a], [b]) => a!.localeCompare(b!)));
    expect(built).toHaveLength(34);
  });
});

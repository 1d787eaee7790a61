import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminUnitView, listAdminUnitsQuery } from '../../contracts/admin-units.ts';
import { type Db, fetchPage, rows, type Tx } from '../../platform/db/database.ts';
import { matchesSearch } from '../../platform/db/sql-helpers.ts';

/**
 * All SQL of administrative units: the 2025 list (national reference data, not organisation-owned, so no
 * Scope), its import, and the pre-2025 → 2025 mapping.
 */

const viewColumns = sql`a.code, a.name, a.level, a.kind, a.province_code AS "provinceCode", p.name AS "provinceName"`;

export async function listAdminUnitsPage(db: Db, q: z.output<typeof listAdminUnitsQuery>) {
  const conds: SQL[] = [sql`a.valid_to IS NULL`];
  if (q.level) conds.push(sql`a.level = ${q.level}`);
  if (q.provinceCode) conds.push(sql`a.province_code = ${q.provinceCode}`);
  if (q.q) conds.push(matchesSearch(sql`a.search_text`, q.q));
  const where = sql.join(conds, sql` AND `);
  return fetchPage<AdminUnitView>(
    db,
    sql`SELECT ${viewColumns} FROM admin_units a LEFT JOIN admin_units p ON p.code = a.province_code
        WHERE ${where} ORDER BY a.level DESC, a.province_code NULLS FIRST, a.code
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    sql`SELECT count(*)::int AS total FROM admin_units a WHERE ${where}`,
  );
}

export async function listProvincesWithCounts(db: Db) {
  return rows<AdminUnitView & { communeCount: number }>(
    db,
    sql`SELECT ${viewColumns},
          (SELECT count(*) FROM admin_units c WHERE c.province_code = a.code AND c.valid_to IS NULL)::int AS "communeCount"
        FROM admin_units a LEFT JOIN admin_units p ON p.code = a.province_code
        WHERE a.level = 'province' AND a.valid_to IS NULL ORDER BY a.code`,
  );
}

/** Whether `code` is a province in force today (one of the 34): a home province a call-out or a wave can match. */
export async function isCurrentProvince(db: Db | Tx, code: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM admin_units WHERE code = ${code} AND level = 'province' AND valid_to IS NULL`,
  );
  return (row?.n ?? 0) > 0;
}

export async function provinceCodes(db: Db | Tx): Promise<Set<string>> {
  const found = await rows<{ code: string }>(db, sql`SELECT code FROM admin_units WHERE level = 'province'`);
  return new Set(found.map((r) => r.code));
}

/** Every code, both levels: what a legacy mapping may point at. */
export async function adminUnitCodes(db: Db | Tx): Promise<Set<string>> {
  const found = await rows<{ code: string }>(db, sql`SELECT code FROM admin_units`);
  return new Set(found.map((r) => r.code));
}

export async function hasCommunes(db: Db | Tx): Promise<boolean> {
  const [row] = await rows<{ has: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM admin_units WHERE level = 'commune') AS has`,
  );
  return row!.has;
}

/**
 * Serialises the built-in load across app instances starting at once on one PostgreSQL: the second waits,
 * then finds the communes the first committed. Held until the transaction ends.
 */
export async function lockBuiltInLoad(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('chungtay.admin_units.built_in'))`);
}

export type ExistingCommune = { code: string; name: string; province_code: string; valid_to: string | null };

/** The communes already stored, locked until the import's transaction ends. */
export async function lockCommunes(tx: Tx): Promise<Map<string, ExistingCommune>> {
  const found = await rows<ExistingCommune>(
    tx,
    sql`SELECT code, name, province_code, valid_to::text FROM admin_units WHERE level = 'commune' FOR UPDATE`,
  );
  return new Map(found.map((r) => [r.code, r]));
}

export type CommuneUpsert = { code: string; name: string; kind: string; provinceCode: string };

/** Inserts new communes and rewrites changed ones (a commune back on the list is valid again), in one statement. */
export async function upsertCommunes(tx: Tx, list: CommuneUpsert[]): Promise<void> {
  const json = JSON.stringify(
    list.map((c) => ({ code: c.code, name: c.name, kind: c.kind, province_code: c.provinceCode })),
  );
  await tx.execute(
    sql`INSERT INTO admin_units (code, name, level, kind, province_code)
        SELECT x.code, x.name, 'commune', x.kind, x.province_code
        FROM jsonb_to_recordset(${json}::jsonb) AS x(code text, name text, kind text, province_code text)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
          province_code = excluded.province_code, valid_to = NULL, updated_at = now()`,
  );
}

export type LegacyInsert = {
  level: 'province' | 'commune';
  oldCode: string;
  oldName: string;
  newCode: string;
  mergeType: 'full' | 'partial';
};

/** Inserts the mapping rows not stored yet, in one statement; answers how many were new. */
export async function insertLegacyRows(tx: Tx, list: LegacyInsert[]): Promise<number> {
  const json = JSON.stringify(
    list.map((l) => ({
      level: l.level,
      old_code: l.oldCode,
      old_name: l.oldName,
      new_code: l.newCode,
      merge_type: l.mergeType,
    })),
  );
  const [row] = await rows<{ inserted: number }>(
    tx,
    sql`WITH ins AS (
          INSERT INTO admin_unit_legacy (level, old_code, old_name, new_code, merge_type)
          SELECT x.level, x.old_code, x.old_name, x.new_code, x.merge_type
          FROM jsonb_to_recordset(${json}::jsonb)
            AS x(level text, old_code text, old_name text, new_code text, merge_type text)
          ON CONFLICT DO NOTHING
          RETURNING 1)
        SELECT count(*)::int AS inserted FROM ins`,
  );
  return row!.inserted;
}

export type LegacyRow = {
  oldCode: string;
  oldName: string;
  level: 'province' | 'commune';
  mergeType: 'full' | 'partial';
  newCode: string;
  newName: string | null;
};

/** Which 2025 unit(s) a pre-2025 code became part of. */
export async function findLegacyCode(db: Db, code: string) {
  return rows<LegacyRow>(
    db,
    sql`SELECT l.old_code AS "oldCode", l.old_name AS "oldName", l.level, l.merge_type AS "mergeType",
               l.new_code AS "newCode", a.name AS "newName"
        FROM admin_unit_legacy l LEFT JOIN admin_units a ON a.code = l.new_code
        WHERE l.old_code = ${code} ORDER BY l.merge_type, l.new_code`,
  );
}

/** The date the 2025 list took effect: a record dated before it names a pre-2025 unit. */
export const REFORM_2025 = '2025-07-01';

export type ProvinceAsOf = { code: string; name: string; currentCode: string | null };

/**
 * The provinces as they were on a day: before 1/7/2025 the 63 pre-2025 provinces (Bắc Giang 24 and Bắc Ninh 27 are
 * two), each with the 2025 province it became part of; from then on the 2025 list (its own code as current).
 */
export async function provincesAsOf(db: Db | Tx, day: string): Promise<ProvinceAsOf[]> {
  if (day >= REFORM_2025)
    return rows<ProvinceAsOf>(
      db,
      sql`SELECT code, name, code AS "currentCode" FROM admin_units
          WHERE level = 'province' AND valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to >= ${day}::date)
          ORDER BY code`,
    );
  return rows<ProvinceAsOf>(
    db,
    sql`SELECT DISTINCT ON (old_code) old_code AS code, old_name AS name, new_code AS "currentCode"
        FROM admin_unit_legacy WHERE level = 'province' AND valid_to >= ${day}::date
        ORDER BY old_code, merge_type, new_code`,
  );
}

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AdminUnitView,
  ImportResult,
  ImportRowError,
  listAdminUnitsQuery,
} from '../../contracts/admin-units.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestMeta } from '../../platform/context.ts';
import { type Db, fetchPage, rows } from '../../platform/db/database.ts';
import { matchesSearch } from '../../platform/db/sql-helpers.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/scope.ts';
import { type CommuneRow, communeKind, parseAdminUnitFile } from './admin-units.parse.ts';
import { adminUnits } from './admin-units.tables.ts';

const viewColumns = sql`a.code, a.name, a.level, a.kind, a.province_code AS "provinceCode", p.name AS "provinceName"`;

export async function listAdminUnits(db: Db, q: z.output<typeof listAdminUnitsQuery>) {
  const conds: SQL[] = [sql`a.valid_to IS NULL`];
  if (q.level) conds.push(sql`a.level = ${q.level}`);
  if (q.provinceCode) conds.push(sql`a.province_code = ${q.provinceCode}`);
  if (q.q) conds.push(matchesSearch(sql`a.search_text`, q.q));
  const where = sql.join(conds, sql` AND `);
  const { items, total } = await fetchPage<AdminUnitView>(
    db,
    sql`SELECT ${viewColumns} FROM admin_units a LEFT JOIN admin_units p ON p.code = a.province_code
        WHERE ${where} ORDER BY a.level DESC, a.province_code NULLS FIRST, a.code
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    sql`SELECT count(*)::int AS total FROM admin_units a WHERE ${where}`,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function listProvinces(db: Db) {
  return rows<AdminUnitView & { communeCount: number }>(
    db,
    sql`SELECT ${viewColumns},
          (SELECT count(*) FROM admin_units c WHERE c.province_code = a.code AND c.valid_to IS NULL)::int AS "communeCount"
        FROM admin_units a LEFT JOIN admin_units p ON p.code = a.province_code
        WHERE a.level = 'province' AND a.valid_to IS NULL ORDER BY a.code`,
  );
}

export const importInvalid = (rowErrors: ImportRowError[]) =>
  new AppError({
    code: 'admin_units.import_invalid',
    status: 400,
    message: `Tệp có ${rowErrors.length} lỗi; chưa nhập dòng nào. Sửa các dòng được nêu rồi nhập lại.`,
    details: { rows: rowErrors.slice(0, 500), total: rowErrors.length },
  });

function validate(rows: CommuneRow[], provinces: Set<string>): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const err = (field: string, message: string) => errors.push({ line: r.line, field, message });
    if (!/^\d{2}$/.test(r.provinceCode))
      err('province_code', `Mã tỉnh "${r.provinceCode}" phải gồm 2 chữ số`);
    else if (!provinces.has(r.provinceCode))
      err('province_code', `Không có tỉnh/thành phố mã ${r.provinceCode} (34 tỉnh từ 1/7/2025)`);
    if (!/^\d{5}$/.test(r.code)) err('commune_code', `Mã xã "${r.code}" phải gồm 5 chữ số`);
    else if (seen.has(r.code)) err('commune_code', `Mã xã ${r.code} trùng với dòng ${seen.get(r.code)}`);
    else seen.set(r.code, r.line);
    if (r.name.length < 3 || r.name.length > 150) err('commune_name', 'Tên xã trống hoặc không hợp lệ');
    else if (!communeKind(r.name))
      err('commune_name', `Tên "${r.name}" phải bắt đầu bằng Xã, Phường hoặc Đặc khu`);
  }
  return errors;
}

/**
 * Imports the official commune list. Everything is checked before anything is written; then one
 * transaction inserts new communes and updates changed ones. Importing the same file twice changes nothing.
 */
export async function importAdminUnits(
  deps: { db: Db; actor: Pick<Actor, 'userId' | 'username'> | null; meta: RequestMeta },
  file: Buffer,
  filename: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const parsed = await parseAdminUnitFile(file, filename);
  if (parsed.errors.length) throw importInvalid(parsed.errors);
  if (parsed.rows.length === 0)
    throw importInvalid([{ line: 2, field: 'file', message: 'Tệp không có dòng dữ liệu nào' }]);
  const provinces = new Set(
    (await rows<{ code: string }>(deps.db, sql`SELECT code FROM admin_units WHERE level = 'province'`)).map(
      (r) => r.code,
    ),
  );
  const rowErrors = validate(parsed.rows, provinces);
  if (rowErrors.length) throw importInvalid(rowErrors);

  return deps.db.transaction(async (tx) => {
    const existing = new Map(
      (
        await rows<{ code: string; name: string; province_code: string; valid_to: string | null }>(
          tx,
          sql`SELECT code, name, province_code, valid_to::text FROM admin_units WHERE level = 'commune' FOR UPDATE`,
        )
      ).map((r) => [r.code, r]),
    );
    const fresh: CommuneRow[] = [];
    const changed: CommuneRow[] = [];
    for (const r of parsed.rows) {
      const e = existing.get(r.code);
      if (!e) fresh.push(r);
      else if (e.name !== r.name || e.province_code !== r.provinceCode || e.valid_to !== null)
        changed.push(r);
    }
    const all = [...fresh, ...changed];
    for (let i = 0; i < all.length; i += 500) {
      const chunk = all.slice(i, i + 500).map((r) => ({
        code: r.code,
        name: r.name,
        level: 'commune' as const,
        kind: communeKind(r.name)!,
        provinceCode: r.provinceCode,
      }));
      await tx
        .insert(adminUnits)
        .values(chunk)
        .onConflictDoUpdate({
          target: adminUnits.code,
          set: {
            name: sql`excluded.name`,
            kind: sql`excluded.kind`,
            provinceCode: sql`excluded.province_code`,
            validTo: null,
            updatedAt: sql`now()`,
          },
        });
      onProgress?.(Math.min(i + 500, all.length), all.length);
    }
    const result = {
      total: parsed.rows.length,
      inserted: fresh.length,
      updated: changed.length,
      unchanged: parsed.rows.length - fresh.length - changed.length,
    };
    await recordAudit(tx, deps, {
      action: 'import',
      entityType: 'admin_unit',
      entityId: null,
      after: { file: filename, ...result, updatedCodes: changed.slice(0, 200).map((r) => r.code) },
    });
    return result;
  });
}

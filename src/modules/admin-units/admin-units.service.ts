import type { z } from 'zod';
import type { ImportResult, ImportRowError, listAdminUnitsQuery } from '../../contracts/admin-units.ts';
import { commonIssues } from '../../contracts/common.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestMeta } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/scope.ts';
import { importInvalid } from './admin-units.errors.ts';
import { type CommuneRow, communeKind, parseAdminUnitFile } from './admin-units.parse.ts';
import {
  isCurrentProvince,
  listAdminUnitsPage,
  listProvincesWithCounts,
  lockCommunes,
  provinceCodes,
  upsertCommunes,
} from './admin-units.repo.ts';

export async function listAdminUnits(db: Db, q: z.output<typeof listAdminUnitsQuery>) {
  const { items, total } = await listAdminUnitsPage(db, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * A home province given on a form (a donor's, a volunteer's) is one of the provinces in force: a code that names
 * none, or a pre-2025 province, would never match a call-out or a wave. Refused on `path`; empty passes.
 */
export async function requireCurrentProvince(db: Db | Tx, code: string | null | undefined, path: string) {
  if (code && !(await isCurrentProvince(db, code)))
    throw errors.validation([{ path, message: commonIssues.province_not_current }]);
}

export async function listProvinces(db: Db) {
  return listProvincesWithCounts(db);
}

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
  const rowErrors = validate(parsed.rows, await provinceCodes(deps.db));
  if (rowErrors.length) throw importInvalid(rowErrors);

  return deps.db.transaction(async (tx) => {
    const existing = await lockCommunes(tx);
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
      await upsertCommunes(
        tx,
        all.slice(i, i + 500).map((r) => ({
          code: r.code,
          name: r.name,
          kind: communeKind(r.name)!,
          provinceCode: r.provinceCode,
        })),
      );
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

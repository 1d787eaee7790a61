import { z } from 'zod';
import type { ImportRowError } from '../../contracts/admin-units.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestMeta } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/scope.ts';
import { importInvalid } from './admin-units.errors.ts';
import { adminUnitCodes, findLegacyCode, insertLegacyRows, type LegacyInsert } from './admin-units.repo.ts';

const merge = z.object({
  old_id: z.string().regex(/^\d{2,5}$/),
  name: z.string().min(1),
  type: z.enum(['full', 'partial']),
});
/** The merger resolutions' file: each 2025 unit with the pre-2025 units it was formed from. */
const mergesFile = z.object({
  data: z.array(
    z.object({
      level1_id: z.string().regex(/^\d{2}$/),
      merges: z.array(merge),
      level2s: z.array(z.object({ level2_id: z.string().regex(/^\d{5}$/), merges: z.array(merge) })),
    }),
  ),
});

/**
 * Imports the pre-2025 → 2025 mapping. Old codes were reused (the old Bắc Giang's 24 is the new Bắc Ninh),
 * so a record dated before 1/7/2025 resolves its code here, never in admin_units. Idempotent.
 */
export async function importLegacyMapping(
  deps: { db: Db; actor: Pick<Actor, 'userId' | 'username'> | null; meta: RequestMeta },
  file: Buffer,
): Promise<{ total: number; inserted: number }> {
  let json: unknown;
  try {
    json = JSON.parse(file.toString('utf8'));
  } catch (e) {
    throw importInvalid([{ line: 0, field: 'file', message: `JSON không hợp lệ: ${(e as Error).message}` }]);
  }
  const parsed = mergesFile.safeParse(json);
  if (!parsed.success) {
    throw importInvalid(
      parsed.error.issues
        .slice(0, 100)
        .map((i) => ({ line: 0, field: i.path.join('.'), message: i.message })),
    );
  }
  const known = await adminUnitCodes(deps.db);
  const list: LegacyInsert[] = [];
  const errors: ImportRowError[] = [];
  parsed.data.data.forEach((p, i) => {
    if (!known.has(p.level1_id))
      errors.push({ line: 0, field: `data.${i}.level1_id`, message: `Chưa có tỉnh ${p.level1_id}` });
    for (const m of p.merges)
      list.push({
        level: 'province',
        oldCode: m.old_id,
        oldName: m.name,
        newCode: p.level1_id,
        mergeType: m.type,
      });
    p.level2s.forEach((c, j) => {
      if (!known.has(c.level2_id)) {
        errors.push({
          line: 0,
          field: `data.${i}.level2s.${j}.level2_id`,
          message: `Chưa có xã ${c.level2_id}: hãy nhập danh sách xã trước`,
        });
      }
      for (const m of c.merges)
        list.push({
          level: 'commune',
          oldCode: m.old_id,
          oldName: m.name,
          newCode: c.level2_id,
          mergeType: m.type,
        });
    });
  });
  if (errors.length) throw importInvalid(errors);
  return deps.db.transaction(async (tx) => {
    const result = { total: list.length, inserted: await insertLegacyRows(tx, list) };
    await recordAudit(tx, deps, {
      action: 'import',
      entityType: 'admin_unit_legacy',
      entityId: null,
      after: result,
    });
    return result;
  });
}

export const legacyView = z.object({
  oldCode: z.string(),
  oldName: z.string(),
  level: z.enum(['province', 'commune']),
  mergeType: z.enum(['full', 'partial']),
  newCode: z.string(),
  newName: z.string().nullable(),
});

/** Which 2025 unit(s) a pre-2025 code became part of. */
export async function resolveLegacyCode(db: Db, code: string): Promise<z.infer<typeof legacyView>[]> {
  return findLegacyCode(db, code);
}

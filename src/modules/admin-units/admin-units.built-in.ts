import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from '../../contracts/admin-units.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestMeta } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { importLegacyMapping } from './admin-units.legacy.ts';
import { hasCommunes, lockBuiltInLoad } from './admin-units.repo.ts';
import { importAdminUnits } from './admin-units.service.ts';

const dataDir = path.join(import.meta.dirname, 'data');

/** The official 2025 lists shipped with the product (source and licence: `data/README.md`). */
export const builtInAdminUnitFiles = {
  provinces: path.join(dataDir, 'provinces-2025.csv'),
  communes: path.join(dataDir, 'communes-2025.csv'),
  merges: path.join(dataDir, 'merges-2025.json'),
};

/** Who the audit log names for the load: no user, the product itself. */
const builtInMeta: RequestMeta = { ip: null, userAgent: 'built-in', requestId: null };

export type BuiltInLoad = { communes: ImportResult; legacy: { total: number; inserted: number } };

/**
 * Loads the shipped commune list and the pre-2025 mapping into a database that has no communes yet, through
 * the importers (same checks, same audit entries as `chungtay import …`), in one transaction: a failure leaves
 * no half-loaded list, and the next start tries again. A database that has communes is left as it is — later
 * official lists come through the importer — so this is one indexed lookup on every start after the first.
 * The clock is the start hook's; the load does not depend on the date.
 */
export async function loadBuiltInAdminUnits(db: Db, _clock?: Clock): Promise<BuiltInLoad | null> {
  if (await hasCommunes(db)) return null;
  const [communesFile, mergesFile] = await Promise.all([
    readFile(builtInAdminUnitFiles.communes),
    readFile(builtInAdminUnitFiles.merges),
  ]);
  return db.transaction(async (tx) => {
    await lockBuiltInLoad(tx);
    if (await hasCommunes(tx)) return null; // another instance loaded it while this one waited
    const deps = { db: tx, actor: null, meta: builtInMeta };
    const communes = await importAdminUnits(
      deps,
      communesFile,
      path.basename(builtInAdminUnitFiles.communes),
    );
    const legacy = await importLegacyMapping(deps, mergesFile);
    return { communes, legacy };
  });
}

import { adminUnitsAuditWords } from '../../contracts/admin-units/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { loadBuiltInAdminUnits } from './admin-units.built-in.ts';
import { adminUnitRoutes } from './admin-units.routes.ts';

export const adminUnitsModule: ModuleDef = {
  name: 'admin-units',
  tags: [
    { name: 'Đơn vị hành chính', description: '34 tỉnh, thành phố và 3.321 xã, phường, đặc khu (2025)' },
  ],
  routes: [adminUnitRoutes],
  auditWords: [adminUnitsAuditWords],
  // An empty database gets the official 2025 list and the pre-2025 mapping shipped in ./data.
  onStart: async ({ db, clock }) => {
    await loadBuiltInAdminUnits(db, clock);
  },
};

// The public face: what the CLI, other modules and the benchmarks use.
export { type BuiltInLoad, builtInAdminUnitFiles, loadBuiltInAdminUnits } from './admin-units.built-in.ts';
export { importInvalid } from './admin-units.errors.ts';
export { importLegacyMapping, resolveLegacyCode } from './admin-units.legacy.ts';
export { isCurrentProvince, type ProvinceAsOf, provincesAsOf, REFORM_2025 } from './admin-units.repo.ts';
export {
  importAdminUnits,
  listAdminUnits,
  listProvinces,
  requireCurrentProvince,
} from './admin-units.service.ts';
export { adminUnitLegacy, adminUnits } from './admin-units.tables.ts';

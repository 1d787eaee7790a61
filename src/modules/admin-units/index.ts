/**
 * The administrative-units module's public face: what the app, the CLI, other modules and the benchmarks use.
 * (`platform/db/schema.ts` and the tables that reference `admin_units` import `admin-units.tables.ts` itself:
 * through this file they would load the routes and services while the schema is still being built.)
 */

export { type BuiltInLoad, builtInAdminUnitFiles, loadBuiltInAdminUnits } from './admin-units.built-in.ts';
export { importInvalid } from './admin-units.errors.ts';
export { importLegacyMapping, resolveLegacyCode } from './admin-units.legacy.ts';
export { adminUnitRoutes } from './admin-units.routes.ts';
export { importAdminUnits, listAdminUnits, listProvinces } from './admin-units.service.ts';
export { adminUnitLegacy, adminUnits } from './admin-units.tables.ts';

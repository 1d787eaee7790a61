import type { ModuleDef } from '../../platform/modules.ts';
import { adminUnitRoutes } from './admin-units.routes.ts';

export const adminUnitsModule: ModuleDef = {
  name: 'admin-units',
  tags: [
    { name: 'Đơn vị hành chính', description: '34 tỉnh, thành phố và 3.321 xã, phường, đặc khu (2025)' },
  ],
  routes: [adminUnitRoutes],
};

export { adminUnits } from './admin-units.tables.ts';

import type { ModuleDef } from '../../platform/modules.ts';
import { backupRoutes } from './backups.routes.ts';
import { healthRoutes } from './health.routes.ts';

export const healthModule: ModuleDef = {
  name: 'health',
  tags: [{ name: 'Hệ thống', description: 'Trạng thái máy chủ' }],
  routes: [healthRoutes, backupRoutes],
};

import { authAuditWords } from '../../contracts/auth/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { authRoutes } from './auth.routes.ts';

export const authModule: ModuleDef = {
  name: 'auth',
  tags: [{ name: 'Xác thực', description: 'Đăng nhập, phiên làm việc, khoá API cá nhân' }],
  routes: [authRoutes],
  auditWords: [authAuditWords],
};

import type { ModuleDef } from '../../platform/modules.ts';
import { userRoutes } from './users.routes.ts';

export const usersModule: ModuleDef = {
  name: 'users',
  tags: [{ name: 'Người dùng', description: 'Tài khoản, vai trò và phân quyền theo cây tổ chức' }],
  routes: [userRoutes],
};

// The public face: tables other modules reference (foreign keys, the sign-in).
export { apiTokens, roleGrants, roles, sessions, users } from './users.tables.ts';

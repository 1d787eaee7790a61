import { usersAuditWords } from '../../contracts/users/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { grantErrors, userErrors } from './users.errors.ts';
import { userRoutes } from './users.routes.ts';

export const usersModule: ModuleDef = {
  name: 'users',
  tags: [{ name: 'Người dùng', description: 'Tài khoản, vai trò và phân quyền theo cây tổ chức' }],
  routes: [userRoutes],
  errors: [userErrors.catalogue, grantErrors.catalogue],
  auditWords: [usersAuditWords],
};

// The public face: tables other modules reference (foreign keys, the sign-in), the CLI's first administrator,
// whom to notify about work waiting at an organisation (`usersHoldingOver`), and a user named by a field of
// another module's request, through the caller's scope (`userForField`); a person's own account without grants
// (`createPersonAccount`, a volunteer's sign-in).
export { usersHoldingOver } from './users.repo.ts';
export { createPersonAccount, createSystemAdmin, userForField } from './users.service.ts';
export { apiTokens, roleGrants, roles, sessions, users } from './users.tables.ts';

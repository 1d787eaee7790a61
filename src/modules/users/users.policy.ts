import { errors } from '../../platform/errors.ts';
import { type Actor, hasPermission, type Scope, scopeOf } from '../../platform/scope.ts';

/** Who may manage which users: those holding a grant inside the manager's `user.manage` subtree. */
export function userManageScope(actor: Actor): Scope {
  return scopeOf(actor, 'user.manage');
}

/** May the actor manage the users of the organisation at `orgPath` (grant or revoke roles there)? */
export function assertManagesAt(actor: Actor, orgPath: string): void {
  if (!hasPermission(actor, 'user.manage', orgPath))
    throw errors.forbidden('Bạn không quản lý người dùng ở tổ chức này.');
}

/** May the actor grant a role with `permissions` at `orgPath`? Never more than they hold there; system_admin only by one. */
export function assertRoleGrantable(actor: Actor, orgPath: string, permissions: readonly string[]): void {
  const exceeds = permissions.some((p) => !hasPermission(actor, p as never, orgPath));
  if (exceeds) throw errors.forbidden('Không thể cấp vai trò có nhiều quyền hơn quyền của bạn.');
}

/** The user routes are for user managers only; which users they then see is limited by their subtree. */
export function assertUserManager(actor: Actor): void {
  if (!hasPermission(actor, 'user.manage')) throw errors.forbidden();
}

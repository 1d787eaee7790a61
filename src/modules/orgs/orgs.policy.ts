import type { OrgDetail } from '../../contracts/orgs.ts';
import { errors } from '../../platform/errors.ts';
import { type Actor, hasPermission } from '../../platform/scope.ts';

/** Every permission check of the organisation registry, and the `can` block its answers carry. */

/** Creating, editing, moving, merging, closing and reopening an organisation all need `org.write` on it. */
export function canManageOrg(actor: Actor, path: string): boolean {
  return hasPermission(actor, 'org.write', path);
}

export function assertCanManageOrg(actor: Actor, path: string): void {
  if (!canManageOrg(actor, path)) throw errors.forbidden();
}

/** A root has no parent whose subtree could grant it: only a system administrator creates one. */
export function canCreateRoot(actor: Actor): boolean {
  return actor.isSystemAdmin;
}

export function orgCan(actor: Actor, path: string): OrgDetail['can'] {
  return { manage: canManageOrg(actor, path) };
}

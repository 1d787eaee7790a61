import { type Actor, hasPermission } from '../../../platform/scope.ts';

/**
 * Who may do what with clubs, call-outs and honours — every permission check of the sub-feature and the `can` blocks.
 * Which rows a caller sees is the repositories' scope SQL.
 */

/** Runs clubs, asks for blood, proposes honours for an organisation (its subtree). */
export function canManageBlood(actor: Actor, orgPath: string): boolean {
  return hasPermission(actor, 'blood.manage', orgPath);
}

/** Reads donors' health data (blood group) kept under `orgPath`. */
export function canReadHealth(actor: Actor, orgPath: string): boolean {
  return hasPermission(actor, 'blood.health', orgPath);
}

/** Decides an honour: the rule's deciding organisation or above; a national default (no org) only a system admin. */
export function canDecideHonour(actor: Actor, ruleOrgPath: string | null): boolean {
  if (ruleOrgPath === null) return actor.isSystemAdmin;
  return hasPermission(actor, 'blood.manage', ruleOrgPath);
}

export const clubCan = (actor: Actor, orgPath: string) => ({
  manage: canManageBlood(actor, orgPath),
  health: canReadHealth(actor, orgPath),
});

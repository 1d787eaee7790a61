import { type Actor, hasPermission, pathInScope, scopeOf } from '../../../platform/scope.ts';

/** Every permission check of deployment, and the `can` blocks its pages read. */

/** A reader of the wave's issuer sees every assignment; an institution only its own volunteers'. */
export function readsWholeWave(actor: Actor, wave: { issuerPath: string }): boolean {
  return pathInScope(scopeOf(actor), wave.issuerPath);
}

/** Deploying, overriding, shifts and approving hours: the issuer's wave managers. */
export function canDeploy(actor: Actor, wave: { issuerPath: string }): boolean {
  return hasPermission(actor, 'wave.manage', wave.issuerPath);
}

/** Recording an early return or an incident: the issuer's wave managers or the volunteer's institution. */
export function canManageAssignment(actor: Actor, a: { issuerPath: string; orgPath: string }): boolean {
  return canDeploy(actor, a) || hasPermission(actor, 'volunteer.manage', a.orgPath);
}

export function isLive(a: { status: string }): boolean {
  return a.status === 'assigned' || a.status === 'deployed';
}

/** A participation certificate: returned, or its time is over (ended early counts: they served those days). */
export function certificateEligible(
  a: { status: string; endsOn: string; endedOn: string | null },
  today: string,
) {
  if (a.status === 'returned' || a.status === 'ended_early') return true;
  return isLive(a) && (a.endedOn ?? a.endsOn) < today;
}

export function assignmentCan(
  actor: Actor,
  a: { issuerPath: string; orgPath: string; status: string; endsOn: string; endedOn: string | null },
  today: string,
) {
  return {
    end: isLive(a) && canManageAssignment(actor, a),
    cancel: isLive(a) && canDeploy(actor, a),
    certificate: certificateEligible(a, today),
  };
}

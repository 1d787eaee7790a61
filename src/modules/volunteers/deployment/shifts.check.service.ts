import { deploymentIssues } from '../../../contracts/volunteers/deployment.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { pathInScope, scopeOf } from '../../../platform/scope.ts';
import { deploymentErrors } from './deployment.errors.ts';
import { canDeploy, canManageAssignment } from './deployment.policy.ts';
import * as repo from './shifts.repo.ts';
import { checkInOpen, checkoutDeadline, hoursWorked } from './shifts.rules.ts';

/**
 * A sign-up the caller acts on. Officers find it through their scope (issuer or the volunteer's institution);
 * the volunteer finds their own (users.person_id). Anyone else: not found.
 */
async function signupFor(ctx: Ctx, tx: Tx, id: number, who: 'checker' | 'deployer') {
  const g = await repo.findSignup(tx, id, true);
  const scope = scopeOf(ctx.actor);
  const seen = g && (pathInScope(scope, g.issuerPath) || pathInScope(scope, g.orgPath));
  const self =
    g && !seen && who === 'checker' && (await repo.personOfUser(tx, ctx.actor.userId)) === g.personId;
  if (!g || (!seen && !self)) throw deploymentErrors['signup.not_found']();
  if (!self && !(who === 'deployer' ? canDeploy(ctx.actor, g) : canManageAssignment(ctx.actor, g)))
    throw errors.forbidden();
  return g;
}

const audit = (ctx: Ctx, tx: Tx, g: repo.SignupRow, action: string, after: Record<string, unknown>) =>
  recordAudit(tx, ctx, {
    action,
    entityType: 'shift_signup',
    entityId: g.id,
    entityLabel: g.fullName,
    orgPath: g.orgPath,
    after,
  });

export async function checkIn(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const g = await signupFor(ctx, tx, id, 'checker');
    if (g.checkInAt) throw deploymentErrors.already_checked();
    const now = ctx.clock.now();
    if (!checkInOpen(now, g)) throw deploymentErrors.check_in_window();
    await repo.setCheckIn(tx, id, now);
    await audit(ctx, tx, g, 'deployment.check_in', { at: now.toISOString() });
    return { ok: true as const };
  });
}

/** Check-out: hours = out − in, capped at the shift's length. Too late (shift end + 2 h): an officer enters hours. */
export async function checkOut(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const g = await signupFor(ctx, tx, id, 'checker');
    if (!g.checkInAt) throw deploymentErrors.not_checked_in();
    if (g.checkOutAt) throw deploymentErrors.already_checked();
    const now = ctx.clock.now();
    if (g.checkoutMissing || now.getTime() > checkoutDeadline(g)) throw deploymentErrors.checkout_flagged();
    const hours = hoursWorked(g.checkInAt, now, g);
    await repo.setCheckOut(tx, id, now, hours);
    await audit(ctx, tx, g, 'deployment.check_out', { at: now.toISOString(), hours });
    return { ok: true as const };
  });
}

/** An officer's hours (a forgotten check-out, a correction), never past the shift's length; approval is cleared. */
export async function setHours(ctx: Ctx, id: number, body: { hours: number; note: string }) {
  return ctx.db.transaction(async (tx) => {
    const g = await signupFor(ctx, tx, id, 'deployer');
    const max = Math.round(((Date.parse(g.endsAt) - Date.parse(g.startsAt)) / 3600_000) * 100) / 100;
    if (body.hours > max)
      throw errors.validation([
        { path: 'body.hours', message: deploymentIssues.hours_over_shift, params: { max } },
      ]);
    await repo.setHours(tx, id, body.hours);
    await recordAudit(tx, ctx, {
      action: 'deployment.hours_set',
      entityType: 'shift_signup',
      entityId: id,
      entityLabel: g.fullName,
      orgPath: g.orgPath,
      before: { hours: g.hours },
      after: { hours: body.hours, note: body.note },
    });
    return { ok: true as const };
  });
}

export async function approveHours(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const g = await signupFor(ctx, tx, id, 'deployer');
    if (g.hours === null) throw deploymentErrors.hours_missing();
    await repo.approveHours(tx, id, ctx.actor.userId, ctx.clock.now());
    await audit(ctx, tx, g, 'deployment.hours_approve', { hours: Number(g.hours) });
    return { ok: true as const };
  });
}

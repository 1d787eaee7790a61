import { commonIssues } from '../../../contracts/common.ts';
import { deploymentIssues } from '../../../contracts/volunteers/deployment.ts';
import type {
  CreateShiftBody,
  ShiftConflict,
  SignupBody,
  SignupView,
} from '../../../contracts/volunteers/deployment-shifts.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { type Actor, hasPermission, pathInScope, scopeOf } from '../../../platform/scope.ts';
import { lockDeployments } from '../waves/overlap.repo.ts';
import { waveForReading } from './assignments.manage.service.ts';
import * as assignments from './assignments.repo.ts';
import { isExclusionViolation, waveToDeploy } from './assignments.service.ts';
import { deploymentErrors } from './deployment.errors.ts';
import { canDeploy, canManageAssignment, isLive } from './deployment.policy.ts';
import * as repo from './shifts.repo.ts';
import { dayOf } from './shifts.rules.ts';

/** Creates a shift at a destination of the wave, within the wave's days (in Vietnam). */
export async function createShift(ctx: Ctx, waveId: number, body: CreateShiftBody) {
  return ctx.db.transaction(async (tx) => {
    const wave = await waveToDeploy(ctx, tx, waveId);
    const destinations = await assignments.destinationsOf(tx, waveId);
    if (!destinations.some((d) => d.id === body.destinationId)) throw errors.idNotFound('body.destinationId');
    const issues: FieldIssue[] = [];
    for (const f of ['startsAt', 'endsAt'] as const) {
      // The end may touch midnight after the last day (a night shift ending 00:00).
      const day = dayOf(f === 'endsAt' ? new Date(Date.parse(body.endsAt) - 1).toISOString() : body[f]);
      if (day < wave.startsOn || day > wave.endsOn)
        issues.push({ path: `body.${f}`, message: deploymentIssues.shift_outside_wave });
    }
    if (issues.length) throw errors.validation(issues);
    const id = await repo.insertShift(tx, {
      waveId,
      issuerPath: wave.issuerPath,
      ...body,
      task: body.task ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'deployment.shift_create',
      entityType: 'volunteer_shift',
      entityId: id,
      entityLabel: wave.title,
      orgId: wave.issuerOrgId,
      orgPath: wave.issuerPath,
      after: { waveId, ...body },
    });
    return { id };
  });
}

function signupCan(actor: Actor, g: repo.SignupRow, selfPersonId: number | null) {
  const officer = canManageAssignment(actor, g);
  return {
    check: officer || g.personId === selfPersonId,
    setHours: canDeploy(actor, g),
    approve: canDeploy(actor, g) && g.hours !== null && g.hoursApprovedAt === null,
  };
}

export function signupViewOf(actor: Actor, g: repo.SignupRow, selfPersonId: number | null): SignupView {
  return {
    id: g.id,
    shiftId: g.shiftId,
    assignmentId: g.assignmentId,
    personId: g.personId,
    fullName: g.fullName,
    orgName: g.orgName,
    checkInAt: g.checkInAt,
    checkOutAt: g.checkOutAt,
    hours: g.hours === null ? null : Number(g.hours),
    checkoutMissing: g.checkoutMissing,
    hoursApprovedAt: g.hoursApprovedAt,
    overrideReason: g.overrideReason,
    can: signupCan(actor, g, selfPersonId),
  };
}

/** The wave's shifts by time with their booked counts and the sign-ups the caller may read. */
export async function listShifts(ctx: Ctx, waveId: number) {
  const { wave, read } = await waveForReading(ctx, waveId);
  const [shifts, signups, self] = await Promise.all([
    repo.shiftsOfWave(ctx.db, waveId),
    repo.signupsOfWave(ctx.db, waveId, read),
    repo.personOfUser(ctx.db, ctx.actor.userId),
  ]);
  const deploy = canDeploy(ctx.actor, wave);
  return {
    shifts: shifts.map((s) => ({
      id: s.id,
      destinationId: s.destinationId,
      destinationName: s.destinationName,
      task: s.task,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      day: s.day,
      spanHours: Math.round(Number(s.spanHours) * 100) / 100,
      capacity: s.capacity,
      booked: s.booked,
      signups: signups.filter((g) => g.shiftId === s.id).map((g) => signupViewOf(ctx.actor, g, self)),
    })),
    // An institution signs up its own volunteers (volunteer.manage); a mere reader does not.
    can: {
      create: deploy,
      signUp: deploy || hasPermission(ctx.actor, 'volunteer.manage'),
    },
  };
}

/**
 * Signs assignments up for a shift, all or nothing. The shift row is locked (its capacity is never passed under
 * concurrency), then the persons' deployments (no two overlapping shifts of one person across requests); each
 * assignment must be live, at the shift's destination and cover its day. Overlaps refuse the request (409 naming
 * each item) unless overridden with a reason (audited); the exclusion constraint is the backstop.
 */
export async function signUp(ctx: Ctx, shiftId: number, body: SignupBody) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const shift = await repo.findShift(tx, scopeOf(ctx.actor), shiftId, true);
      if (!shift) throw deploymentErrors['shift.not_found']();
      const ids = body.assignmentIds;
      const found = await repo.assignmentsForSignup(tx, shift.waveId, ids);
      const scope = scopeOf(ctx.actor);
      const seen = found.filter((a) => pathInScope(scope, a.issuerPath) || pathInScope(scope, a.orgPath));
      if (seen.some((a) => !canManageAssignment(ctx.actor, a))) throw errors.forbidden();
      const visible = new Map(seen.map((a) => [a.id, a]));
      const issues: FieldIssue[] = [];
      const day = shift.day;
      ids.forEach((id, i) => {
        const at = `body.assignmentIds.${i}`;
        const a = visible.get(id);
        if (!a) issues.push({ path: at, message: commonIssues.id_not_found });
        else if (ids.indexOf(id) !== i) issues.push({ path: at, message: deploymentIssues.duplicate });
        else if (a.destinationId !== shift.destinationId)
          issues.push({ path: at, message: deploymentIssues.assignment_not_here });
        else if (!isLive(a) || day < a.startsOn || day > a.lastDay)
          issues.push({ path: at, message: deploymentIssues.assignment_not_covering });
      });
      if (issues.length) throw errors.validation(issues);
      if (shift.booked + ids.length > shift.capacity)
        throw deploymentErrors.shift_full({
          capacity: shift.capacity,
          booked: shift.booked,
          requested: ids.length,
        });
      const list = ids.map((id) => visible.get(id)!);
      await lockDeployments(
        tx,
        list.map((a) => a.personId),
      );
      const overlaps = await repo.overlappingSignups(
        tx,
        list.map((a) => a.personId),
        shift.startsAt,
        shift.endsAt,
      );
      const conflicts: ShiftConflict[] = overlaps.flatMap((o) => {
        const i = list.findIndex((a) => a.personId === o.personId);
        const a = list[i]!;
        return [
          {
            path: `body.assignmentIds.${i}`,
            assignmentId: a.id,
            fullName: a.fullName,
            with: { signupId: o.id, shiftId: o.shiftId, startsAt: o.startsAt, endsAt: o.endsAt },
          },
        ];
      });
      const reason = body.override?.reason ?? null;
      if (conflicts.length && !reason)
        throw deploymentErrors.shift_overlap({ count: conflicts.length }, { conflicts });
      const overriding = new Set(conflicts.map((c) => c.assignmentId));
      const created = await repo.insertSignups(
        tx,
        shift,
        list.map((a) => ({
          assignmentId: a.id,
          personId: a.personId,
          orgPath: a.orgPath,
          overrideReason: overriding.has(a.id) ? reason : null,
          overriddenBy: overriding.has(a.id) ? ctx.actor.userId : null,
        })),
      );
      await recordAudit(tx, ctx, {
        action: 'deployment.shift_signup',
        entityType: 'volunteer_shift',
        entityId: shift.id,
        orgPath: shift.issuerPath,
        after: { signupIds: created.map((c) => c.id), assignmentIds: ids },
      });
      for (const c of created.filter((x) => overriding.has(x.assignmentId)))
        await recordAudit(tx, ctx, {
          action: 'deployment.shift_override',
          entityType: 'shift_signup',
          entityId: c.id,
          orgPath: shift.issuerPath,
          after: {
            reason,
            collidesWith: conflicts.filter((k) => k.assignmentId === c.assignmentId).map((k) => k.with),
          },
        });
      return {
        signupIds: created.map((c) => c.id),
        overridden: created.filter((c) => overriding.has(c.assignmentId)).map((c) => c.id),
      };
    });
  } catch (e) {
    if (isExclusionViolation(e)) throw deploymentErrors.shift_overlap({ count: 1 }, { conflicts: [] });
    throw e;
  }
}

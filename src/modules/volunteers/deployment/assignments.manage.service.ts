import {
  deploymentIssues,
  type incidentKinds,
  type WaveAssignmentsView,
} from '../../../contracts/volunteers/deployment.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { vnDateText } from '../../../platform/pdf.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { changeProfileStatuses } from '../registry/status.repo.ts';
import * as repo from './assignments.repo.ts';
import { deploymentErrors } from './deployment.errors.ts';
import {
  assignmentCan,
  canDeploy,
  canManageAssignment,
  isLive,
  readsWholeWave,
} from './deployment.policy.ts';

/** A wave the caller sees, and what of it they read: the issuer all of it, an institution its own volunteers. */
export async function waveForReading(ctx: Ctx, waveId: number) {
  const wave = await repo.findWave(ctx.db, scopeOf(ctx.actor), waveId);
  if (!wave) throw deploymentErrors['wave.not_found']();
  const read = readsWholeWave(ctx.actor, wave)
    ? ({ all: true } as const)
    : ({ all: false, scope: scopeOf(ctx.actor) } as const);
  return { wave, read };
}

export function assignmentViewOf(ctx: Ctx, a: repo.AssignmentRow, today: string) {
  return {
    id: a.id,
    memberId: a.memberId,
    personId: a.personId,
    fullName: a.fullName,
    birthDate: a.birthDate,
    orgId: a.orgId,
    orgName: a.orgName,
    destinationId: a.destinationId,
    destinationName: a.destinationName,
    site: a.site,
    task: a.task,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    endedOn: a.endedOn,
    endReason: a.endReason,
    teamLeaderPersonId: a.teamLeaderPersonId,
    teamLeaderName: a.teamLeaderName,
    status: a.status,
    overrideReason: a.overrideReason,
    certificateNo: a.certificateNo,
    incidents: a.incidents,
    approvedHours: Number(a.approvedHours),
    can: assignmentCan(ctx.actor, a, today),
  };
}

/** The deployment tab: destinations, proposed members ready to deploy, and the assignments, in the caller's read. */
export async function listWaveAssignments(ctx: Ctx, waveId: number): Promise<WaveAssignmentsView> {
  const { wave, read } = await waveForReading(ctx, waveId);
  const [destinations, ready, list] = await Promise.all([
    repo.destinationsOf(ctx.db, waveId),
    repo.readyMembers(ctx.db, waveId, read),
    repo.assignmentsOfWave(ctx.db, waveId, read),
  ]);
  const today = vnToday(ctx.clock);
  const deploy = canDeploy(ctx.actor, wave);
  return {
    wave: {
      id: wave.id,
      title: wave.title,
      startsOn: wave.startsOn,
      endsOn: wave.endsOn,
      status: wave.status,
    },
    destinations,
    ready: deploy ? ready : [],
    assignments: list.map((a) => assignmentViewOf(ctx, a, today)),
    can: { deploy, override: deploy },
  };
}

/** The assignment a write is about: seen (else 404), the caller may manage it (else 403), still live (else 409). */
async function liveAssignment(ctx: Ctx, tx: Tx, id: number, who: 'manager' | 'deployer') {
  const a = await repo.findAssignment(tx, scopeOf(ctx.actor), id, true);
  if (!a) throw deploymentErrors['assignment.not_found']();
  const may = who === 'deployer' ? canDeploy(ctx.actor, a) : canManageAssignment(ctx.actor, a);
  if (!may) throw errors.forbidden();
  if (!isLive(a)) throw deploymentErrors.assignment_closed({ status: a.status });
  return a;
}

/**
 * Ends an assignment (returned on time or early): the range shrinks to `on` (never grows), later booked shifts
 * are cancelled, the profile is 'returned'. Audited with the reason.
 */
export async function endAssignment(
  ctx: Ctx,
  id: number,
  body: { on: string; kind: 'returned' | 'ended_early'; reason: string },
) {
  return ctx.db.transaction(async (tx) => {
    const a = await liveAssignment(ctx, tx, id, 'manager');
    const last = a.endedOn ?? a.endsOn;
    if (body.on < a.startsOn || body.on > last)
      throw errors.validation([
        {
          path: 'body.on',
          message: deploymentIssues.end_outside_assignment,
          params: { from: vnDateText(a.startsOn), to: vnDateText(last) },
        },
      ]);
    await repo.endAssignment(tx, id, { on: body.on, status: body.kind, reason: body.reason });
    await repo.cancelSignupsAfter(tx, id, body.on);
    await changeProfileStatuses(tx, {
      profileIds: [a.profileId],
      to: 'returned',
      onDate: body.on,
      reason: body.reason,
      by: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: body.kind === 'returned' ? 'deployment.return' : 'deployment.end_early',
      entityType: 'volunteer_assignment',
      entityId: id,
      entityLabel: a.fullName,
      orgPath: a.orgPath,
      before: { status: a.status, endsOn: last },
      after: { status: body.kind, endedOn: body.on, reason: body.reason },
    });
    return { ok: true as const };
  });
}

/** Cancels an assignment made by mistake: the member is proposed again, the profile ready again. */
export async function cancelAssignment(ctx: Ctx, id: number, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const a = await liveAssignment(ctx, tx, id, 'deployer');
    await repo.cancelAssignment(tx, id, reason);
    await repo.cancelSignupsAfter(tx, id, null);
    if (a.memberId) await repo.reproposeMember(tx, a.memberId);
    await changeProfileStatuses(tx, {
      profileIds: [a.profileId],
      to: 'ready',
      onDate: vnToday(ctx.clock),
      reason,
      by: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'deployment.cancel',
      entityType: 'volunteer_assignment',
      entityId: id,
      entityLabel: a.fullName,
      orgPath: a.orgPath,
      before: { status: a.status },
      after: { status: 'cancelled', reason },
    });
    return { ok: true as const };
  });
}

/** Records an incident during a deployment (injury, illness, exposure…), on a day of the assignment. */
export async function recordIncident(
  ctx: Ctx,
  id: number,
  body: { occurredOn: string; kind: (typeof incidentKinds)[number]; description: string },
) {
  return ctx.db.transaction(async (tx) => {
    const a = await repo.findAssignment(tx, scopeOf(ctx.actor), id, true);
    if (!a) throw deploymentErrors['assignment.not_found']();
    if (!canManageAssignment(ctx.actor, a)) throw errors.forbidden();
    if (a.status === 'cancelled') throw deploymentErrors.assignment_closed({ status: a.status });
    const last = a.endedOn ?? a.endsOn;
    if (body.occurredOn < a.startsOn || body.occurredOn > last)
      throw errors.validation([
        {
          path: 'body.occurredOn',
          message: deploymentIssues.end_outside_assignment,
          params: { from: vnDateText(a.startsOn), to: vnDateText(last) },
        },
      ]);
    const incidentId = await repo.insertIncident(tx, {
      assignmentId: id,
      ...body,
      recordedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'deployment.incident',
      entityType: 'volunteer_assignment',
      entityId: id,
      entityLabel: a.fullName,
      orgPath: a.orgPath,
      after: { incidentId, ...body },
    });
    return {
      id: incidentId,
      assignmentId: id,
      occurredOn: body.occurredOn,
      kind: body.kind,
      description: body.description,
    };
  });
}

export async function listIncidents(ctx: Ctx, id: number) {
  const a = await repo.findAssignment(ctx.db, scopeOf(ctx.actor), id);
  if (!a) throw deploymentErrors['assignment.not_found']();
  return repo.incidentsOf(ctx.db, id);
}

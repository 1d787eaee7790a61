import type { z } from 'zod';
import type { MyVolunteering, myAvailabilityBody } from '../../../contracts/volunteers/self.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { changeProfileStatuses } from '../registry/status.repo.ts';
import * as repo from './me.repo.ts';
import { selfErrors } from './self.errors.ts';

const READY_REASON = 'Tình nguyện viên tự khai sẵn sàng huy động';
const NOT_READY_REASON = 'Tình nguyện viên tự khai chưa sẵn sàng huy động';

const empty = (linked: boolean, fullName: string | null): MyVolunteering => ({
  linked,
  fullName,
  profiles: [],
  qualifications: [],
  certificates: [],
  availability: [],
  ready: false,
  assignments: [],
  shifts: [],
  totalHours: 0,
  can: { editAvailability: false },
});

/** The caller's own volunteering: only rows of the person their account belongs to (users.person_id). */
export async function getMyVolunteering(ctx: Ctx): Promise<MyVolunteering> {
  const personId = ctx.actor.personId;
  if (!personId) return empty(false, null);
  const [person] = await repo.personName(ctx.db, personId);
  const [profiles, qualifications, certificates, availability, assignments, shifts] = await Promise.all([
    repo.myProfiles(ctx.db, personId),
    repo.myQualifications(ctx.db, personId),
    repo.myCertificates(ctx.db, personId, ctx.actor.locale),
    repo.myAvailability(ctx.db, personId),
    repo.myAssignments(ctx.db, personId),
    repo.myShifts(ctx.db, personId),
  ]);
  if (profiles.length === 0) return { ...empty(true, person?.fullName ?? null), certificates };
  const active = profiles.filter((p) => p.status !== 'withdrawn');
  return {
    linked: true,
    fullName: person?.fullName ?? null,
    profiles,
    qualifications,
    certificates,
    availability,
    ready: active.some((p) => p.readyDeclaredOn !== null),
    assignments,
    shifts,
    totalHours: assignments.reduce((s, a) => s + a.hours, 0),
    can: { editAvailability: active.length > 0 },
  };
}

/**
 * The volunteer declares their periods (replacing those they declared before; an officer's stay) and whether they
 * are ready to be mobilised, for every institution keeping them: ready moves a registered profile to ready (and
 * not ready moves a ready one back), each change dated, with the volunteer as actor.
 */
export async function setMyAvailability(ctx: Ctx, body: z.output<typeof myAvailabilityBody>) {
  const personId = ctx.actor.personId;
  if (!personId) throw selfErrors.no_profile();
  const today = vnToday(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const profiles = await repo.lockOwnProfiles(tx, personId);
    if (profiles.length === 0) throw selfErrors.no_profile();
    const ids = profiles.map((p) => p.id);
    const periods = body.periods.map((p) => ({ ...p, note: p.note ?? null }));
    await repo.replaceSelfAvailability(tx, ids, periods);
    const toDeclare = profiles.filter((p) =>
      body.ready ? p.readyDeclaredOn === null : p.readyDeclaredOn !== null,
    );
    await repo.setReadyDeclared(
      tx,
      toDeclare.map((p) => p.id),
      body.ready ? today : null,
    );
    const moving = profiles.filter((p) => p.status === (body.ready ? 'registered' : 'ready'));
    const moved = await changeProfileStatuses(tx, {
      profileIds: moving.map((p) => p.id),
      to: body.ready ? 'ready' : 'registered',
      onDate: today,
      reason: body.ready ? READY_REASON : NOT_READY_REASON,
      by: ctx.actor.userId,
    });
    for (const p of profiles) {
      const change = moved.find((m) => m.id === p.id);
      await recordAudit(tx, ctx, {
        action: 'declare_availability',
        entityType: 'volunteer_profile',
        entityId: p.id,
        entityLabel: ctx.actor.fullName,
        orgId: p.orgId,
        orgPath: p.orgPath,
        before: { ready: p.readyDeclaredOn !== null, status: p.status },
        after: {
          ready: body.ready,
          status: change ? (body.ready ? 'ready' : 'registered') : p.status,
          periods: periods.map((x) => `${x.fromDate}..${x.toDate}${x.available ? '' : ' (bận)'}`),
        },
      });
    }
  });
  return getMyVolunteering(ctx);
}

/** The volunteer confirms one of their own assignments; anyone else's is not found. */
export async function confirmMyAssignment(ctx: Ctx, assignmentId: number) {
  const personId = ctx.actor.personId;
  if (!personId) throw selfErrors['assignment.not_found']();
  await ctx.db.transaction(async (tx) => {
    const a = await repo.lockOwnAssignment(tx, personId, assignmentId);
    if (!a) throw selfErrors['assignment.not_found']();
    if (a.status !== 'assigned' && a.status !== 'deployed')
      throw selfErrors.assignment_closed({ status: a.status });
    if (a.confirmedAt) return;
    await repo.confirmAssignment(tx, a.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'confirm',
      entityType: 'volunteer_assignment',
      entityId: a.id,
      entityLabel: a.waveTitle,
      orgPath: a.orgPath,
      after: { confirmedAt: ctx.clock.now().toISOString() },
    });
  });
  return getMyVolunteering(ctx);
}

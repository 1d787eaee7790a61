import type { CommitAssignmentsBody, OverlapConflict } from '../../../contracts/volunteers/deployment.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { usersHoldingOver } from '../../users/index.ts';
import { changeProfileStatuses } from '../registry/status.repo.ts';
import { lockDeployments, overlappingAssignments } from '../waves/overlap.repo.ts';
import * as repo from './assignments.repo.ts';
import { collisionsWithin, itemDates, itemIssues, type Planned } from './assignments.rules.ts';
import { deploymentErrors } from './deployment.errors.ts';
import { canDeploy } from './deployment.policy.ts';

/** Waves whose volunteers can be deployed. */
const DEPLOYABLE = new Set(['open', 'filled', 'deployed']);

/** PostgreSQL's exclusion-constraint violation: the database's backstop against a double booking. */
export function isExclusionViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23P01' || err?.cause?.code === '23P01';
}

/** The wave the caller deploys: seen (else 404), managed at its issuer (else 403), in a deployable state. */
export async function waveToDeploy(ctx: Ctx, tx: Tx, waveId: number) {
  const wave = await repo.findWave(tx, scopeOf(ctx.actor), waveId, true);
  if (!wave) throw deploymentErrors['wave.not_found']();
  if (!canDeploy(ctx.actor, wave)) throw errors.forbidden();
  if (!DEPLOYABLE.has(wave.status)) throw deploymentErrors.wave_state({ status: wave.status });
  return wave;
}

/** The items that collide, with what they collide with: live assignments of any wave, then other items. */
async function conflictsOf(
  tx: Tx,
  planned: Planned[],
  names: Map<number, string>,
  waveTitle: string,
  waveId: number,
) {
  const conflicts: OverlapConflict[] = [];
  const base = (p: Planned) => ({
    path: `body.items.${p.idx}`,
    item: p.idx,
    memberId: p.memberId,
    personId: p.personId,
    fullName: names.get(p.personId) ?? '',
  });
  for (const o of await overlappingAssignments(tx, planned)) {
    const p = planned[o.idx]!;
    const w = { assignmentId: o.assignmentId, item: null, waveId: o.waveId, waveTitle: o.waveTitle };
    conflicts.push({ ...base(p), with: { ...w, startsOn: o.startsOn, endsOn: o.endsOn } });
  }
  for (const c of collisionsWithin(planned)) {
    const p = planned[c.idx]!;
    const q = planned[c.other]!;
    conflicts.push({
      ...base(p),
      with: { assignmentId: null, item: c.other, waveId, waveTitle, startsOn: q.startsOn, endsOn: q.endsOn },
    });
  }
  return conflicts;
}

/**
 * Deploys proposed members of a wave (all or nothing): each to a destination of the wave, within its dates.
 * The persons' deployments are locked, then every item is checked against every live assignment (any wave,
 * overrides included) and the other items: any overlap refuses the whole request (409 naming each item and what
 * it collides with), unless an override reason is given — then the colliding rows carry it and each is audited.
 * Set-based writes; members accepted, profiles deployed, volunteers and their institutions notified.
 */
export async function commitAssignments(ctx: Ctx, waveId: number, body: CommitAssignmentsBody) {
  try {
    return await ctx.db.transaction((tx) => commitIn(ctx, tx, waveId, body));
  } catch (e) {
    // Two requests that passed their checks together are stopped by the constraint: the same refusal, never a 500.
    if (isExclusionViolation(e)) throw deploymentErrors.overlap({ count: 1 }, { conflicts: [] });
    throw e;
  }
}

async function commitIn(ctx: Ctx, tx: Tx, waveId: number, body: CommitAssignmentsBody) {
  const wave = await waveToDeploy(ctx, tx, waveId);
  const items = body.items;
  const members = new Map(
    (await repo.membersOf(tx, waveId, [...new Set(items.map((i) => i.memberId))])).map((m) => [m.id, m]),
  );
  const destinations = new Set((await repo.destinationsOf(tx, waveId)).map((d) => d.id));
  const leaderIds = items.flatMap((i) => (i.teamLeaderPersonId ? [i.teamLeaderPersonId] : []));
  const leaders = await repo.memberPersons(tx, waveId, [...new Set(leaderIds)]);
  const issues = itemIssues(items, { members, destinations, leaders, wave });
  if (issues.length) throw errors.validation(issues);

  const planned: Planned[] = items.map((item, idx) => {
    const m = members.get(item.memberId)!;
    return { idx, memberId: m.id, personId: m.personId, ...itemDates(item, wave) };
  });
  await lockDeployments(tx, [...new Set(planned.map((p) => p.personId))]);
  const names = new Map([...members.values()].map((m) => [m.personId, m.fullName]));
  const conflicts = await conflictsOf(tx, planned, names, wave.title, wave.id);
  const reason = body.override?.reason ?? null;
  if (conflicts.length && !reason)
    throw deploymentErrors.overlap(
      { count: new Set(conflicts.map((c) => c.item)).size },
      { conflicts: conflicts.slice(0, 500) },
    );
  const overriding = new Set(conflicts.map((c) => c.item));
  const userId = ctx.actor.userId;
  const ids = await repo.insertAssignments(
    tx,
    items.map((item, idx) => {
      const m = members.get(item.memberId)!;
      const p = planned[idx]!;
      return {
        personId: m.personId,
        profileId: m.profileId,
        waveId,
        memberId: m.id,
        destinationId: item.destinationId,
        orgPath: m.orgPath,
        issuerPath: wave.issuerPath,
        site: item.site ?? null,
        task: item.task ?? null,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        teamLeaderPersonId: item.teamLeaderPersonId ?? null,
        overrideReason: overriding.has(idx) ? reason : null,
        overriddenBy: overriding.has(idx) ? userId : null,
        createdBy: userId,
      };
    }),
  );
  await repo.acceptMembers(tx, [...members.keys()]);
  const today = vnToday(ctx.clock);
  await changeProfileStatuses(tx, {
    profileIds: [...new Set([...members.values()].map((m) => m.profileId))],
    to: 'deployed',
    onDate: today,
    reason: wave.title,
    by: userId,
  });
  // One entry for the batch (as training's bulk enrolment), one per overriding assignment with its reason.
  await recordAudit(tx, ctx, {
    action: 'deployment.assign',
    entityType: 'mobilisation_wave',
    entityId: waveId,
    entityLabel: wave.title,
    orgId: wave.issuerOrgId,
    orgPath: wave.issuerPath,
    after: { assignmentIds: ids, memberIds: items.map((i) => i.memberId), count: ids.length },
  });
  for (const idx of overriding) {
    const p = planned[idx]!;
    await recordAudit(tx, ctx, {
      action: 'deployment.override',
      entityType: 'volunteer_assignment',
      entityId: ids[idx]!,
      entityLabel: names.get(p.personId) ?? null,
      orgId: wave.issuerOrgId,
      orgPath: wave.issuerPath,
      after: {
        reason,
        personId: p.personId,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        collidesWith: conflicts.filter((c) => c.item === idx).map((c) => c.with),
      },
    });
  }
  await notifyDeployed(tx, wave, [...members.values()], ids[0]!);
  return { assignmentIds: ids, overridden: [...overriding].map((i) => ids[i]!) };
}

async function notifyDeployed(tx: Tx, wave: repo.WaveRow, members: repo.MemberRow[], batch: number) {
  const link = `/me/volunteering`;
  const own = await repo.usersOfPersons(
    tx,
    members.map((m) => m.personId),
  );
  const notes = own.map((u) => ({
    userId: u.userId,
    kind: 'volunteers.assignment_confirmed',
    title: `Đã xác nhận phân công: ${wave.title}`,
    body: 'Bạn đã được phân công trong đợt huy động. Xem nơi đến, ngày đi và trưởng nhóm trên trang của bạn.',
    link,
    dedupeKey: `deployment:${wave.id}:person:${u.personId}:${batch}`,
  }));
  const byOrg = new Map<string, number>();
  for (const m of members) byOrg.set(m.orgPath, (byOrg.get(m.orgPath) ?? 0) + 1);
  for (const [path, count] of byOrg)
    for (const userId of await usersHoldingOver(tx, path, ['volunteer.manage']))
      notes.push({
        userId,
        kind: 'volunteers.assignment_confirmed',
        title: `Đã phân công ${count} tình nguyện viên: ${wave.title}`,
        body: 'Danh sách xuất quân của đơn vị đã sẵn sàng để tải.',
        link: `/waves/${wave.id}`,
        dedupeKey: `deployment:${wave.id}:org:${path}:${batch}`,
      });
  await notifyUsers(tx, notes);
}

import type { z } from 'zod';
import type { MemberView, pledgeBody, proposeBody } from '../../../contracts/volunteers/waves.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { formatViDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { reasonText, refusalReasons } from './eligibility.rules.ts';
import * as members from './members.repo.ts';
import { lockDeployments, overlappingAssignments } from './overlap.repo.ts';
import { wavesErrors } from './waves.errors.ts';
import { canAnswerQuota, canManageWave, TAKES_PROPOSALS } from './waves.policy.ts';
import * as repo from './waves.repo.ts';
import { ownScope, waveFor } from './waves.service.ts';

/** The institutions' answers: a number now (pledge), named volunteers (each checked), withdrawals. */

function memberView(ctx: Ctx, w: repo.WaveRow, m: members.MemberRow): MemberView {
  const { orgPath, ...rest } = m;
  return {
    ...rest,
    reasons: m.reasons.map((r) => ({ ...r, text: reasonText(r, formatViDate) })),
    can: {
      withdraw:
        (m.status === 'proposed' || m.status === 'refused') &&
        TAKES_PROPOSALS.includes(w.status) &&
        canAnswerQuota(ctx.actor, w, { orgPath }),
    },
  };
}

export async function listMembers(ctx: Ctx, waveId: number) {
  const { wave, issuerSide } = await waveFor(ctx, ctx.db, waveId);
  const list = await members.listMembers(ctx.db, waveId, ownScope(ctx, issuerSide));
  return list.map((m) => memberView(ctx, wave, m));
}

/** The quota of `orgId` in the wave, among those the caller sees; else a 400 on the field. */
async function quotaOfOrg(
  ctx: Ctx,
  tx: Tx,
  waveId: number,
  issuerSide: boolean,
  orgId: number,
  field: string,
) {
  const q = (await repo.quotasOf(tx, waveId, ownScope(ctx, issuerSide))).find((x) => x.orgId === orgId);
  if (!q) throw errors.idNotFound(field);
  return q;
}

export async function pledge(ctx: Ctx, waveId: number, quotaId: number, b: z.output<typeof pledgeBody>) {
  await ctx.db.transaction(async (tx) => {
    const { wave, issuerSide } = await waveFor(ctx, tx, waveId, true);
    const q = (await repo.quotasOf(tx, waveId, ownScope(ctx, issuerSide))).find((x) => x.id === quotaId);
    if (!q) throw wavesErrors['quota.not_found']();
    if (!canAnswerQuota(ctx.actor, wave, q)) throw errors.forbidden();
    if (!TAKES_PROPOSALS.includes(wave.status) && wave.status !== 'deployed') throw wavesErrors.not_open();
    await repo.setPledge(tx, q.id, b.pledged, b.note ?? null, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'wave.pledge',
      entityType: 'wave_quota',
      entityId: q.id,
      entityLabel: `${wave.title} — ${q.orgName}`,
      orgId: q.orgId,
      orgPath: q.orgPath,
      before: { pledged: q.pledged, note: q.note },
      after: { pledged: b.pledged, note: b.note ?? null },
    });
  });
}

/**
 * Names volunteers of one institution for the wave. Each is checked (overlapping assignment, training topics,
 * qualification for the skill, status, declared unavailability, age) from set-based reads, under the deployment
 * locks of those persons: eligible → proposed, ineligible → refused with its reasons. Proposals beyond the quota
 * are refused (409) unless the caller manages the wave.
 */
export async function propose(ctx: Ctx, waveId: number, b: z.output<typeof proposeBody>) {
  const ids = await ctx.db.transaction(async (tx) => {
    const { wave, issuerSide } = await waveFor(ctx, tx, waveId, true);
    const quota = await quotaOfOrg(ctx, tx, waveId, issuerSide, b.orgId, 'body.orgId');
    if (!canAnswerQuota(ctx.actor, wave, quota)) throw errors.forbidden();
    if (!TAKES_PROPOSALS.includes(wave.status)) throw wavesErrors.not_open();
    const wanted = [...new Set(b.profileIds)];
    const profiles = await members.profilesOf(tx, scopeOf(ctx.actor), b.orgId, wanted);
    const found = new Set(profiles.map((p) => p.id));
    const missing = b.profileIds.flatMap((pid, i) => (found.has(pid) ? [] : [`body.profileIds.${i}`]));
    if (missing.length) throw errors.idNotFound(...missing);
    const personIds = profiles.map((p) => p.personId);
    await lockDeployments(tx, personIds);
    const already = new Map(
      (await members.membersByPerson(tx, waveId, personIds)).map((m) => [m.personId, m]),
    );
    const fresh = profiles.filter((p) => {
      const s = already.get(p.personId)?.status;
      return s !== 'proposed' && s !== 'accepted';
    });
    const writes = await checkAll(tx, waveId, wave, b.skill ?? null, fresh, quota.id);
    const eligible = writes.filter((w) => w.status === 'proposed').length;
    const taken = await members.takenOf(tx, quota.id);
    if (taken + eligible > quota.quota && !canManageWave(ctx.actor, wave))
      throw wavesErrors.over_quota({ quota: quota.quota, taken, asked: eligible });
    const written = await members.upsertMembers(tx, waveId, ctx.actor.userId, ctx.clock.now(), writes);
    await recordAudit(tx, ctx, {
      action: 'wave.propose',
      entityType: 'mobilisation_wave',
      entityId: waveId,
      entityLabel: wave.title,
      orgId: quota.orgId,
      orgPath: quota.orgPath,
      after: {
        orgId: quota.orgId,
        skill: b.skill ?? null,
        proposed: writes.filter((w) => w.status === 'proposed').map((w) => w.personId),
        refused: writes.filter((w) => w.status === 'refused').map((w) => w.personId),
      },
    });
    return {
      written,
      untouched: profiles.filter((p) => !fresh.includes(p)).map((p) => already.get(p.personId)!.id),
    };
  });
  const { wave, issuerSide } = await waveFor(ctx, ctx.db, waveId);
  const list = await members.listMembers(ctx.db, waveId, ownScope(ctx, issuerSide), {
    ids: [...ids.written, ...ids.untouched],
  });
  const newIds = new Set(ids.written);
  return {
    proposed: list.filter((m) => newIds.has(m.id) && m.status === 'proposed').length,
    refused: list.filter((m) => newIds.has(m.id) && m.status === 'refused').length,
    members: list.map((m) => memberView(ctx, wave, m)),
  };
}

/** Reads every fact for all the volunteers at once, then applies the pure rules to each. */
async function checkAll(
  tx: Tx,
  waveId: number,
  wave: repo.WaveRow,
  skill: string | null,
  profiles: members.ProfileFacts[],
  quotaId: number,
): Promise<members.MemberWrite[]> {
  if (profiles.length === 0) return [];
  const { topics } = await repo.waveParts(tx, waveId);
  const ids = profiles.map((p) => p.id);
  const personIds = profiles.map((p) => p.personId);
  const [quals, done, unavailable, overlaps] = await Promise.all([
    members.qualificationsOf(tx, ids),
    members.completedTopics(
      tx,
      personIds,
      topics.map((t) => t.courseTypeId),
      wave.startsOn,
    ),
    members.unavailableOf(tx, ids, wave.startsOn, wave.endsOn),
    overlappingAssignments(
      tx,
      profiles.map((p) => ({ personId: p.personId, startsOn: wave.startsOn, endsOn: wave.endsOn })),
    ),
  ]);
  const rules = { startsOn: wave.startsOn, endsOn: wave.endsOn, topics };
  return profiles.map((p, idx) => {
    const reasons = refusalReasons(rules, skill, {
      status: p.status,
      birthDate: p.birthDate,
      qualifications: quals.filter((q) => q.profileId === p.id),
      completedTopicIds: new Set(done.filter((d) => d.personId === p.personId).map((d) => d.courseTypeId)),
      unavailable: unavailable.filter((u) => u.profileId === p.id),
      overlaps: overlaps
        .filter((o) => o.idx === idx && o.waveId !== waveId)
        .map((o) => ({
          assignmentId: o.assignmentId,
          waveTitle: o.waveTitle,
          from: o.startsOn,
          to: o.endsOn,
        })),
    });
    return {
      quotaId,
      profileId: p.id,
      personId: p.personId,
      orgPath: p.orgPath,
      skill,
      status: reasons.length ? 'refused' : 'proposed',
      reasons,
    };
  });
}

/** Takes a proposed (or refused) volunteer off the wave; an accepted one leaves through the deployment. */
export async function withdrawMember(ctx: Ctx, waveId: number, memberId: number) {
  await ctx.db.transaction(async (tx) => {
    const { wave, issuerSide } = await waveFor(ctx, tx, waveId, true);
    const m = await members.findMember(tx, waveId, memberId, ownScope(ctx, issuerSide));
    if (!m) throw wavesErrors['member.not_found']();
    if (!canAnswerQuota(ctx.actor, wave, m)) throw errors.forbidden();
    if (m.status !== 'proposed' && m.status !== 'refused') throw wavesErrors.member_not_withdrawable();
    await members.setMemberStatus(tx, m.id, 'withdrawn');
    await recordAudit(tx, ctx, {
      action: 'wave.withdraw_member',
      entityType: 'mobilisation_wave',
      entityId: waveId,
      entityLabel: wave.title,
      orgId: m.orgId,
      orgPath: m.orgPath,
      before: { personId: m.personId, fullName: m.fullName, status: m.status },
      after: { personId: m.personId, status: 'withdrawn' },
    });
  });
}

import type { z } from 'zod';
import type { candidatesQuery } from '../../../contracts/volunteers/waves.ts';
import type { Ctx } from '../../../platform/context.ts';
import { formatViDate } from '../../../platform/dates.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { reasonText } from './eligibility.rules.ts';
import * as fill from './fill.repo.ts';
import * as repo from './waves.repo.ts';
import { ownScope, waveFor } from './waves.service.ts';

/** How far a wave is filled, who can still go, who lacks training, and what waits in an institution's inbox. */

type Counts = {
  quota: number;
  pledged: number | null;
  proposed: number;
  refused: number;
  accepted: number;
  deployed: number;
};
const missingOf = (c: Counts) => Math.max(0, c.quota - (c.proposed + c.accepted));

export async function getFill(ctx: Ctx, waveId: number) {
  const { issuerSide } = await waveFor(ctx, ctx.db, waveId);
  const scope = ownScope(ctx, issuerSide);
  const [institutions, bySkill, refused, parts] = await Promise.all([
    fill.fillByInstitution(ctx.db, waveId, scope),
    fill.fillBySkill(ctx.db, waveId, scope),
    fill.refusedMembers(ctx.db, waveId, scope),
    repo.waveParts(ctx.db, waveId),
  ]);
  const needed = new Map<string, number>();
  for (const n of parts.needs) needed.set(n.skill, (needed.get(n.skill) ?? 0) + n.headcount);
  for (const s of bySkill) if (!needed.has(s.skill)) needed.set(s.skill, 0);
  const totals = institutions.reduce<Counts>(
    (t, r) => ({
      quota: t.quota + r.quota,
      pledged: r.pledged === null ? t.pledged : (t.pledged ?? 0) + r.pledged,
      proposed: t.proposed + r.proposed,
      refused: t.refused + r.refused,
      accepted: t.accepted + r.accepted,
      deployed: t.deployed + r.deployed,
    }),
    { quota: 0, pledged: null, proposed: 0, refused: 0, accepted: 0, deployed: 0 },
  );
  return {
    waveId,
    seeAll: issuerSide,
    institutions: institutions.map((r) => ({ ...r, missing: missingOf(r) })),
    skills: [...needed].map(([skill, n]) => {
      const s = bySkill.find((x) => x.skill === skill);
      return { skill, needed: n, proposed: s?.proposed ?? 0, deployed: s?.deployed ?? 0 };
    }),
    totals: { ...totals, missing: missingOf(totals) },
    refusedMembers: refused.map((r) => ({
      ...r,
      reasons: r.reasons.map((x) => ({ ...x, text: reasonText(x, formatViDate) })),
    })),
  };
}

/** The institution of `orgId` must have a quota in the wave the caller sees; else a 400 on the query. */
async function quotaOrg(ctx: Ctx, waveId: number, issuerSide: boolean, orgId: number) {
  const q = (await repo.quotasOf(ctx.db, waveId, ownScope(ctx, issuerSide))).find((x) => x.orgId === orgId);
  if (!q) throw errors.idNotFound('querystring.orgId');
  return q;
}

export async function getCandidates(ctx: Ctx, waveId: number, q: z.output<typeof candidatesQuery>) {
  const { issuerSide } = await waveFor(ctx, ctx.db, waveId);
  await quotaOrg(ctx, waveId, issuerSide, q.orgId);
  const got = await fill.candidates(ctx.db, waveId, scopeOf(ctx.actor), q);
  return {
    items: got.map(({ total: _t, ...c }) => c),
    total: got[0]?.total ?? 0,
    page: q.page,
    pageSize: fill.CANDIDATES_PAGE,
  };
}

export async function getTopicGaps(ctx: Ctx, waveId: number, orgId: number | undefined) {
  const { issuerSide } = await waveFor(ctx, ctx.db, waveId);
  if (orgId !== undefined) await quotaOrg(ctx, waveId, issuerSide, orgId);
  const [list, parts] = await Promise.all([
    fill.topicGaps(ctx.db, waveId, ownScope(ctx, issuerSide), orgId ?? null),
    repo.waveParts(ctx.db, waveId),
  ]);
  return {
    topics: parts.topics.map((t) => ({
      ...t,
      people: list
        .filter((g) => g.courseTypeId === t.courseTypeId)
        .map(({ memberId, personId, fullName }) => ({ memberId, personId, fullName })),
    })),
  };
}

/** Requests waiting at the caller's institutions (volunteer.manage), not the waves it issues itself. */
export async function getInbox(ctx: Ctx) {
  return fill.inbox(ctx.db, scopeOf(ctx.actor, 'volunteer.manage'), scopeOf(ctx.actor, 'wave.manage'));
}

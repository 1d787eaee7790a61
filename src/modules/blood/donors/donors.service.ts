import { bloodIssues } from '../../../contracts/blood/common.ts';
import {
  type CreateDonorBody,
  type DonorListQuery,
  donorHealthKeys,
  type UpdateDonorBody,
} from '../../../contracts/blood/donors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, scopeOf } from '../../../platform/scope.ts';
import { requireCurrentProvince } from '../../admin-units/index.ts';
import { findOrgRow, orgForField } from '../../orgs/index.ts';
import { findPeopleInScope, linkPeople } from '../../people/index.ts';
import { donorErrors } from './donors.errors.ts';
import { registerDonorPerson } from './donors.person.ts';
import * as repo from './donors.repo.ts';
import { canHealth, canManageDonor, toDonorView } from './donors.view.ts';
import { rulesOn } from './eligibility.repo.ts';
import { type DonationKind, type Eligibility, eligibility, explainVi, seenBy } from './eligibility.rules.ts';

export async function listDonors(ctx: Ctx, q: DonorListQuery) {
  const today = vnToday(ctx.clock);
  const scope = scopeOf(ctx.actor);
  const memberOfPath = q.memberOfOrgId
    ? (await namedOrg(ctx, q.memberOfOrgId, 'querystring.memberOfOrgId')).path
    : undefined;
  const rules = await rulesOn(ctx.db, today);
  const flag = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');
  const page = await repo.listDonors(
    ctx.db,
    scope,
    scopeOf(ctx.actor, 'blood.health'),
    { ...q, rare: flag(q.rare), eligibleToday: flag(q.eligibleToday), memberOfPath },
    rules,
    today,
  );
  const healthScope = scopeOf(ctx.actor, 'blood.health');
  const manageScope = scopeOf(ctx.actor, 'blood.manage');
  return {
    items: page.items.map((r) => toDonorView(ctx.actor, r, rules, today)),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    can: {
      create: manageScope.all || manageScope.paths.length > 0,
      health: healthScope.all || healthScope.paths.length > 0,
    },
  };
}

/** An organisation named as a party (the union a donor is a member of): any that exists; answered by name only. */
async function namedOrg(ctx: Ctx, id: number, field: string) {
  const org = await findOrgRow(ctx.db, { all: true }, id);
  if (!org) throw errors.idNotFound(field);
  return org;
}

export async function getDonor(ctx: Ctx, id: number) {
  const today = vnToday(ctx.clock);
  const row = await repo.findDonor(ctx.db, scopeOf(ctx.actor), id, today);
  if (!row) throw donorErrors.not_found();
  return toDonorView(ctx.actor, row, await rulesOn(ctx.db, today), today);
}

type ProfileInput = Partial<Omit<UpdateDonorBody, 'version'>>;
const givenHealth = (b: ProfileInput) => donorHealthKeys.filter((k) => b[k] !== undefined);

/**
 * A health value is kept only with the donor's consent to the processing of their health data recorded (Decree
 * 13/2023; issue 12: consent and purpose recorded): a request writing one to a profile whose consent is not, nor
 * given in the same request, is refused on `body.consentHealth`. Clearing a value needs no consent.
 */
function checkConsent(b: ProfileInput, p: repo.ProfileWrite) {
  const written = givenHealth(b).filter((k) => {
    const v = b[k];
    return v !== null && !(Array.isArray(v) && v.length === 0);
  });
  if (written.length && !p.consentHealthAt)
    throw errors.validation([{ path: 'body.consentHealth', message: bloodIssues.consent_health_needed }]);
}

function profileWrite(b: ProfileInput, base: repo.ProfileWrite, now: Date): repo.ProfileWrite {
  const pick = <K extends keyof repo.ProfileWrite>(k: K, v: unknown) =>
    (v === undefined ? base[k] : (v ?? null)) as repo.ProfileWrite[K];
  return {
    abo: pick('abo', b.abo),
    rh: pick('rh', b.rh),
    groupConfirmedBy: pick('groupConfirmedBy', b.groupConfirmedBy),
    groupConfirmedOn: pick('groupConfirmedOn', b.groupConfirmedOn),
    rareFlags: b.rareFlags ?? base.rareFlags,
    weightKg: pick('weightKg', b.weightKg),
    weightOn: pick('weightOn', b.weightOn),
    memberOfOrgId: pick('memberOfOrgId', b.memberOfOrgId),
    homeProvinceCode: pick('homeProvinceCode', b.homeProvinceCode),
    preferredContact: b.preferredContact ?? base.preferredContact,
    consentContact: b.consentContact ?? base.consentContact,
    consentHealthAt:
      b.consentHealth === undefined
        ? base.consentHealthAt
        : b.consentHealth
          ? (base.consentHealthAt ?? now.toISOString())
          : null,
  };
}

const emptyProfile: repo.ProfileWrite = {
  abo: null,
  rh: null,
  groupConfirmedBy: null,
  groupConfirmedOn: null,
  rareFlags: [],
  weightKg: null,
  weightOn: null,
  memberOfOrgId: null,
  homeProvinceCode: null,
  preferredContact: 'sms',
  consentContact: false,
  consentHealthAt: null,
};

/** What the audit log keeps of a profile: never a health value, only which health fields were written. */
function auditProfile(p: repo.ProfileWrite, healthChanged: string[]) {
  const {
    abo: _a,
    rh: _r,
    groupConfirmedBy: _b,
    groupConfirmedOn: _o,
    rareFlags: _f,
    weightKg: _w,
    weightOn: _d,
    ...rest
  } = p;
  return healthChanged.length ? { ...rest, healthFields: healthChanged } : rest;
}

export async function createDonor(ctx: Ctx, body: CreateDonorBody) {
  const scope = scopeOf(ctx.actor);
  const today = vnToday(ctx.clock);
  if ((body.personId === undefined) === (body.person === undefined))
    throw errors.validation([
      { path: 'body.personId', message: 'Chọn người đã có hoặc nhập người mới (một trong hai)' },
    ]);
  const keeper = await orgForField(ctx.db, scope, body.keeperOrgId, 'body.keeperOrgId');
  if (!hasPermission(ctx.actor, 'blood.manage', keeper.path)) throw errors.forbidden();
  const health = givenHealth(body);
  if (health.length && !hasPermission(ctx.actor, 'blood.health', keeper.path))
    throw donorErrors.health_forbidden();
  if (body.memberOfOrgId) await namedOrg(ctx, body.memberOfOrgId, 'body.memberOfOrgId');
  await requireCurrentProvince(ctx.db, body.homeProvinceCode, 'body.homeProvinceCode');
  const id = await ctx.db.transaction(async (tx) => {
    let personId: number;
    if (body.personId !== undefined) {
      const [p] = await findPeopleInScope(tx, scope, [body.personId]);
      if (!p) throw errors.idNotFound('body.personId');
      personId = p.id;
    } else personId = await registerDonorPerson(tx, ctx, scope, keeper, body.person!, today);
    const seen = await repo.findDonorOfPerson(tx, scope, personId, today);
    if (seen) throw donorErrors.duplicate({ id: seen.id });
    await linkPeople(tx, [
      { personId, orgId: keeper.id, orgPath: keeper.path, purpose: 'blood', since: today },
    ]);
    const existing = await repo.profileIdOfPerson(tx, personId);
    if (existing) {
      // A donor kept by another organisation: this keeper is linked; what it typed is not written over theirs.
      await recordAudit(tx, ctx, {
        action: 'link',
        entityType: 'donor_profile',
        entityId: existing,
        orgId: keeper.id,
        orgPath: keeper.path,
        after: { personId, orgId: keeper.id, purpose: 'blood' },
      });
      return existing;
    }
    const p = profileWrite(body, emptyProfile, ctx.clock.now());
    checkConsent(body, p);
    return insertDonor(tx, ctx, personId, keeper, p, health);
  });
  return getDonor(ctx, id);
}

/**
 * A person checked in at a drive who is no donor yet (a walk-in, or someone booked by phone) becomes one, kept by
 * the drive's organiser: numbered, in its donor list, their donation certified and counted for honours. No health
 * value is written here; the desk's measured weight follows with the screening.
 */
export async function ensureDonorProfile(
  tx: Tx,
  ctx: Ctx,
  personId: number,
  keeper: { id: number; path: string },
): Promise<number> {
  return (
    (await repo.profileIdOfPerson(tx, personId)) ?? insertDonor(tx, ctx, personId, keeper, emptyProfile, [])
  );
}

async function insertDonor(
  tx: Tx,
  ctx: Ctx,
  personId: number,
  keeper: { id: number; path: string },
  p: repo.ProfileWrite,
  health: string[],
) {
  const donorNo = await repo.nextDonorNo(tx, Number(vnToday(ctx.clock).slice(0, 4)));
  const id = await repo.insertProfile(tx, { ...p, personId, donorNo, createdBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'donor_profile',
    entityId: id,
    entityLabel: donorNo,
    orgId: keeper.id,
    orgPath: keeper.path,
    after: { donorNo, personId, keeperOrgId: keeper.id, ...auditProfile(p, health) },
  });
  return id;
}

export async function updateDonor(ctx: Ctx, id: number, body: UpdateDonorBody) {
  const today = vnToday(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findDonor(tx, scopeOf(ctx.actor), id, today, true);
    if (!row) throw donorErrors.not_found();
    if (!canManageDonor(ctx.actor, row)) throw errors.forbidden();
    const health = givenHealth(body);
    if (health.length && !canHealth(ctx.actor, row)) throw donorErrors.health_forbidden();
    if (row.version !== body.version) throw donorErrors.version_conflict();
    if (body.memberOfOrgId && body.memberOfOrgId !== row.memberOfOrgId)
      await namedOrg(ctx, body.memberOfOrgId, 'body.memberOfOrgId');
    if (body.homeProvinceCode !== row.homeProvinceCode)
      await requireCurrentProvince(tx, body.homeProvinceCode, 'body.homeProvinceCode');
    const before: repo.ProfileWrite = {
      ...row,
      weightKg: row.weightKg === null ? null : Number(row.weightKg),
      consentHealthAt: row.consentHealthAt ? new Date(row.consentHealthAt).toISOString() : null,
    };
    const next = profileWrite(body, before, ctx.clock.now());
    checkConsent(body, next);
    await repo.updateProfile(tx, id, next);
    const changedHealth = donorHealthKeys.filter(
      (k) =>
        k in next &&
        JSON.stringify(before[k as keyof repo.ProfileWrite]) !==
          JSON.stringify(next[k as keyof repo.ProfileWrite]),
    );
    const b = auditProfile(before, []);
    const a = auditProfile(next, []);
    const changed = (Object.keys(a) as (keyof typeof a)[]).filter(
      (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
    );
    const keeper = row.keepers.find((k) => hasPermission(ctx.actor, 'blood.manage', k.orgPath))!;
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'donor_profile',
      entityId: id,
      entityLabel: row.donorNo,
      orgId: keeper.orgId,
      orgPath: keeper.orgPath,
      before: Object.fromEntries(changed.map((k) => [k, b[k]])),
      after: {
        ...Object.fromEntries(changed.map((k) => [k, a[k]])),
        ...(changedHealth.length ? { healthFields: changedHealth } : {}),
      },
    });
  });
  return getDonor(ctx, id);
}

/** Whether the donor may give `kind` today (the injected clock's day), from when, and why not — in words. */
export async function donorEligibility(ctx: Ctx, id: number, kind: DonationKind) {
  const today = vnToday(ctx.clock);
  const got = await repo.findDonorFacts(ctx.db, scopeOf(ctx.actor), id, today);
  if (!got) throw donorErrors.not_found();
  return {
    day: today,
    kind,
    ...eligibilityAnswer(eligibility(got.facts, got.rules, today, kind), canHealth(ctx.actor, got)),
  };
}

/**
 * The refusals as the API answers them: their dates and words, never a deferral's reason (health data); without
 * `health` (blood.health over the donor) as `seenBy` redacts them — no weight, deferral, adverse event or volume.
 */
export function eligibilityAnswer(e: Eligibility, health: boolean) {
  const seen = seenBy(e, health);
  return {
    eligible: seen.eligible,
    nextEligibleOn: seen.nextEligibleOn,
    maxVolumeMl: seen.maxVolumeMl,
    refusals: seen.refusals.map((r) => ({
      code: r.code,
      until: 'until' in r ? r.until : null,
      lastOn: r.code === 'interval' ? r.lastOn : null,
      lastKind: r.code === 'interval' ? r.lastKind : null,
      days: r.code === 'interval' ? r.days : null,
      minKg: 'minKg' in r ? r.minKg : null,
      words: explainVi(r),
    })),
  };
}

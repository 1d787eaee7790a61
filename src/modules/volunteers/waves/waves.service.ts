import type { z } from 'zod';
import type {
  quotasBody,
  standDownBody,
  updateWaveBody,
  WaveBody,
  WaveStatusCode,
  WaveView,
  waveListQuery,
} from '../../../contracts/volunteers/waves.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { type Scope, scopeOf } from '../../../platform/scope.ts';
import { provincesAsOf } from '../../admin-units/index.ts';
import { orgForField } from '../../orgs/index.ts';
import { standDownAssignments } from '../deployment/stand-down.repo.ts';
import { changeProfileStatuses } from '../registry/status.repo.ts';
import { wavesErrors } from './waves.errors.ts';
import { noticeStoodDown, noticeWaveOpened } from './waves.notices.ts';
import { canAnswerQuota, canManageWave, isIssuerSide, WAVE_TRANSITIONS, waveCan } from './waves.policy.ts';
import * as repo from './waves.repo.ts';

/** Mobilisation waves: the issuer's request (create, edit while a draft, quotas, states) and what each side sees. */

export const listProvincesAsOf = (ctx: Ctx, date: string) => provincesAsOf(ctx.db, date);

export async function listWaves(ctx: Ctx, q: z.output<typeof waveListQuery>) {
  const list = await repo.listWaves(ctx.db, scopeOf(ctx.actor), q);
  return list.map(({ issuerPath: _p, ...w }) => w);
}

/** The wave in scope (404 otherwise), with the side the caller stands on. */
export async function waveFor(ctx: Ctx, db: Db | Tx, id: number, lock = false) {
  const w = await repo.findWave(db, scopeOf(ctx.actor), id, lock);
  if (!w) throw wavesErrors.not_found();
  return { wave: w, issuerSide: isIssuerSide(ctx.actor, w) };
}

/** The scope of the quotas and members the caller sees: all of them on the issuer's side, else its own. */
export const ownScope = (ctx: Ctx, issuerSide: boolean): Scope | null =>
  issuerSide ? null : scopeOf(ctx.actor);

export async function getWave(ctx: Ctx, id: number): Promise<WaveView> {
  const { wave: w, issuerSide } = await waveFor(ctx, ctx.db, id);
  const [parts, quotas, total] = await Promise.all([
    repo.waveParts(ctx.db, id),
    repo.quotasOf(ctx.db, id, ownScope(ctx, issuerSide)),
    repo.quotaTotal(ctx.db, id),
  ]);
  const { issuerPath: _p, ...head } = w;
  return {
    ...head,
    ...parts,
    quotas: quotas.map(({ orgPath: _o, version: _v, ...q }) => ({
      ...q,
      can: { answer: canAnswerQuota(ctx.actor, w, { orgPath: _o }) && w.status !== 'draft' },
    })),
    quotaTotal: total,
    neededTotal: parts.needs.reduce((s, n) => s + n.headcount, 0),
    can: waveCan(ctx.actor, w),
  };
}

/** Checks the body's ids and places, and reads them into what is written. */
async function resolveBody(ctx: Ctx, tx: Tx, b: WaveBody) {
  const issues: FieldIssue[] = [];
  const provinces = new Map((await provincesAsOf(tx, b.startsOn)).map((p) => [p.code, p]));
  const destinations = b.destinations.map((d, i) => {
    const p = provinces.get(d.adminUnitCode);
    if (!p)
      issues.push({
        path: `body.destinations.${i}.adminUnitCode`,
        message: `Không có tỉnh/thành phố mã ${d.adminUnitCode} vào ngày bắt đầu đợt`,
      });
    return {
      name: d.name,
      adminUnitCode: d.adminUnitCode,
      adminUnitName: p?.name ?? '',
      adminUnitAsOf: b.startsOn,
      currentAdminUnitCode: p?.currentCode ?? null,
      address: d.address ?? null,
    };
  });
  b.needs.forEach((n, i) => {
    if (n.destinationIndex != null && n.destinationIndex >= b.destinations.length)
      issues.push({ path: `body.needs.${i}.destinationIndex`, message: 'Không có địa bàn này trong đợt' });
  });
  const topics = [...new Set(b.topicCourseTypeIds)];
  const known = await repo.existingCourses(tx, topics);
  const missingTopics = b.topicCourseTypeIds.flatMap((t, i) =>
    known.has(t) ? [] : [`body.topicCourseTypeIds.${i}`],
  );
  const { quotas } = await resolveQuotas(ctx, tx, b.quotas);
  if (missingTopics.length) throw errors.idNotFound(...missingTopics);
  if (issues.length) throw errors.validation(issues);
  return {
    parts: {
      destinations,
      needs: b.needs.map((n) => ({ ...n, destinationIndex: n.destinationIndex ?? null })),
      topicIds: topics,
    },
    quotas,
  };
}

function waveFields(b: WaveBody) {
  return {
    title: b.title,
    basisKind: b.basisKind,
    basisNumber: b.basisNumber ?? null,
    basisDate: b.basisDate,
    basisSigner: b.basisSigner,
    basisSummary: b.basisSummary ?? null,
    startsOn: b.startsOn,
    endsOn: b.endsOn,
    namesDueOn: b.namesDueOn ?? null,
  };
}

export async function createWave(ctx: Ctx, b: WaveBody) {
  const issuer = await orgForField(ctx.db, scopeOf(ctx.actor), b.issuerOrgId, 'body.issuerOrgId');
  if (!canManageWave(ctx.actor, { issuerPath: issuer.path })) throw errors.forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    const { parts, quotas } = await resolveBody(ctx, tx, b);
    const fields = waveFields(b);
    const waveId = await repo.insertWave(tx, {
      ...fields,
      issuerOrgId: issuer.id,
      issuerPath: issuer.path,
      createdBy: ctx.actor.userId,
    });
    await repo.replaceParts(tx, waveId, parts);
    await repo.writeQuotas(tx, waveId, quotas);
    await recordAudit(tx, ctx, {
      action: 'wave.create',
      entityType: 'mobilisation_wave',
      entityId: waveId,
      orgId: issuer.id,
      orgPath: issuer.path,
      after: { ...fields, ...parts, quotas: quotas.map(({ orgPath: _p, ...q }) => q) },
    });
    return waveId;
  });
  return getWave(ctx, id);
}

async function waveToManage(ctx: Ctx, tx: Tx, id: number, version: number) {
  const { wave } = await waveFor(ctx, tx, id, true);
  if (!canManageWave(ctx.actor, wave)) throw errors.forbidden();
  if (wave.version !== version) throw wavesErrors.version_conflict({ currentVersion: wave.version });
  return wave;
}

/** A draft is edited whole; once open only the quotas change (PUT …/quotas). The issuer stays. */
export async function updateWave(ctx: Ctx, id: number, b: z.output<typeof updateWaveBody>) {
  await ctx.db.transaction(async (tx) => {
    const w = await waveToManage(ctx, tx, id, b.version);
    if (w.status !== 'draft') throw wavesErrors.not_draft();
    const { parts, quotas } = await resolveBody(ctx, tx, b);
    const fields = waveFields(b);
    await repo.updateWave(tx, id, fields, w.version + 1, ctx.clock.now());
    await repo.replaceParts(tx, id, parts);
    await repo.writeQuotas(tx, id, quotas);
    const { issuerPath: _p, issuerName: _n, ...before } = w;
    await recordAudit(tx, ctx, {
      action: 'wave.update',
      entityType: 'mobilisation_wave',
      entityId: id,
      orgId: w.issuerOrgId,
      orgPath: w.issuerPath,
      before,
      after: { ...fields, ...parts, quotas: quotas.map(({ orgPath: _o, ...q }) => q) },
    });
  });
  return getWave(ctx, id);
}

/** Quotas change until the wave ends (audited); an institution that has named volunteers keeps its quota. */
export async function setQuotas(ctx: Ctx, id: number, b: z.output<typeof quotasBody>) {
  await ctx.db.transaction(async (tx) => {
    const w = await waveToManage(ctx, tx, id, b.version);
    if (w.status === 'closed' || w.status === 'stood_down')
      throw wavesErrors.transition({ from: w.status, to: w.status });
    const { quotas } = await resolveQuotas(ctx, tx, b.quotas);
    const before = await repo.quotasOf(tx, id, null);
    const kept = new Set(quotas.map((q) => q.orgId));
    const dropped = before.find((q) => !kept.has(q.orgId) && q.proposed + q.accepted + q.refused > 0);
    if (dropped) throw wavesErrors.quota_has_members({ orgName: dropped.orgName });
    await repo.writeQuotas(tx, id, quotas);
    await repo.updateWave(tx, id, {}, w.version + 1, ctx.clock.now());
    const quotaOf = (q: { orgId: number; quota: number }) => ({ orgId: q.orgId, quota: q.quota });
    await recordAudit(tx, ctx, {
      action: 'wave.quotas',
      entityType: 'mobilisation_wave',
      entityId: id,
      orgId: w.issuerOrgId,
      orgPath: w.issuerPath,
      before: { quotas: before.map(quotaOf) },
      after: { quotas: quotas.map(quotaOf) },
    });
  });
  return getWave(ctx, id);
}

async function resolveQuotas(ctx: Ctx, tx: Tx, list: { orgId: number; quota: number }[]) {
  const out = [];
  const seen = new Set<number>();
  for (const [i, q] of list.entries()) {
    const org = await orgForField(tx, scopeOf(ctx.actor), q.orgId, `body.quotas.${i}.orgId`);
    if (seen.has(org.id))
      throw errors.validation([
        { path: `body.quotas.${i}.orgId`, message: 'Cơ sở này đã có chỉ tiêu trong danh sách' },
      ]);
    seen.add(org.id);
    out.push({ orgId: org.id, orgPath: org.path, quota: q.quota });
  }
  return { quotas: out };
}

/** Moves a wave along draft → open → filled → deployed → closed; opening tells the institutions. */
export async function changeStatus(ctx: Ctx, id: number, to: WaveStatusCode, version: number) {
  await ctx.db.transaction(async (tx) => {
    const w = await waveToManage(ctx, tx, id, version);
    if (!WAVE_TRANSITIONS[w.status].includes(to) || to === 'stood_down')
      throw wavesErrors.transition({ from: w.status, to });
    const quotas = await repo.quotasOf(tx, id, null);
    if (to === 'open' && quotas.length === 0) throw wavesErrors.no_quotas();
    await repo.setWaveStatus(tx, id, to, null, w.version + 1, ctx.clock.now());
    const notified = to === 'open' && w.status === 'draft' ? await noticeWaveOpened(tx, w, quotas) : 0;
    await recordAudit(tx, ctx, {
      action: `wave.${to === 'closed' ? 'closed' : to}`,
      entityType: 'mobilisation_wave',
      entityId: id,
      orgId: w.issuerOrgId,
      orgPath: w.issuerPath,
      before: { status: w.status },
      after: { status: to, ...(notified ? { notified } : {}) },
    });
  });
  return getWave(ctx, id);
}

/**
 * Stands a wave down with its reason: it stays visible; live assignments end today (cancelled if not yet
 * started), those volunteers' profiles become stood_down, institutions and the named volunteers are told.
 */
export async function standDown(ctx: Ctx, id: number, b: z.output<typeof standDownBody>) {
  await ctx.db.transaction(async (tx) => {
    const w = await waveToManage(ctx, tx, id, b.version);
    if (!WAVE_TRANSITIONS[w.status].includes('stood_down'))
      throw wavesErrors.transition({ from: w.status, to: 'stood_down' });
    const today = vnToday(ctx.clock);
    await repo.setWaveStatus(tx, id, 'stood_down', b.reason, w.version + 1, ctx.clock.now());
    // Live assignments end today (cancelled if not started), and their later shifts are cancelled.
    const ended = await standDownAssignments(tx, id, today, b.reason);
    const changed = await changeProfileStatuses(tx, {
      profileIds: ended.map((a) => a.profileId),
      to: 'stood_down',
      onDate: today,
      reason: b.reason,
      by: ctx.actor.userId,
    });
    const notified = await noticeStoodDown(tx, w, await repo.quotasOf(tx, id, null), b.reason);
    await recordAudit(tx, ctx, {
      action: 'wave.stood_down',
      entityType: 'mobilisation_wave',
      entityId: id,
      orgId: w.issuerOrgId,
      orgPath: w.issuerPath,
      before: { status: w.status },
      after: {
        status: 'stood_down',
        reason: b.reason,
        assignmentsEnded: ended.length,
        profiles: changed.length,
        notified,
      },
    });
  });
  return getWave(ctx, id);
}

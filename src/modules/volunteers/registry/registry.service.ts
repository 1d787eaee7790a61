import type {
  AvailabilityBody,
  CreateVolunteerBody,
  QualificationsBody,
  UpdateVolunteerBody,
  VolunteerDetail,
  VolunteerListQuery,
} from '../../../contracts/volunteers/registry.ts';
import { diff, recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { type Actor, hasPermission, scopeOf } from '../../../platform/scope.ts';
import { requireCurrentProvince } from '../../admin-units/index.ts';
import { orgForField } from '../../orgs/index.ts';
import { maskCccd } from '../../people/index.ts';
import { registryErrors } from './registry.errors.ts';
import { registerPerson } from './registry.person.ts';
import * as repo from './registry.repo.ts';
import { isExpired, nextStatuses } from './registry.rules.ts';

/** Use cases of the volunteer registry: profiles, qualifications, availability. Status changes: status.service. */

const canManage = (actor: Actor, orgPath: string) => hasPermission(actor, 'volunteer.manage', orgPath);

export function mayManageSomewhere(actor: Actor): boolean {
  const s = scopeOf(actor, 'volunteer.manage');
  return s.all || s.paths.length > 0;
}

export function toItem(p: repo.ProfileRow) {
  const {
    orgPath: _p,
    languages: _l,
    readyDeclaredOn: _r,
    consentContact: _c,
    consentOn: _o,
    note: _n,
    version: _v,
    ...item
  } = p;
  return { ...item, cccd: maskCccd(p.cccd) };
}

export async function listVolunteers(ctx: Ctx, q: VolunteerListQuery) {
  const scope = scopeOf(ctx.actor);
  const orgPath = q.orgId ? (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path : undefined;
  const page = await repo.listProfiles(ctx.db, scope, { ...q, orgPath });
  return {
    items: page.items.map(toItem),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    can: { manage: mayManageSomewhere(ctx.actor) },
  };
}

/** A profile the caller sees (404 otherwise, whether missing or another institution's); `manage` checked. */
export async function loadProfile(ctx: Ctx, db: Db | Tx, id: number, manage = false, lock = false) {
  const p = await repo.findProfile(db, scopeOf(ctx.actor), id, lock);
  if (!p) throw registryErrors.not_found();
  if (manage && !canManage(ctx.actor, p.orgPath)) throw errors.forbidden();
  return p;
}

export async function getVolunteer(ctx: Ctx, id: number): Promise<VolunteerDetail> {
  const p = await loadProfile(ctx, ctx.db, id);
  const today = vnToday(ctx.clock);
  const [quals, certs, avail] = await Promise.all([
    repo.qualificationsOf(ctx.db, id),
    repo.certificatesOf(ctx.db, p.personId),
    repo.availabilityOf(ctx.db, id),
  ]);
  return {
    ...toItem(p),
    cccdMasked: p.cccd !== null,
    languages: p.languages,
    readyDeclaredOn: p.readyDeclaredOn,
    consentContact: p.consentContact,
    consentOn: p.consentOn,
    note: p.note,
    version: p.version,
    qualifications: quals.map((q) => ({ ...q, expired: isExpired(q.expiresOn, today) })),
    certificates: certs.map((c) => ({ ...c, expired: isExpired(c.validUntil, today) })),
    availability: avail,
    nextStatuses: nextStatuses(p.status),
    can: { manage: canManage(ctx.actor, p.orgPath) },
  };
}

export async function createVolunteer(ctx: Ctx, body: CreateVolunteerBody) {
  const scope = scopeOf(ctx.actor);
  const org = await orgForField(ctx.db, scope, body.orgId, 'body.orgId');
  if (!canManage(ctx.actor, org.path)) throw errors.forbidden();
  if ((body.personId === undefined) === (body.person === undefined)) throw registryErrors.person_required();
  await requireCurrentProvince(ctx.db, body.homeProvinceCode, 'body.homeProvinceCode');
  const { orgId: _o, personId: _p, person: _n, ...fields } = body;
  const id = await ctx.db.transaction(async (tx) => {
    const personId = await registerPerson(ctx, tx, scope, org, body);
    const existing = await repo.profileOf(tx, personId, org.id);
    if (existing) throw registryErrors.already_registered({ existingId: existing });
    const today = vnToday(ctx.clock);
    const status = fields.readyDeclaredOn ? ('ready' as const) : ('registered' as const);
    const [newId] = await repo.insertProfiles(
      tx,
      [{ ...fields, personId, orgId: org.id, orgPath: org.path, status, statusSince: today }],
      ctx.actor?.userId ?? null,
    );
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'volunteer_profile',
      entityId: newId!,
      orgId: org.id,
      orgPath: org.path,
      after: { ...fields, personId, status },
    });
    return newId!;
  });
  return getVolunteer(ctx, id);
}

export async function updateVolunteer(ctx: Ctx, id: number, body: UpdateVolunteerBody) {
  await ctx.db.transaction(async (tx) => {
    const p = await loadProfile(ctx, tx, id, true, true);
    if (p.version !== body.version) throw registryErrors.version_conflict({ current: p.version });
    if (body.homeProvinceCode !== p.homeProvinceCode)
      await requireCurrentProvince(tx, body.homeProvinceCode, 'body.homeProvinceCode');
    const { version: _v, ...fields } = body;
    await repo.updateProfile(tx, id, fields, ctx.clock.now());
    const before = {
      group: p.group,
      faculty: p.faculty,
      studyYear: p.studyYear,
      profession: p.profession,
      languages: p.languages,
      homeProvinceCode: p.homeProvinceCode,
      readyDeclaredOn: p.readyDeclaredOn,
      consentContact: p.consentContact,
      consentOn: p.consentOn,
      note: p.note,
    };
    const changes = diff(before, { ...before, ...fields });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'volunteer_profile',
      entityId: id,
      entityLabel: p.fullName,
      orgId: p.orgId,
      orgPath: p.orgPath,
      ...changes,
    });
  });
  return getVolunteer(ctx, id);
}

export async function setQualifications(ctx: Ctx, id: number, body: QualificationsBody) {
  const issues = body.items.flatMap((q, i) => {
    const out: { path: string; message: string }[] = [];
    if (q.issuedOn && q.expiresOn && q.expiresOn < q.issuedOn)
      out.push({ path: `body.items.${i}.expiresOn`, message: 'volunteers.date_order' });
    if (body.items.findIndex((o) => o.skill === q.skill) !== i)
      out.push({ path: `body.items.${i}.skill`, message: 'Kỹ năng này đã có ở dòng trên' });
    return out;
  });
  if (issues.length) throw errors.validation(issues);
  await ctx.db.transaction(async (tx) => {
    const p = await loadProfile(ctx, tx, id, true, true);
    const before = await repo.qualificationsOf(tx, id);
    await repo.replaceQualifications(tx, id, body.items);
    await recordAudit(tx, ctx, {
      action: 'volunteers.qualifications',
      entityType: 'volunteer_profile',
      entityId: id,
      entityLabel: p.fullName,
      orgId: p.orgId,
      orgPath: p.orgPath,
      before: { qualifications: before.map(({ id: _i, ...q }) => q) },
      after: { qualifications: body.items },
    });
  });
  return getVolunteer(ctx, id);
}

export async function setAvailability(ctx: Ctx, id: number, body: AvailabilityBody) {
  const issues = body.items.flatMap((a, i) =>
    a.toDate < a.fromDate ? [{ path: `body.items.${i}.toDate`, message: 'volunteers.date_order' }] : [],
  );
  if (issues.length) throw errors.validation(issues);
  await ctx.db.transaction(async (tx) => {
    const p = await loadProfile(ctx, tx, id, true, true);
    await repo.replaceAvailability(tx, id, body.items);
    await recordAudit(tx, ctx, {
      action: 'volunteers.availability',
      entityType: 'volunteer_profile',
      entityId: id,
      entityLabel: p.fullName,
      orgId: p.orgId,
      orgPath: p.orgPath,
      after: { availability: body.items },
    });
  });
  return getVolunteer(ctx, id);
}

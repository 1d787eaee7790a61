import type { z } from 'zod';
import type {
  activityBody,
  addMembersBody,
  clubBody,
  clubEditBody,
  clubQuery,
  editMemberBody,
} from '../../../contracts/blood/clubs.ts';
import { clubsIssues } from '../../../contracts/blood/clubs-issues.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { hasPermission, scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { findPeopleInScope, linkPeople } from '../../people/index.ts';
import { clubsErrors } from './clubs.errors.ts';
import { canManageBlood, clubCan } from './clubs.policy.ts';
import * as repo from './clubs.repo.ts';

/** Where the caller reads donors' health data (blood groups of members are read by their donor keepers). */
const healthScope = (ctx: Ctx) => scopeOf(ctx.actor, 'blood.health');
const view = (ctx: Ctx, { orgPath, ...c }: repo.ClubRow) => ({ ...c, can: clubCan(ctx.actor, orgPath) });
const auditView = ({ orgPath: _p, members: _m, activities: _a, ...c }: repo.ClubRow) => c;

export async function listClubs(ctx: Ctx, q: z.output<typeof clubQuery>) {
  const scope = scopeOf(ctx.actor);
  const orgPath = q.orgId ? (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path : undefined;
  const list = await repo.listClubs(ctx.db, scope, { orgPath, kind: q.kind, q: q.q });
  return {
    items: list.map((c) => view(ctx, c)),
    can: { create: hasPermission(ctx.actor, 'blood.manage') },
  };
}

/** A club the caller sees (404 otherwise), and whether it may manage it. */
async function clubOr404(ctx: Ctx, db: Ctx['db'] | Tx, id: number, lock = false) {
  const club = await repo.findClub(db, scopeOf(ctx.actor), id, lock);
  if (!club) throw clubsErrors['club.not_found']();
  return club;
}

async function managedClub(ctx: Ctx, tx: Tx, id: number) {
  const club = await clubOr404(ctx, tx, id, true);
  if (!canManageBlood(ctx.actor, club.orgPath)) throw errors.forbidden();
  return club;
}

export async function getClub(ctx: Ctx, id: number) {
  return view(ctx, await clubOr404(ctx, ctx.db, id));
}

async function checkProvince(tx: Tx, code: string | null | undefined, path: string): Promise<FieldIssue[]> {
  if (!code || (await repo.provinceExists(tx, code))) return [];
  return [{ path, message: clubsIssues.province_unknown }];
}

const write = (b: z.output<typeof clubEditBody>): repo.ClubWrite => ({
  name: b.name,
  kind: b.kind,
  provinceCode: b.provinceCode ?? null,
  foundedOn: b.foundedOn ?? null,
});

export async function createClub(ctx: Ctx, body: z.output<typeof clubBody>) {
  const org = await orgForField(ctx.db, scopeOf(ctx.actor), body.orgId, 'body.orgId');
  if (!canManageBlood(ctx.actor, org.path)) throw errors.forbidden();
  return ctx.db.transaction(async (tx) => {
    const issues = await checkProvince(tx, body.provinceCode, 'body.provinceCode');
    if (issues.length) throw errors.validation(issues);
    const id = await repo.insertClub(tx, { ...write(body), orgId: org.id, orgPath: org.path });
    const club = (await repo.findClub(tx, { all: true }, id))!;
    await recordAudit(tx, ctx, {
      action: 'blood.club.create',
      entityType: 'donor_club',
      entityId: id,
      orgId: org.id,
      orgPath: org.path,
      after: auditView(club),
    });
    return view(ctx, club);
  });
}

export async function editClub(ctx: Ctx, id: number, body: z.output<typeof clubEditBody>) {
  return ctx.db.transaction(async (tx) => {
    const before = await managedClub(ctx, tx, id);
    const issues = await checkProvince(tx, body.provinceCode, 'body.provinceCode');
    if (issues.length) throw errors.validation(issues);
    await repo.updateClub(tx, id, write(body));
    const after = (await repo.findClub(tx, { all: true }, id))!;
    await recordAudit(tx, ctx, {
      action: 'blood.club.update',
      entityType: 'donor_club',
      entityId: id,
      orgId: after.orgId,
      orgPath: after.orgPath,
      before: auditView(before),
      after: auditView(after),
    });
    return view(ctx, after);
  });
}

export async function deleteClub(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const club = await managedClub(ctx, tx, id);
    if (await repo.clubInUse(tx, id)) throw clubsErrors.club_in_use();
    await repo.deleteClub(tx, id);
    await recordAudit(tx, ctx, {
      action: 'blood.club.delete',
      entityType: 'donor_club',
      entityId: id,
      orgId: club.orgId,
      orgPath: club.orgPath,
      before: auditView(club),
    });
    return { ok: true as const };
  });
}

/** Members with names (the club keeps them); the blood group only with `blood.health` over the donor's keepers. */
export async function listMembers(ctx: Ctx, id: number) {
  await clubOr404(ctx, ctx.db, id);
  return repo.listMembers(ctx.db, id, healthScope(ctx));
}

/**
 * Adds people the caller sees (each resolved through its scope: `body.personIds.N` otherwise) as members, and
 * links them to the club's organisation with purpose 'club' — the club now keeps them.
 */
export async function addMembers(ctx: Ctx, id: number, body: z.output<typeof addMembersBody>) {
  return ctx.db.transaction(async (tx) => {
    const club = await managedClub(ctx, tx, id);
    const ids = [...new Set(body.personIds)];
    const found = new Set((await findPeopleInScope(tx, scopeOf(ctx.actor), ids)).map((p) => p.id));
    const missing = body.personIds.flatMap((p, i) => (found.has(p) ? [] : [`body.personIds.${i}`]));
    if (missing.length) throw errors.idNotFound(...missing);
    const already = new Set(await repo.insertMembers(tx, id, ids, body.role, body.since));
    if (already.size)
      throw errors.validation(
        body.personIds.flatMap((p, i) =>
          already.has(p) ? [{ path: `body.personIds.${i}`, message: clubsIssues.already_member }] : [],
        ),
      );
    await linkPeople(
      tx,
      ids.map((personId) => ({
        personId,
        orgId: club.orgId,
        orgPath: club.orgPath,
        purpose: 'club' as const,
        since: body.since,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'blood.club.members_add',
      entityType: 'donor_club',
      entityId: id,
      entityLabel: club.name,
      orgId: club.orgId,
      orgPath: club.orgPath,
      after: { personIds: ids, role: body.role, since: body.since },
    });
    return repo.listMembers(tx, id, healthScope(ctx));
  });
}

export async function editMember(
  ctx: Ctx,
  id: number,
  memberId: number,
  body: z.output<typeof editMemberBody>,
) {
  if (body.until && body.until < body.since)
    throw errors.validation([{ path: 'body.until', message: clubsIssues.date_order }]);
  return ctx.db.transaction(async (tx) => {
    const club = await managedClub(ctx, tx, id);
    const [before] = await repo.listMembers(tx, id, null, memberId);
    if (!before) throw clubsErrors['member.not_found']();
    await repo.updateMember(tx, id, memberId, { ...body, until: body.until ?? null });
    const [after] = await repo.listMembers(tx, id, healthScope(ctx), memberId);
    await recordAudit(tx, ctx, {
      action: 'blood.club.member_update',
      entityType: 'donor_club',
      entityId: id,
      entityLabel: club.name,
      orgId: club.orgId,
      orgPath: club.orgPath,
      before: { fullName: before.fullName, role: before.role, since: before.since, until: before.until },
      after: { fullName: after!.fullName, role: after!.role, since: after!.since, until: after!.until },
    });
    return after!;
  });
}

export async function listActivities(ctx: Ctx, id: number) {
  await clubOr404(ctx, ctx.db, id);
  return repo.listActivities(ctx.db, id);
}

export async function addActivity(ctx: Ctx, id: number, body: z.output<typeof activityBody>) {
  return ctx.db.transaction(async (tx) => {
    const club = await managedClub(ctx, tx, id);
    const row = await repo.insertActivity(tx, id, { ...body, participants: body.participants ?? null });
    await recordAudit(tx, ctx, {
      action: 'blood.club.activity_add',
      entityType: 'donor_club',
      entityId: id,
      entityLabel: club.name,
      orgId: club.orgId,
      orgPath: club.orgPath,
      after: row,
    });
    return row;
  });
}

import type { z } from 'zod';
import type { ApplicationView, approveBody } from '../../../contracts/volunteers/self-signup.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnDay, vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, type Scope, scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import {
  auditView,
  findIdentityMatches,
  findPeopleInScope,
  identityDecision,
  identityKeys,
  insertPeople,
  linkPeople,
  lockIdentities,
  type PersonWrite,
  peopleErrors,
} from '../../people/index.ts';
import * as approveRepo from './approve.repo.ts';
import { selfErrors } from './self.errors.ts';
import * as repo from './signup.repo.ts';
import { officerScope, orgFilter } from './signup.service.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findApplication>>>;

const view = (ctx: Ctx, { orgPath, ...a }: Row): ApplicationView => ({
  ...a,
  can: { decide: a.status === 'pending' && hasPermission(ctx.actor, 'volunteer.manage', orgPath) },
});

export async function listApplications(ctx: Ctx, q: { orgId?: number; status?: string }) {
  const scope = officerScope(ctx);
  const orgPath = await orgFilter(ctx, scope, q.orgId);
  const list = await repo.listApplications(ctx.db, scope, { orgPath, status: q.status ?? null });
  return list.map((a) => view(ctx, a));
}

/** A pending application the caller may decide: outside the scope → 404, without volunteer.manage → 403, decided → 409. */
async function lockPending(ctx: Ctx, tx: Tx, id: number) {
  const a = await repo.findApplication(tx, scopeOf(ctx.actor), id, true);
  if (!a) throw selfErrors['application.not_found']();
  if (!hasPermission(ctx.actor, 'volunteer.manage', a.orgPath)) throw errors.forbidden();
  if (a.status !== 'pending') throw selfErrors.application_decided({ status: a.status });
  return a;
}

/**
 * The person the application is: one the officer names (`personId`, in their scope), or the stored identity it
 * repeats by the people module's rules (a person the officer already sees is a `people.duplicate` to confirm by
 * sending its id; one outside the scope that agrees is linked; one that does not is refused), or a new person.
 */
async function personFor(ctx: Ctx, tx: Tx, scope: Scope, a: Row, personId: number | undefined) {
  if (personId) {
    const [p] = await findPeopleInScope(tx, scope, [personId]);
    if (!p) throw errors.idNotFound('body.personId');
    return { id: p.id, created: false };
  }
  const typed = { cccd: a.cccd, fullName: a.fullName, birthDate: a.birthDate, phone: a.phone };
  await lockIdentities(tx, identityKeys(typed));
  const [m] = await findIdentityMatches(tx, scope, [{ key: 0, ...typed }]);
  if (m) {
    const decision = identityDecision(typed, m);
    if (decision === 'duplicate') throw peopleErrors.duplicate(m.id, m.matchedBy);
    if (decision === 'conflict') throw peopleErrors.identityConflict();
    return { id: m.id, created: false };
  }
  const write: PersonWrite = {
    fullName: a.fullName,
    birthDate: a.birthDate,
    sex: (a.sex as PersonWrite['sex']) ?? null,
    cccd: a.cccd,
    phone: a.phone,
    email: a.email,
    jobTitle: null,
    employerOrgId: null,
    orgId: a.orgId,
    orgPath: a.orgPath,
  };
  const [id] = await insertPeople(tx, [write]);
  const { orgPath: _omit, ...rest } = write;
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'person',
    entityId: id!,
    orgId: a.orgId,
    orgPath: a.orgPath,
    after: auditView(rest),
  });
  return { id: id!, created: true };
}

/**
 * Approval: the person enters the registry (created or linked, kept by the institution for the purpose
 * 'institution') with a registered volunteer profile and its first status row; the applicant, if they already
 * have an account, is told.
 */
export async function approveApplication(ctx: Ctx, id: number, body: z.output<typeof approveBody>) {
  const today = vnToday(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const a = await lockPending(ctx, tx, id);
    const scope = scopeOf(ctx.actor);
    const person = await personFor(ctx, tx, scope, a, body.personId);
    const existing = await approveRepo.existingProfile(tx, person.id, a.orgId);
    if (existing) throw selfErrors.already_registered({ profileId: existing.id });
    await linkPeople(tx, [
      { personId: person.id, orgId: a.orgId, orgPath: a.orgPath, purpose: 'institution', since: today },
    ]);
    if (!person.created)
      await recordAudit(tx, ctx, {
        action: 'link',
        entityType: 'person',
        entityId: person.id,
        orgId: a.orgId,
        orgPath: a.orgPath,
        after: { orgId: a.orgId, purpose: 'institution' },
      });
    const profileId = await approveRepo.insertRegisteredProfile(tx, {
      personId: person.id,
      orgId: a.orgId,
      orgPath: a.orgPath,
      group: a.group as 'student',
      faculty: a.faculty,
      studyYear: a.studyYear,
      statusSince: today,
      consentContact: true,
      consentOn: vnDay(new Date(a.consentAt)),
      createdBy: ctx.actor.userId,
      skills: a.skills,
    });
    await repo.decideApplication(tx, id, {
      status: 'approved',
      by: ctx.actor.userId,
      at: ctx.clock.now(),
      personId: person.id,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'volunteer_profile',
      entityId: profileId,
      entityLabel: a.fullName,
      orgId: a.orgId,
      orgPath: a.orgPath,
      after: { personId: person.id, group: a.group, status: 'registered', applicationId: id },
    });
    await recordAudit(tx, ctx, {
      action: 'approve',
      entityType: 'volunteer_application',
      entityId: id,
      entityLabel: a.fullName,
      orgId: a.orgId,
      orgPath: a.orgPath,
      before: { status: 'pending' },
      after: { status: 'approved', personId: person.id, profileId },
    });
    const account = await approveRepo.accountOfPerson(tx, person.id);
    if (account)
      await notifyUsers(tx, [
        {
          userId: account.id,
          kind: 'volunteer_application_approved',
          title: `${a.orgName} đã duyệt đăng ký tình nguyện của bạn`,
          body: 'Bạn đã có tên trong sổ tình nguyện viên. Hãy khai thời gian có thể tham gia.',
          link: '/me/volunteering',
          dedupeKey: `volunteer_application:${id}:approved`,
        },
      ]);
  });
  return getApplication(ctx, id);
}

export async function rejectApplication(ctx: Ctx, id: number, body: { reason: string }) {
  await ctx.db.transaction(async (tx) => {
    const a = await lockPending(ctx, tx, id);
    await repo.decideApplication(tx, id, {
      status: 'rejected',
      by: ctx.actor.userId,
      at: ctx.clock.now(),
      reason: body.reason,
    });
    await recordAudit(tx, ctx, {
      action: 'reject',
      entityType: 'volunteer_application',
      entityId: id,
      entityLabel: a.fullName,
      orgId: a.orgId,
      orgPath: a.orgPath,
      before: { status: 'pending' },
      after: { status: 'rejected', reason: body.reason },
    });
  });
  return getApplication(ctx, id);
}

async function getApplication(ctx: Ctx, id: number) {
  const a = await repo.findApplication(ctx.db, scopeOf(ctx.actor), id);
  if (!a) throw selfErrors['application.not_found']();
  return view(ctx, a);
}

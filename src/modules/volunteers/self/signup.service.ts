import type { z } from 'zod';
import { VOLUNTEER_MIN_AGE, volunteerIssues } from '../../../contracts/volunteers/common.ts';
import {
  SIGNUP_CONSENT_VERSION,
  type signupBody,
  type signupLinkBody,
} from '../../../contracts/volunteers/self-signup.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { randomToken, sha256 } from '../../../platform/auth/crypto.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx, SystemCtx } from '../../../platform/context.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { hasPermission, type Scope, scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { ageOn, checkPerson } from '../../people/index.ts';
import { selfErrors } from './self.errors.ts';
import * as repo from './signup.repo.ts';

/** Where the caller keeps volunteers: links and applications are officers' business (volunteer.manage). */
export function officerScope(ctx: Ctx): Scope {
  const scope = scopeOf(ctx.actor, 'volunteer.manage');
  if (!scope.all && scope.paths.length === 0) throw errors.forbidden();
  return scope;
}

/** `?orgId=` narrows a list to an institution the caller keeps volunteers for; another one is a 400 on it. */
export async function orgFilter(ctx: Ctx, scope: Scope, orgId: number | undefined) {
  return orgId ? (await orgForField(ctx.db, scope, orgId, 'querystring.orgId')).path : null;
}

/** A sign-up link: a random 32-byte token, of which only the sha256 is kept; the URL is answered this once. */
export async function createSignupLink(ctx: Ctx, body: z.output<typeof signupLinkBody>) {
  const org = await orgForField(ctx.db, scopeOf(ctx.actor), body.orgId, 'body.orgId');
  if (!hasPermission(ctx.actor, 'volunteer.manage', org.path)) throw errors.forbidden();
  const today = vnToday(ctx.clock);
  if (body.expiresOn < today)
    throw errors.validation([{ path: 'body.expiresOn', message: 'Ngày hết hạn không được trước hôm nay' }]);
  const token = randomToken(32);
  const id = await ctx.db.transaction(async (tx) => {
    const linkId = await repo.insertLink(tx, {
      orgId: org.id,
      orgPath: org.path,
      tokenHash: sha256(token),
      title: body.title,
      expiresOn: body.expiresOn,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'volunteer_signup_link',
      entityId: linkId,
      orgId: org.id,
      orgPath: org.path,
      after: { title: body.title, expiresOn: body.expiresOn },
    });
    return linkId;
  });
  const link = await repo.findLink(ctx.db, { all: true }, id, today);
  const { orgPath: _p, ...view } = link!;
  return { ...view, token, path: `/volunteer-signup/${token}` };
}

export async function listSignupLinks(ctx: Ctx, q: { orgId?: number }) {
  const scope = officerScope(ctx);
  return repo.listLinks(ctx.db, scope, await orgFilter(ctx, scope, q.orgId), vnToday(ctx.clock));
}

export async function deactivateSignupLink(ctx: Ctx, id: number) {
  const scope = scopeOf(ctx.actor, 'volunteer.manage');
  const today = vnToday(ctx.clock);
  const link = await repo.findLink(ctx.db, scope, id, today);
  if (!link) throw selfErrors['link.not_found']();
  if (link.active)
    await ctx.db.transaction(async (tx) => {
      await repo.deactivateLink(tx, id);
      await recordAudit(tx, ctx, {
        action: 'deactivate',
        entityType: 'volunteer_signup_link',
        entityId: id,
        entityLabel: link.title,
        orgId: link.orgId,
        orgPath: link.orgPath,
        before: { active: true },
        after: { active: false },
      });
    });
  return { ok: true as const };
}

async function openLink(sys: SystemCtx, token: string) {
  const link = await repo.openLinkByHash(sys.db, sha256(token), vnToday(sys.clock));
  if (!link) throw selfErrors['link.not_found']();
  return link;
}

/** What the public form shows: the institution's name and the link's title (nothing for a closed link). */
export async function publicSignupLink(sys: SystemCtx, token: string) {
  const link = await openLink(sys, token);
  return { institutionName: link.orgName, title: link.title, consentVersion: SIGNUP_CONSENT_VERSION };
}

/** The person rules (name, phone, CCCD, e-mail) and the volunteers' age, on the form's fields. */
function checkApplicant(body: z.output<typeof signupBody>, today: string) {
  const { value, issues } = checkPerson(
    {
      fullName: body.fullName,
      birthDate: body.birthDate,
      sex: body.sex ?? null,
      cccd: body.cccd ?? null,
      phone: body.phone,
      email: body.email ?? null,
    },
    today,
  );
  const out: FieldIssue[] = issues.map((i) => ({ path: `body.${i.field}`, message: i.message }));
  if (!out.some((i) => i.path === 'body.birthDate') && ageOn(body.birthDate, today) < VOLUNTEER_MIN_AGE)
    out.push({
      path: 'body.birthDate',
      message: volunteerIssues.under_age,
      params: { min: VOLUNTEER_MIN_AGE },
    });
  if (out.length) throw errors.validation(out);
  return value;
}

/**
 * A public sign-up: kept as an application until an officer approves it — no person is created here. Consent is
 * recorded with its time and the wording's version.
 */
export async function submitSignup(sys: SystemCtx, token: string, body: z.output<typeof signupBody>) {
  const link = await openLink(sys, token);
  const v = checkApplicant(body, vnToday(sys.clock));
  await sys.db.transaction(async (tx) => {
    const id = await repo.insertApplication(tx, {
      linkId: link.id,
      orgId: link.orgId,
      orgPath: link.orgPath,
      fullName: v.fullName!,
      birthDate: body.birthDate,
      sex: body.sex ?? null,
      cccd: v.cccd,
      phone: v.phone,
      email: v.email,
      group: body.group,
      faculty: body.faculty ?? null,
      studyYear: body.studyYear ?? null,
      skills: body.skills,
      consentAt: sys.clock.now(),
      consentVersion: body.consentVersion,
    });
    await recordAudit(
      tx,
      { actor: null, meta: sys.meta },
      {
        action: 'create',
        entityType: 'volunteer_application',
        entityId: id,
        entityLabel: v.fullName,
        orgId: link.orgId,
        orgPath: link.orgPath,
        after: {
          fullName: v.fullName,
          group: body.group,
          linkId: link.id,
          consentVersion: body.consentVersion,
        },
      },
    );
  });
  return { ok: true as const, institutionName: link.orgName };
}

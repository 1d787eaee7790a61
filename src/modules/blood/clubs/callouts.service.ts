import type { z } from 'zod';
import type {
  calloutBody,
  calloutQuery,
  cameBody,
  replyBody,
} from '../../../contracts/blood/clubs-callouts.ts';
import { clubsIssues } from '../../../contracts/blood/clubs-issues.ts';
import { bloodGroupLabel } from '../../../contracts/blood/common.ts';
import { commonIssues } from '../../../contracts/common.ts';
import { formatViDate } from '../../../contracts/dates.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { orgForField } from '../../orgs/index.ts';
import { rulesOn } from '../donors/eligibility.repo.ts';
import { eligibility } from '../donors/eligibility.rules.ts';
import * as repo from './callouts.repo.ts';
import { clubsErrors } from './clubs.errors.ts';
import { canManageBlood, canReadHealth } from './clubs.policy.ts';
import * as clubs from './clubs.repo.ts';

/**
 * Rare-blood call-outs. The requester's answers (and the audit entries) carry counts and reply numbers only: no
 * name, phone, e-mail or person id of a donor ever leaves this file towards the requester.
 */

const counts = (c: repo.CalloutRow) => ({
  notified: c.notified,
  accepted: c.accepted,
  declined: c.declined,
  came: c.came,
  noShow: c.noShow,
});
const view = (ctx: Ctx, c: repo.CalloutRow) => ({
  id: c.id,
  requesterOrgId: c.requesterOrgId,
  requesterName: c.requesterName,
  clubId: c.clubId,
  clubName: c.clubName,
  abo: c.abo,
  rh: c.rh,
  units: c.units,
  place: c.place,
  provinceCode: c.provinceCode,
  provinceName: c.provinceName,
  neededBy: c.neededBy,
  status: c.status,
  createdAt: c.createdAt,
  counts: counts(c),
  can: { manage: canManageBlood(ctx.actor, c.requesterPath) && c.status !== 'closed' },
});
const auditView = (c: repo.CalloutRow) => ({
  group: bloodGroupLabel(c.abo, c.rh),
  units: c.units,
  place: c.place,
  provinceCode: c.provinceCode,
  neededBy: c.neededBy,
  clubName: c.clubName,
  status: c.status,
  counts: counts(c),
});

const manageScope = (ctx: Ctx) => scopeOf(ctx.actor, 'blood.manage');

export async function listCallouts(ctx: Ctx, q: z.output<typeof calloutQuery>) {
  const scope = manageScope(ctx);
  const orgPath = q.orgId ? (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path : undefined;
  return (await repo.listCallouts(ctx.db, scope, orgPath)).map((c) => view(ctx, c));
}

export async function getCallout(ctx: Ctx, id: number) {
  const c = await repo.findCallout(ctx.db, manageScope(ctx), id);
  if (!c) throw clubsErrors['callout.not_found']();
  return { ...view(ctx, c), donors: await repo.donorRefs(ctx.db, id) };
}

/**
 * Asks for blood: finds the donors of the group who may donate on the day needed (the rules in force that day,
 * the interval since their last donation, deferrals), who consented to be contacted and live in the province (or
 * are members of its clubs, or of the named club), records a 'notified' reply for each and notifies those with an
 * account. Answers the counts.
 */
export async function createCallout(ctx: Ctx, body: z.output<typeof calloutBody>) {
  const scope = scopeOf(ctx.actor);
  const org = await orgForField(ctx.db, scope, body.requesterOrgId, 'body.requesterOrgId');
  if (!canManageBlood(ctx.actor, org.path)) throw errors.forbidden();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const issues: FieldIssue[] = [];
    if (Date.parse(body.neededBy) <= now.getTime())
      issues.push({ path: 'body.neededBy', message: clubsIssues.needed_by_past });
    if (!(await clubs.provinceExists(tx, body.provinceCode)))
      issues.push({ path: 'body.provinceCode', message: clubsIssues.province_unknown });
    const club = body.clubId ? await clubs.findClub(tx, scope, body.clubId) : undefined;
    if (body.clubId && !club) issues.push({ path: 'body.clubId', message: commonIssues.id_not_found });
    if (issues.length) throw errors.validation(issues);
    // Asking a club's members for a group is a filter on their blood group, and its count says how many of them
    // have it: only for a caller who reads the club's donors' health data.
    if (club && !canReadHealth(ctx.actor, club.orgPath))
      throw errors.forbidden(
        'Huy động theo một câu lạc bộ cần quyền xem dữ liệu sức khỏe (nhóm máu) của câu lạc bộ đó.',
      );
    const day = vnDay(new Date(body.neededBy));
    const candidates = await repo.findCandidates(tx, { ...body, clubId: body.clubId ?? null, day });
    const history = await repo.historyOf(
      tx,
      candidates.map((c) => c.personId),
      day,
    );
    const rules = await rulesOn(tx, day);
    const eligible = candidates.filter(
      (c) =>
        eligibility({ ...c, history: history.filter((h) => h.personId === c.personId) }, rules, day).eligible,
    );
    const id = await repo.insertCallout(tx, {
      ...body,
      clubId: body.clubId ?? null,
      requesterOrgId: org.id,
      requesterPath: org.path,
      createdBy: ctx.actor.userId,
    });
    await repo.insertReplies(
      tx,
      id,
      eligible.map((c) => c.personId),
    );
    const group = bloodGroupLabel(body.abo, body.rh);
    await notifyUsers(
      tx,
      eligible.flatMap((c) =>
        c.userId
          ? [
              {
                userId: c.userId,
                kind: 'blood.callout',
                title: `Cần máu nhóm ${group} tại ${body.place}`,
                body: `${org.name} cần ${body.units} đơn vị máu nhóm ${group} trước ${formatViDate(day)}. Bạn có thể nhận lời hoặc từ chối trên trang của bạn.`,
                link: '/me/blood',
                dedupeKey: `blood.callout.${id}`,
              },
            ]
          : [],
      ),
    );
    const created = (await repo.findCallout(tx, { all: true }, id))!;
    await recordAudit(tx, ctx, {
      action: 'blood.callout.create',
      entityType: 'blood_callout',
      entityId: id,
      entityLabel: `${group} — ${body.place}`,
      orgId: org.id,
      orgPath: org.path,
      after: auditView(created),
    });
    return { ...view(ctx, created), donors: [] };
  });
}

/** The requester records who came (and who did not) by their number; only accepted donors can be marked. */
export async function recordAttendance(ctx: Ctx, id: number, body: z.output<typeof cameBody>) {
  return ctx.db.transaction(async (tx) => {
    const c = await repo.findCallout(tx, manageScope(ctx), id, true);
    if (!c) throw clubsErrors['callout.not_found']();
    if (!canManageBlood(ctx.actor, c.requesterPath)) throw errors.forbidden();
    if (c.status === 'closed') throw clubsErrors.callout_closed();
    const accepted = new Set((await repo.donorRefs(tx, id)).map((d) => d.ref));
    const issues = [
      ...body.came.flatMap((ref, i) => (accepted.has(ref) ? [] : [{ path: `body.came.${i}`, ref }])),
      ...body.noShow.flatMap((ref, i) => (accepted.has(ref) ? [] : [{ path: `body.noShow.${i}`, ref }])),
    ];
    if (issues.length)
      throw errors.validation(
        issues.map((x) => ({ path: x.path, message: clubsIssues.ref_not_accepted, params: { ref: x.ref } })),
      );
    await repo.markRefs(tx, id, body.came, 'came');
    await repo.markRefs(tx, id, body.noShow, 'no_show');
    let after = (await repo.findCallout(tx, { all: true }, id))!;
    if (after.came >= after.units && after.status === 'open') {
      await repo.setCalloutStatus(tx, id, 'filled');
      after = (await repo.findCallout(tx, { all: true }, id))!;
    }
    await recordAudit(tx, ctx, {
      action: 'blood.callout.attendance',
      entityType: 'blood_callout',
      entityId: id,
      entityLabel: `${bloodGroupLabel(c.abo, c.rh)} — ${c.place}`,
      orgId: c.requesterOrgId,
      orgPath: c.requesterPath,
      before: auditView(c),
      after: { ...auditView(after), came: body.came, noShow: body.noShow },
    });
    return { ...view(ctx, after), donors: await repo.donorRefs(tx, id) };
  });
}

export async function closeCallout(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const c = await repo.findCallout(tx, manageScope(ctx), id, true);
    if (!c) throw clubsErrors['callout.not_found']();
    if (!canManageBlood(ctx.actor, c.requesterPath)) throw errors.forbidden();
    await repo.setCalloutStatus(tx, id, 'closed');
    const after = (await repo.findCallout(tx, { all: true }, id))!;
    await recordAudit(tx, ctx, {
      action: 'blood.callout.close',
      entityType: 'blood_callout',
      entityId: id,
      entityLabel: `${bloodGroupLabel(c.abo, c.rh)} — ${c.place}`,
      orgId: c.requesterOrgId,
      orgPath: c.requesterPath,
      before: auditView(c),
      after: auditView(after),
    });
    return { ...view(ctx, after), donors: await repo.donorRefs(tx, id) };
  });
}

async function myPerson(ctx: Ctx): Promise<number> {
  const personId = await repo.personOfUser(ctx.db, ctx.actor.userId);
  if (!personId) throw clubsErrors.not_a_donor();
  return personId;
}

const myView = ({ replyId: _r, past, ...m }: repo.MyCalloutRow) => ({
  ...m,
  canReply:
    m.calloutStatus === 'open' &&
    !past &&
    (m.reply === 'notified' || m.reply === 'accepted' || m.reply === 'declined'),
});

/** The signed-in donor's call-outs (users.person_id). */
export async function myCallouts(ctx: Ctx) {
  const personId = await myPerson(ctx);
  return (await repo.myCallouts(ctx.db, personId, ctx.clock.now())).map(myView);
}

/**
 * The donor accepts or declines. The audit entry is kept out of every organisation's log (no org path): its
 * actor is the donor, whom the requester must not learn.
 */
export async function reply(ctx: Ctx, calloutId: number, body: z.output<typeof replyBody>) {
  const personId = await myPerson(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [mine] = await repo.myCallouts(tx, personId, now, calloutId, true);
    if (!mine) throw clubsErrors['callout.not_found']();
    if (!myView(mine).canReply) throw clubsErrors.callout_closed();
    const status = body.answer === 'accept' ? 'accepted' : 'declined';
    await repo.setReply(tx, mine.replyId, status, now);
    await recordAudit(tx, ctx, {
      action: 'blood.callout.reply',
      entityType: 'callout_reply',
      entityId: mine.replyId,
      entityLabel: null,
      before: { status: mine.reply },
      after: { status },
    });
    const [after] = await repo.myCallouts(tx, personId, now, calloutId);
    return myView(after!);
  });
}

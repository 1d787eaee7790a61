import { bloodIssues } from '../../../contracts/blood/common.ts';
import type { RecordDonationBody } from '../../../contracts/blood/donors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { hasPermission, scopeOf } from '../../../platform/scope.ts';
import { findOrgRow, orgForField } from '../../orgs/index.ts';
import * as donations from './donations.repo.ts';
import { donorErrors } from './donors.errors.ts';
import * as repo from './donors.repo.ts';
import { eligibilityAnswer } from './donors.service.ts';
import { canHealth, seenAttempts } from './donors.view.ts';
import { donorFacts, rulesOn } from './eligibility.repo.ts';
import { deferralEnd, eligibility, maxVolumeOfKind } from './eligibility.rules.ts';

const invalid = (path: string, message: string, extra: Partial<FieldIssue> = {}) =>
  errors.validation([{ path, message, ...extra }]);

/** Every id of the body resolved in the caller's scope first (organiser, donor, drive) or as a named party. */
async function resolve(ctx: Ctx, body: RecordDonationBody, today: string) {
  const scope = scopeOf(ctx.actor);
  const organiser = await orgForField(ctx.db, scope, body.organiserOrgId, 'body.organiserOrgId');
  const donor = await repo.findDonorOfPerson(ctx.db, scope, body.personId, today);
  if (!donor) throw errors.idNotFound('body.personId');
  const drive = body.driveId ? await donations.findDriveInScope(ctx.db, scope, body.driveId) : undefined;
  if (body.driveId && !drive) throw errors.idNotFound('body.driveId');
  if (body.establishmentOrgId && !(await findOrgRow(ctx.db, { all: true }, body.establishmentOrgId)))
    throw errors.idNotFound('body.establishmentOrgId');
  if (!hasPermission(ctx.actor, 'blood.manage', organiser.path)) throw errors.forbidden();
  return { organiser, donor, drive };
}

/** The deferral's reason, end and permanence: the reason's days unless an end is given. */
async function deferral(ctx: Ctx, body: RecordDonationBody) {
  if (!body.deferralReason) throw invalid('body.deferralReason', 'Chọn lý do tạm hoãn');
  const reason = await donations.findDeferralReason(ctx.db, body.deferralReason);
  if (!reason) throw invalid('body.deferralReason', 'Lý do tạm hoãn không có trong danh mục');
  if (reason.permanent) return { code: reason.code, until: null, permanent: true };
  const until = body.deferralUntil ?? (reason.days ? deferralEnd(body.donatedOn, reason.days) : null);
  if (!until) throw invalid('body.deferralUntil', 'Nhập ngày hết thời gian tạm hoãn');
  if (until <= body.donatedOn) throw invalid('body.deferralUntil', 'Ngày hết tạm hoãn phải sau ngày hiến');
  return { code: reason.code, until, permanent: false };
}

/**
 * Records a donation attempt. A 'donated' outcome is judged by the rules in force that day against what came
 * before it: refused (409, the refusals in words) when the donor may not give, and its volume capped by
 * `maxVolume` (400 `blood.volume_too_high` with the max). A deferral or an adverse event needs blood.health (its
 * outcome is health data); a caller without it is refused a day the rules refuse without the health reason (`seenBy`).
 */
export async function recordDonation(ctx: Ctx, body: RecordDonationBody) {
  const today = vnToday(ctx.clock);
  if (body.donatedOn > today) throw invalid('body.donatedOn', 'Ngày hiến không được sau hôm nay');
  const { organiser, donor, drive } = await resolve(ctx, body, today);
  // Recording health data is the organiser's desk's (or a keeper's); READING the donor's (a refusal's reason, the
  // weight's cap) is by their keepers only, as the donor's views.
  const health = canHealth(ctx.actor, donor);
  if (
    (body.outcome !== 'donated' || body.adverseNote) &&
    !health &&
    !hasPermission(ctx.actor, 'blood.health', organiser.path)
  )
    throw donorErrors.health_forbidden();
  let d = { code: null as string | null, until: null as string | null, permanent: false };
  if (body.outcome === 'donated') {
    const [rules, facts] = await Promise.all([
      rulesOn(ctx.db, body.donatedOn),
      donorFacts(ctx.db, body.personId, body.donatedOn),
    ]);
    // Before Thông tư 26/2013 (1/11/2013) no rule row is in force: nothing to judge the day by.
    if (rules.min_age === undefined)
      throw invalid('body.donatedOn', 'Chưa có quy định về điều kiện hiến máu áp dụng cho ngày này');
    const e = eligibility(facts!, rules, body.donatedOn, body.kind);
    if (!e.eligible) {
      const answer = eligibilityAnswer(e, health);
      throw donorErrors.not_eligible(
        { words: answer.refusals.map((r) => r.words).join('; ') },
        { refusals: answer.refusals, nextEligibleOn: answer.nextEligibleOn },
      );
    }
    if (!body.volumeMl) throw invalid('body.volumeMl', 'Nhập thể tích máu đã hiến (ml)');
    // The cap follows the weight (health data): a caller without blood.health is held to the most any donation of
    // the kind may take, so that a refusal never tells a weight.
    if (!health) {
      const max = maxVolumeOfKind(rules, body.kind);
      if (body.volumeMl > max)
        throw invalid('body.volumeMl', bloodIssues.volume_over_max, { params: { max } });
    } else if (e.maxVolumeMl !== null && body.volumeMl > e.maxVolumeMl)
      throw invalid('body.volumeMl', bloodIssues.volume_too_high, { params: { max: e.maxVolumeMl } });
  } else if (body.outcome === 'deferred') d = await deferral(ctx, body);
  const id = await ctx.db.transaction(async (tx) => {
    const certificateNo =
      body.outcome === 'donated'
        ? await donations.nextCertificateNo(tx, Number(body.donatedOn.slice(0, 4)))
        : null;
    const newId = await donations.insertDonation(tx, {
      personId: body.personId,
      donatedOn: body.donatedOn,
      driveId: drive?.id ?? null,
      site: body.site ?? null,
      organiserOrgId: organiser.id,
      organiserPath: organiser.path,
      establishmentOrgId: body.establishmentOrgId ?? null,
      kind: body.kind,
      volumeMl: body.outcome === 'deferred' ? null : (body.volumeMl ?? null),
      outcome: body.outcome,
      deferralReason: d.code,
      deferralUntil: d.until,
      deferralPermanent: d.permanent,
      adverseNote: body.outcome === 'adverse_event' ? (body.adverseNote ?? null) : null,
      certificateNo,
      recordedBy: ctx.actor.userId,
    });
    // Never a health value in the log: not the outcome (a deferral, an adverse event is a screening result), so
    // neither what only one outcome has (a volume, a certificate), nor the reason, the end of a deferral, a note —
    // nor the attempt's day, which the history hides from a reader without blood.health when it took no blood.
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'blood_donation',
      entityId: newId,
      entityLabel: donor.donorNo,
      orgId: organiser.id,
      orgPath: organiser.path,
      after: {
        donorNo: donor.donorNo,
        personId: body.personId,
        kind: body.kind,
        driveId: drive?.id ?? null,
      },
    });
    return newId;
  });
  return toDonationView((await donations.findDonation(ctx.db, id))!, health);
}

export function toDonationView(r: donations.DonationRow, health: boolean) {
  return {
    ...r,
    deferralReason: health ? r.deferralReason : null,
    deferralReasonName: health ? r.deferralReasonName : null,
    adverseNote: health ? r.adverseNote : null,
  };
}

/**
 * A donor's history. Deferral reasons and adverse-event notes only with blood.health, and every such answer is
 * written to the audit log (`read_sensitive`: who, whose, which fields) — whether or not it holds one, so that the
 * log (read by audit.read holders without blood.health) does not tell which donors were deferred.
 */
export async function listDonations(ctx: Ctx, donorId: number) {
  // Two reads at once: the donor in scope with its keepers, and the attempts (dropped unread on a 404).
  const [donor, rows] = await Promise.all([
    repo.findDonorKeepers(ctx.db, scopeOf(ctx.actor), donorId),
    donations.listDonationsOfDonor(ctx.db, donorId),
  ]);
  if (!donor) throw donorErrors.not_found();
  const health = canHealth(ctx.actor, donor);
  if (health) {
    const k = donor.keepers.find((x) => hasPermission(ctx.actor, 'blood.health', x.orgPath))!;
    await recordAudit(ctx.db, ctx, {
      action: 'read_sensitive',
      entityType: 'donor_profile',
      entityId: donor.id,
      entityLabel: donor.donorNo,
      orgId: k.orgId,
      orgPath: k.orgPath,
      after: { fields: ['deferralReason', 'adverseNote'] },
    });
  }
  const manage = scopeOf(ctx.actor, 'blood.manage');
  return {
    items: seenAttempts(rows, health).map((r) => toDonationView(r, health)),
    donated: rows.filter((r) => r.outcome === 'donated').length,
    healthVisible: health,
    can: { record: manage.all || manage.paths.length > 0 },
  };
}

export const listDeferralReasons = (ctx: Ctx) =>
  donations.listDeferralReasons(ctx.db).then((items) => ({ items }));

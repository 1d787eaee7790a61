import type { z } from 'zod';
import { bloodIssues } from '../../../contracts/blood/common.ts';
import type { checkInBody, DeskView, donationBody, screeningBody } from '../../../contracts/blood/drives.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import { type Ctx, cliMeta, type SystemCtx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import type { ModuleJob } from '../../../platform/modules.ts';
import { vnDateText } from '../../../platform/pdf.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { linkPeople } from '../../people/index.ts';
import { insertDonation, nextCertificateNo, recordMeasuredWeight } from '../donors/donations.repo.ts';
import { ensureDonorProfile } from '../donors/donors.service.ts';
import { factsOf, rulesOn } from '../donors/eligibility.repo.ts';
import { addDays, eligibility, explainVi } from '../donors/eligibility.rules.ts';
import * as bookings from './bookings.repo.ts';
import { bookingStateError, bookingView, hashToken } from './bookings.service.ts';
import * as desk from './desk.repo.ts';
import { drivesErrors } from './drives.errors.ts';
import { type DriveRow, listSlots } from './drives.repo.ts';
import { canManageDrive, canReadHealth, driveInScope } from './drives.service.ts';
import { walkInPerson } from './walk-in.service.ts';

/** The check-in desk: the live queue, check-in (token, booking, walk-in), screening, the donation, no-shows. */

/** A donation is dated on the drive's day: the desk opens that day (and stays open after it), never before. */
const notYet = (ctx: Ctx, d: DriveRow) => vnToday(ctx.clock) < d.driveDate;

async function deskDrive(ctx: Ctx, tx: Tx | Ctx['db'], id: number, forUpdate = false) {
  const d = await driveInScope(tx, ctx.actor, id, forUpdate);
  if (!canManageDrive(ctx.actor, d)) throw errors.forbidden();
  return d;
}

export async function getDesk(ctx: Ctx, driveId: number): Promise<DeskView> {
  const d = await deskDrive(ctx, ctx.db, driveId);
  const now = ctx.clock.now();
  const [slots, all, reasons] = await Promise.all([
    listSlots(ctx.db, driveId),
    bookings.listBookings(ctx.db, driveId),
    desk.listReasons(ctx.db),
  ]);
  const t = now.getTime();
  const current =
    slots.find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt)) ??
    slots.find((s) => Date.parse(s.startsAt) > t) ??
    null;
  const expected = all.filter((b) => b.status === 'booked' && current && b.slotId === current.id);
  const waiting = all
    .filter((b) => b.status === 'checked_in' || b.status === 'screened')
    .sort((a, b) => (a.queueNo ?? 0) - (b.queueNo ?? 0));
  const health = canReadHealth(ctx.actor, d);
  return {
    drive: { id: d.id, title: d.title, site: d.site, driveDate: d.driveDate, status: d.status },
    now: now.toISOString(),
    notYet: notYet(ctx, d),
    currentSlot: current ? (({ driveId: _d, ...s }) => s)(current) : null,
    expected: expected.map((b) => bookingView(ctx.actor, b)),
    waiting: waiting.map((b) => bookingView(ctx.actor, b)),
    counts: {
      expected: expected.length,
      waiting: waiting.length,
      walkInsWaiting: waiting.filter((b) => b.channel === 'walk_in').length,
      donated: all.filter((b) => b.status === 'donated').length,
      deferred: health ? all.filter((b) => b.status === 'deferred').length : null,
    },
    reasons: health
      ? reasons.map(({ code, nameVi, nameEn, days, permanent }) => ({
          code,
          nameVi,
          nameEn,
          days,
          permanent,
        }))
      : [],
    can: { health },
  };
}

/**
 * Checks a donor in: the invitation token, a booking picked from the list, or a walk-in (a person the desk sees,
 * or new fields). The walk-in lane always exists: no slot, a queue number. The drive's row lock orders the
 * queue numbers across desks.
 */
export async function checkIn(ctx: Ctx, driveId: number, body: z.output<typeof checkInBody>) {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const d = await deskDrive(ctx, tx, driveId, true);
    if (d.status !== 'open') throw drivesErrors.not_open();
    if (notYet(ctx, d)) throw drivesErrors.desk_not_yet({ date: vnDateText(d.driveDate) });
    const keeper = { id: d.organiserOrgId, path: d.organiserPath };
    let b: bookings.BookingRow | undefined;
    if (body.token) {
      b = await bookings.findBookingByToken(tx, driveId, hashToken(body.token));
      if (!b) throw drivesErrors.token_invalid();
    } else if (body.bookingId) {
      b = await bookings.findBooking(tx, driveId, body.bookingId, true);
      if (!b) throw errors.idNotFound('body.bookingId');
    } else {
      const scope = scopeOf(ctx.actor);
      const who = await walkInPerson(ctx, tx, scope, keeper, body.walkIn!);
      await linkPeople(tx, [
        {
          personId: who.personId,
          orgId: d.organiserOrgId,
          orgPath: d.organiserPath,
          purpose: 'blood',
          since: d.driveDate,
        },
      ]);
      if (who.created)
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'person',
          entityId: who.personId,
          orgId: d.organiserOrgId,
          orgPath: d.organiserPath,
          after: { fullName: body.walkIn!.person!.fullName, via: 'blood_walk_in' },
        });
      // A booked donor who comes to the walk-in line is checked in on their booking.
      b = await bookings.liveBookingOf(tx, driveId, who.personId);
      if (!b) {
        await ensureDonorProfile(tx, ctx, who.personId, keeper);
        const queueNo = await bookings.nextQueueNo(tx, driveId);
        const newId = await bookings.insertBooking(tx, {
          driveId,
          slotId: null,
          personId: who.personId,
          organiserPath: d.organiserPath,
          channel: 'walk_in',
          tokenHash: null,
          status: 'checked_in',
          queueNo,
          checkedInAt: now,
          createdBy: ctx.actor.userId,
        });
        await audit(ctx, tx, d, newId, 'blood.desk.walk_in', { queueNo, personId: who.personId });
        return newId;
      }
    }
    if (b.status !== 'booked') throw bookingStateError(ctx.actor, b);
    await ensureDonorProfile(tx, ctx, b.personId, keeper);
    const queueNo = await bookings.nextQueueNo(tx, driveId);
    await bookings.setBookingStatus(tx, b.id, 'checked_in', { checkedInAt: now, queueNo });
    await audit(ctx, tx, d, b.id, 'blood.desk.check_in', { queueNo, via: body.token ? 'token' : 'list' });
    return b.id;
  });
  return bookingView(ctx.actor, (await bookings.findBooking(ctx.db, driveId, id))!);
}

function audit(ctx: Ctx, tx: Tx, d: DriveRow, bookingId: number, action: string, after: object) {
  return recordAudit(tx, ctx, {
    action,
    entityType: 'drive_booking',
    entityId: bookingId,
    orgId: d.organiserOrgId,
    orgPath: d.organiserPath,
    after,
  });
}

/** A booking at the desk with health rights over the drive (screening and donation are health data). */
async function healthBooking(ctx: Ctx, tx: Tx, driveId: number, bookingId: number, status: string) {
  const d = await deskDrive(ctx, tx, driveId, true);
  if (!canReadHealth(ctx.actor, d)) throw errors.forbidden();
  const b = await bookings.findBooking(tx, driveId, bookingId, true);
  if (!b) throw drivesErrors['booking.not_found']();
  if (b.status !== status) throw bookingStateError(ctx.actor, b);
  return { d, b };
}

async function eligibilityAt(tx: Tx, personId: number, day: string, weightKg: number, kind = 'whole_blood') {
  const [facts, rules] = await Promise.all([factsOf(tx, personId), rulesOn(tx, day)]);
  return eligibility({ ...facts, weightKg }, rules, day, kind as 'whole_blood');
}

/** Where and for whom an attempt at the drive's desk is recorded: the drive's day, site and parties. */
const attemptAt = (d: DriveRow, personId: number) => ({
  personId,
  donatedOn: d.driveDate,
  driveId: d.id,
  site: d.site,
  organiserOrgId: d.organiserOrgId,
  organiserPath: d.organiserPath,
  establishmentOrgId: d.establishmentOrgId,
});

/**
 * The screening outcome. Eligible: the rules are checked with the weight measured (a refusal answers the
 * donor's words, and the desk defers). Deferred: the reason (health data) goes on the attempt's donation row,
 * with its end from the reason's length or the day given; the audit entry names neither the outcome nor the reason.
 * The answer says, for a deferral, from which day the donor may come back (what the desk tells them).
 */
export async function screen(
  ctx: Ctx,
  driveId: number,
  bookingId: number,
  body: z.output<typeof screeningBody>,
) {
  const deferral = await ctx.db.transaction(async (tx) => {
    const { d, b } = await healthBooking(ctx, tx, driveId, bookingId, 'checked_in');
    const now = ctx.clock.now();
    if (body.weightKg !== undefined) await recordMeasuredWeight(tx, b.personId, body.weightKg, d.driveDate);
    if (body.outcome === 'eligible') {
      if (body.weightKg === undefined)
        throw errors.validation([{ path: 'body.weightKg', message: 'Nhập cân nặng đo tại điểm hiến' }]);
      const el = await eligibilityAt(tx, b.personId, d.driveDate, body.weightKg);
      if (!el.eligible) throw drivesErrors.not_eligible({ reasons: el.refusals.map(explainVi) });
      await bookings.setBookingStatus(tx, b.id, 'screened', { screenedAt: now });
      await audit(ctx, tx, d, b.id, 'blood.desk.screen', { personId: b.personId });
      return null;
    }
    const reason = (await desk.listReasons(tx)).find((r) => r.code === body.reasonCode);
    if (!reason) throw errors.validation([{ path: 'body.reasonCode', message: 'Chọn lý do tạm hoãn' }]);
    const until =
      body.until ??
      (reason.days ? addDays(d.driveDate, reason.days) : null) ??
      (body.weightKg !== undefined
        ? (await eligibilityAt(tx, b.personId, d.driveDate, body.weightKg)).nextEligibleOn
        : null);
    const donationId = await insertDonation(tx, {
      ...attemptAt(d, b.personId),
      kind: 'whole_blood',
      volumeMl: null,
      outcome: 'deferred',
      deferralReason: reason.code,
      deferralUntil: reason.permanent ? null : until,
      deferralPermanent: reason.permanent,
      adverseNote: null,
      certificateNo: null,
      recordedBy: ctx.actor.userId,
    });
    await bookings.setBookingStatus(tx, b.id, 'deferred', { screenedAt: now, donationId });
    // The entry says a screening was recorded for whom, never its outcome nor a reason (health data: the log is
    // read by audit.read holders without blood.health).
    await audit(ctx, tx, d, b.id, 'blood.desk.screen', { personId: b.personId });
    return { until: reason.permanent ? null : until, permanent: reason.permanent };
  });
  return { ...bookingView(ctx.actor, (await bookings.findBooking(ctx.db, driveId, bookingId))!), deferral };
}

/**
 * The donation: kind and volume, never above what the rules allow for the weight measured (maxVolume), numbered
 * for its certificate of donation.
 */
export async function recordDonation(
  ctx: Ctx,
  driveId: number,
  bookingId: number,
  body: z.output<typeof donationBody>,
) {
  await ctx.db.transaction(async (tx) => {
    const { d, b } = await healthBooking(ctx, tx, driveId, bookingId, 'screened');
    const el = await eligibilityAt(tx, b.personId, d.driveDate, body.weightKg, body.kind);
    if (!el.eligible) throw drivesErrors.not_eligible({ reasons: el.refusals.map(explainVi) });
    await recordMeasuredWeight(tx, b.personId, body.weightKg, d.driveDate);
    if (el.maxVolumeMl !== null && body.volumeMl > el.maxVolumeMl)
      throw errors.validation([
        { path: 'body.volumeMl', message: bloodIssues.volume_too_high, params: { max: el.maxVolumeMl } },
      ]);
    const donationId = await insertDonation(tx, {
      ...attemptAt(d, b.personId),
      kind: body.kind,
      volumeMl: body.volumeMl,
      outcome: 'donated',
      deferralReason: null,
      deferralUntil: null,
      deferralPermanent: false,
      adverseNote: null,
      // Every donation has its certificate (giấy chứng nhận), as one recorded on the donor's page.
      certificateNo: await nextCertificateNo(tx, Number(d.driveDate.slice(0, 4))),
      recordedBy: ctx.actor.userId,
    });
    await bookings.setBookingStatus(tx, b.id, 'donated', { donationId });
    await audit(ctx, tx, d, b.id, 'blood.desk.donation', {
      kind: body.kind,
      volumeMl: body.volumeMl,
      donationId,
    });
  });
  return bookingView(ctx.actor, (await bookings.findBooking(ctx.db, driveId, bookingId))!);
}

/** Marks a booked donor who did not come, once their slot has ended. */
export async function markNoShow(ctx: Ctx, driveId: number, bookingId: number) {
  await ctx.db.transaction(async (tx) => {
    const d = await deskDrive(ctx, tx, driveId);
    const b = await bookings.findBooking(tx, driveId, bookingId, true);
    if (!b) throw drivesErrors['booking.not_found']();
    if (b.status !== 'booked') throw bookingStateError(ctx.actor, b);
    if (!b.slotId || !(await desk.slotEnded(tx, b.slotId, ctx.clock.now())))
      throw drivesErrors.slot_not_ended();
    await bookings.setBookingStatus(tx, b.id, 'no_show');
    await audit(ctx, tx, d, b.id, 'blood.desk.no_show', { status: 'no_show' });
  });
  return bookingView(ctx.actor, (await bookings.findBooking(ctx.db, driveId, bookingId))!);
}

/** The daily job: every booking still 'booked' after its slot ended is a no-show (one audit entry per drive). */
export const noShowJob: ModuleJob = {
  kind: 'daily',
  name: 'blood.drive_no_shows',
  run: ({ db, clock }) => markNoShows({ db, clock, meta: cliMeta }),
};

export async function markNoShows(sys: SystemCtx): Promise<string> {
  return sys.db.transaction(async (tx) => {
    const gone = await desk.markNoShows(tx, sys.clock.now());
    for (const g of gone)
      await recordAudit(
        tx,
        { actor: null, meta: sys.meta },
        {
          action: 'blood.desk.no_show',
          entityType: 'blood_drive',
          entityId: g.driveId,
          orgPath: g.organiserPath,
          after: { bookingIds: g.ids, count: g.ids.length, on: vnToday(sys.clock) },
        },
      );
    return `${gone.reduce((n, g) => n + g.ids.length, 0)} no-shows`;
  });
}

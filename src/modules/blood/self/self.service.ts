import type { z } from 'zod';
import type { questionnaireBody, SelfView } from '../../../contracts/blood/self.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { findCertificate } from '../donors/donations.repo.ts';
import { eligibilityAnswer } from '../donors/donors.service.ts';
import { factsOf, rulesOn } from '../donors/eligibility.repo.ts';
import { eligibility, explainVi } from '../donors/eligibility.rules.ts';
import * as bookings from '../drives/bookings.repo.ts';
import {
  bookingStateError,
  bookPlace,
  cancelBookingIn,
  joinWaitlistIn,
  moveBookingIn,
} from '../drives/bookings.service.ts';
import { donorSelfErrors } from './self.errors.ts';
import * as repo from './self.repo.ts';

/**
 * The donor's own page: a signed-in person-only user (users.person_id) sees and changes only their own
 * bookings. Another person's booking id is simply not found.
 */

async function me(ctx: Ctx) {
  const p = await repo.personOfUser(ctx.db, ctx.actor.userId);
  if (!p) throw donorSelfErrors.no_person();
  return p;
}

/** History, the next eligible day in words, bookings and waitlist places. */
export async function getSelf(ctx: Ctx): Promise<SelfView> {
  const { personId, fullName } = await me(ctx);
  const today = vnToday(ctx.clock);
  const [donations, own, waitlist, facts, rules] = await Promise.all([
    repo.ownDonations(ctx.db, personId),
    repo.ownBookings(ctx.db, personId),
    repo.ownWaitlist(ctx.db, personId),
    factsOf(ctx.db, personId),
    rulesOn(ctx.db, today),
  ]);
  // The weight is measured at the desk: an unknown one does not stop the donor from planning.
  const el = eligibility({ ...facts, weightKg: facts.weightKg ?? 70 }, rules, today);
  const now = ctx.clock.now().getTime();
  return {
    fullName,
    donations: donations as SelfView['donations'],
    donatedCount: donations.filter((d) => d.outcome === 'donated').length,
    nextEligibleOn: el.nextEligibleOn,
    eligibleToday: el.eligible,
    reasons: el.refusals.map(explainVi),
    // Their own data: every reason is said to them (health included).
    refusals: eligibilityAnswer(el, true).refusals,
    bookings: own.map((b) => ({
      ...b,
      canChange: b.status === 'booked' && (b.slotStartsAt === null || Date.parse(b.slotStartsAt) > now),
    })),
    waitlist,
  };
}

export async function listOpenDrives(ctx: Ctx) {
  await me(ctx);
  return repo.openDrives(ctx.db, vnToday(ctx.clock), ctx.clock.now());
}

async function openDriveFor(ctx: Ctx, id: number, field?: string) {
  const d = await repo.openDrive(ctx.db, id);
  if (!d || d.driveDate < vnToday(ctx.clock))
    throw field ? errors.idNotFound(field) : donorSelfErrors['drive.not_found']();
  return d;
}

export async function bookSelf(ctx: Ctx, body: { driveId: number; slotId: number }) {
  const { personId } = await me(ctx);
  // Any open drive still to come, whoever organises it: a donor books where they like.
  // Their own data: every refusal is said to them (bookPlace: the actor is the person), whatever healthScope says.
  const check = await bookings.bookingChecks(ctx.db, {
    ...body,
    personId,
    scope: { all: true },
    healthScope: { all: false, paths: [] },
  });
  if (check?.drive.status !== 'open' || check.drive.driveDate < vnToday(ctx.clock))
    throw errors.idNotFound('body.driveId');
  // bookPlace refuses a slot already started to a donor (channel 'self').
  return bookPlace(ctx, check, personId, body.slotId, 'self');
}

async function ownLive(
  ctx: Ctx,
  bookingId: number,
  work: (
    b: bookings.BookingRow,
    tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0],
  ) => Promise<unknown>,
) {
  const { personId } = await me(ctx);
  await ctx.db.transaction(async (tx) => {
    const b = await bookings.findOwnBooking(tx, personId, bookingId, true);
    if (!b) throw donorSelfErrors['booking.not_found']();
    await work(b, tx);
  });
  return getSelf(ctx);
}

export const cancelSelf = (ctx: Ctx, bookingId: number) =>
  ownLive(ctx, bookingId, (b, tx) => cancelBookingIn(ctx, tx, b));

export const moveSelf = (ctx: Ctx, bookingId: number, slotId: number) =>
  ownLive(ctx, bookingId, (b, tx) => moveBookingIn(ctx, tx, b, slotId));

/** The same-day questionnaire (health data on the booking; the audit entry says it was answered, not what). */
export const answerQuestionnaire = (ctx: Ctx, bookingId: number, body: z.output<typeof questionnaireBody>) =>
  ownLive(ctx, bookingId, async (b, tx) => {
    if (b.status !== 'booked' && b.status !== 'checked_in') throw bookingStateError(ctx.actor, b);
    await bookings.setQuestionnaire(tx, b.id, body.answers, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'blood.booking.questionnaire',
      entityType: 'drive_booking',
      entityId: b.id,
      orgPath: b.organiserPath,
      after: { answered: true },
    });
  });

export async function joinWaitlistSelf(ctx: Ctx, driveId: number, nextDrive: boolean) {
  const { personId } = await me(ctx);
  const d = await openDriveFor(ctx, driveId);
  await ctx.db.transaction((tx) => joinWaitlistIn(ctx, tx, d, personId, nextDrive));
  return getSelf(ctx);
}

/** The certificate of one of the donor's own donations (another person's, or one without, is not found). */
export async function ownCertificate(ctx: Ctx, donationId: number) {
  const { personId } = await me(ctx);
  const own = await repo.ownCertifiedDonation(ctx.db, personId, donationId);
  const c = own && (await findCertificate(ctx.db, { id: own.id }));
  if (!c) throw donorSelfErrors['certificate.not_found']();
  return c;
}

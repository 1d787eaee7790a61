import { createHash, randomBytes } from 'node:crypto';
import type { BookingView } from '../../../contracts/blood/drives.ts';
import { auditSql, recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { type Actor, hasPermission, scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { findPeopleInScope, linkPeopleSql } from '../../people/index.ts';
import {
  type BloodRuleSet,
  type DonorFacts,
  eligibility,
  explainVi,
  type Refusal,
  seenBy,
} from '../donors/eligibility.rules.ts';
import * as bookings from './bookings.repo.ts';
import { drivesErrors } from './drives.errors.ts';
import { type DriveRow, findSlot } from './drives.repo.ts';
import { canManageDrive, driveInScope } from './drives.service.ts';
import { isLateCancellation } from './slots.rules.ts';

/** Bookings: staff book a donor, the donor books for themself (self/), cancel, move, the waitlist. */

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Whether the caller may know a booking's screening result (health data): the donor themself, or blood.health at
 * the drive's organiser.
 */
export const readsScreening = (actor: Actor, b: Pick<bookings.BookingRow, 'personId' | 'organiserPath'>) =>
  (actor.personId != null && actor.personId === b.personId) ||
  hasPermission(actor, 'blood.health', b.organiserPath);

/** A booking's status as the caller may know it: a deferral is answered as 'screened' without blood.health. */
export const statusSeen = (
  actor: Actor,
  b: Pick<bookings.BookingRow, 'personId' | 'organiserPath' | 'status'>,
): bookings.BookingRow['status'] =>
  b.status === 'deferred' && !readsScreening(actor, b) ? 'screened' : b.status;

/** The refusal of an action the booking's state does not allow, naming the state as the caller may know it. */
export const bookingStateError = (
  actor: Actor,
  b: Pick<bookings.BookingRow, 'personId' | 'organiserPath' | 'status'>,
) => drivesErrors.booking_state({ status: statusSeen(actor, b) });

/**
 * THE view of a booking (lists, the desk, the drive report, every action's answer): no health data — the
 * questionnaire only as answered or not, a deferral only to who may know it (`statusSeen`).
 */
export function bookingView(actor: Actor, b: bookings.BookingRow): BookingView {
  return {
    id: b.id,
    driveId: b.driveId,
    slotId: b.slotId,
    slotStartsAt: b.slotStartsAt,
    personId: b.personId,
    fullName: b.fullName,
    phone: b.phone,
    channel: b.channel,
    status: statusSeen(actor, b),
    queueNo: b.queueNo,
    checkedInAt: b.checkedInAt,
    hasQuestionnaire: b.hasQuestionnaire,
  };
}

/** Refusals that stop a booking: the person cannot donate on the drive's day whatever the desk measures. */
const BOOKING_STOPS: Refusal['code'][] = [
  'age_under',
  'age_over',
  'interval',
  'deferred',
  'deferred_permanent',
];

/**
 * Whether the person may donate on the drive's day by the rules then in force; refused in the donor's words — to a
 * caller without `health` (the donor themself, or blood.health over one of the keepers of their donor profile) as
 * `seenBy` says them: a deferral is one refusal 'health', without its end.
 */
function refuseIfIneligible(facts: DonorFacts, rules: BloodRuleSet, day: string, health: boolean) {
  const result = eligibility(facts, rules, day);
  const stops = result.refusals.filter((r) => BOOKING_STOPS.includes(r.code));
  if (stops.length) {
    const seen = seenBy({ ...result, refusals: stops }, health);
    throw drivesErrors.not_eligible(
      { reasons: seen.refusals.map(explainVi) },
      { nextEligibleOn: seen.nextEligibleOn, codes: seen.refusals.map((r) => r.code) },
    );
  }
}

const isLiveDuplicate = (e: unknown) => {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = err.code ?? err.cause?.code;
  const constraint = err.constraint ?? err.cause?.constraint;
  return code === '23505' && (constraint === undefined || constraint === 'drive_bookings_live_uq');
};

/**
 * Books a place after `bookings.bookingChecks` (ONE read of everything checked: the drive, the person, a live
 * booking of the person at the drive, the slot, eligibility on the drive's day) — the caller has judged the
 * drive and the person — then ONE statement that takes the place under the slot's guarded counter and writes
 * the booking, the waiter booked, the person kept by the organiser for purpose 'blood' and the audit entry, all
 * or nothing (bookings.repo `bookPlace`). The unique live index refuses a second live booking made at the same
 * moment: 409. Answers the invitation token once: only its hash is stored.
 */
export async function bookPlace(
  ctx: Ctx,
  check: bookings.BookingChecks,
  personId: number,
  slotId: number,
  channel: 'self' | 'staff',
) {
  const { drive } = check;
  if (drive.status !== 'open' && !(channel === 'staff' && drive.status === 'planned'))
    throw drivesErrors.not_open();
  // A donor books a slot still to come; the desk takes late arrivals in the walk-in lane.
  if (
    channel === 'self' &&
    check.slotStartsAt !== null &&
    Date.parse(check.slotStartsAt) <= ctx.clock.now().getTime()
  )
    throw drivesErrors.slot_started();
  if (check.alreadyBooked) throw drivesErrors.already_booked();
  if (check.slotStartsAt === null) throw errors.idNotFound('body.slotId');
  refuseIfIneligible(
    check.facts,
    check.rules,
    drive.driveDate,
    ctx.actor.personId === personId || check.healthReadable,
  );
  const token = randomBytes(32).toString('base64url');
  const link = {
    personId,
    orgId: drive.organiserOrgId,
    orgPath: drive.organiserPath,
    purpose: 'blood' as const,
    since: vnToday(ctx.clock),
  };
  const audit = auditSql(
    ctx,
    {
      action: channel === 'self' ? 'blood.booking.self' : 'blood.booking.staff',
      entityType: 'drive_booking',
      entityId: bookings.booked.id,
      orgId: drive.organiserOrgId,
      orgPath: drive.organiserPath,
      after: { driveId: drive.id, slotId, personId, channel },
    },
    bookings.booked.made,
  );
  try {
    const booking = await bookings.bookPlace(
      ctx.db,
      {
        driveId: drive.id,
        slotId,
        personId,
        organiserPath: drive.organiserPath,
        channel,
        tokenHash: hashToken(token),
        createdBy: ctx.actor.userId,
      },
      [linkPeopleSql([link], bookings.booked.made), audit],
    );
    if (!booking) throw drivesErrors.slot_full({ driveId: drive.id, slotId, waitlist: true });
    return { booking: bookingView(ctx.actor, booking), invitationToken: token };
  } catch (e) {
    // Two requests for one donor at once: the second meets the unique live index.
    if (isLiveDuplicate(e)) throw drivesErrors.already_booked();
    throw e;
  }
}

/**
 * Staff book a donor in their scope (by id: picked from a list, or found by phone). Three statements in all: the
 * session, `bookingChecks`, `bookPlace`.
 */
export async function staffBook(ctx: Ctx, driveId: number, body: { personId: number; slotId: number }) {
  const scope = scopeOf(ctx.actor);
  const check = await bookings.bookingChecks(ctx.db, {
    driveId,
    ...body,
    scope,
    healthScope: scopeOf(ctx.actor, 'blood.health'),
  });
  if (!check?.driveInScope) throw drivesErrors.not_found();
  if (!canManageDrive(ctx.actor, check.drive)) throw errors.forbidden();
  if (!check.personInScope) throw errors.idNotFound('body.personId');
  return bookPlace(ctx, check, body.personId, body.slotId, 'staff');
}

export async function listDriveBookings(ctx: Ctx, driveId: number) {
  await driveInScope(ctx.db, ctx.actor, driveId);
  return (await bookings.listBookings(ctx.db, driveId)).map((b) => bookingView(ctx.actor, b));
}

/**
 * Cancels a live booking (late when less than 24 hours before its slot): the place goes back to the slot and is
 * offered to the first waiter, who is notified.
 */
export async function cancelBookingIn(ctx: Ctx, tx: Tx, b: bookings.BookingRow) {
  if (b.status !== 'booked') throw bookingStateError(ctx.actor, b);
  const now = ctx.clock.now();
  const status = isLateCancellation(b.slotStartsAt, now) ? 'late_cancelled' : 'cancelled';
  await bookings.setBookingStatus(tx, b.id, status, { cancelledAt: now });
  if (b.slotId) await bookings.releasePlace(tx, b.slotId);
  const offered = await bookings.offerFirstWaiter(tx, b.driveId, now);
  if (offered)
    await notifyUsers(
      tx,
      offered.userIds.map((userId) => ({
        userId,
        kind: 'blood.waitlist_offer',
        title: `Có chỗ trống tại ${b.driveTitle}`,
        body: 'Một chỗ vừa trống. Hãy đặt lịch sớm trước khi người khác đặt.',
        link: '/me/blood',
        dedupeKey: `blood.waitlist_offer:${offered.id}`,
      })),
    );
  await recordAudit(tx, ctx, {
    action: status === 'late_cancelled' ? 'blood.booking.late_cancel' : 'blood.booking.cancel',
    entityType: 'drive_booking',
    entityId: b.id,
    orgPath: b.organiserPath,
    before: { status: b.status },
    after: { status, offeredWaitlistId: offered?.id ?? null },
  });
  return status;
}

export async function staffCancel(ctx: Ctx, driveId: number, bookingId: number) {
  await ctx.db.transaction(async (tx) => {
    const drive = await driveInScope(tx, ctx.actor, driveId);
    if (!canManageDrive(ctx.actor, drive)) throw errors.forbidden();
    const b = await bookings.findBooking(tx, driveId, bookingId, true);
    if (!b) throw drivesErrors['booking.not_found']();
    await cancelBookingIn(ctx, tx, b);
  });
  return bookingView(ctx.actor, (await bookings.findBooking(ctx.db, driveId, bookingId))!);
}

/** Moves a live booking to another slot of the drive: takes the new place first, then gives the old one back. */
export async function moveBookingIn(ctx: Ctx, tx: Tx, b: bookings.BookingRow, slotId: number) {
  if (b.status !== 'booked') throw bookingStateError(ctx.actor, b);
  if (b.slotId === slotId) return;
  if (!(await findSlot(tx, b.driveId, slotId))) throw errors.idNotFound('body.slotId');
  if (!(await bookings.takePlace(tx, b.driveId, slotId)))
    throw drivesErrors.slot_full({ driveId: b.driveId, slotId, waitlist: true });
  if (b.slotId) await bookings.releasePlace(tx, b.slotId);
  await bookings.setBookingSlot(tx, b.id, slotId);
  await recordAudit(tx, ctx, {
    action: 'blood.booking.move',
    entityType: 'drive_booking',
    entityId: b.id,
    orgPath: b.organiserPath,
    before: { slotId: b.slotId },
    after: { slotId },
  });
}

export async function staffMove(ctx: Ctx, driveId: number, bookingId: number, slotId: number) {
  await ctx.db.transaction(async (tx) => {
    const drive = await driveInScope(tx, ctx.actor, driveId);
    if (!canManageDrive(ctx.actor, drive)) throw errors.forbidden();
    const b = await bookings.findBooking(tx, driveId, bookingId, true);
    if (!b) throw drivesErrors['booking.not_found']();
    await moveBookingIn(ctx, tx, b, slotId);
  });
  return bookingView(ctx.actor, (await bookings.findBooking(ctx.db, driveId, bookingId))!);
}

/** Joins the waitlist of a drive (or registers interest in the next one). */
export async function joinWaitlistIn(
  ctx: Ctx,
  tx: Tx,
  drive: Pick<DriveRow, 'id' | 'organiserOrgId' | 'organiserPath'>,
  personId: number,
  nextDrive: boolean,
) {
  const w = await bookings.joinWaitlist(tx, drive.id, personId, nextDrive);
  if (!w) throw drivesErrors.already_waiting();
  await recordAudit(tx, ctx, {
    action: 'blood.waitlist.join',
    entityType: 'drive_waitlist',
    entityId: w.id,
    orgId: drive.organiserOrgId,
    orgPath: drive.organiserPath,
    after: { driveId: drive.id, personId, nextDrive },
  });
  return w;
}

export async function staffWaitlist(
  ctx: Ctx,
  driveId: number,
  body: { personId: number; nextDrive: boolean },
) {
  const drive = await driveInScope(ctx.db, ctx.actor, driveId);
  if (!canManageDrive(ctx.actor, drive)) throw errors.forbidden();
  const [person] = await findPeopleInScope(ctx.db, scopeOf(ctx.actor), [body.personId]);
  if (person?.status !== 'active') throw errors.idNotFound('body.personId');
  return ctx.db.transaction((tx) => joinWaitlistIn(ctx, tx, drive, body.personId, body.nextDrive));
}

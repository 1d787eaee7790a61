/** Blood drives (ngày hội / điểm hiến máu): slots, bookings, walk-ins, the check-in desk and the funnel. */
import { z } from 'zod';
import { birthDate, eventDate, filterDate, id, idText, int4, optionalText } from '../common.ts';
import { donationKinds } from './common.ts';

export const driveStatuses = ['planned', 'open', 'closed', 'cancelled'] as const;
export const bookingStatuses = [
  'booked',
  'checked_in',
  'screened',
  'donated',
  'deferred',
  'no_show',
  'cancelled',
  'late_cancelled',
] as const;
export const bookingChannels = ['self', 'staff', 'walk_in'] as const;

/** A clock time of the day, "07:30". */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const driveFields = {
  title: z.string().trim().min(2).max(300),
  site: z.string().trim().min(2).max(300),
  address: optionalText(500),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullish(),
  establishmentOrgId: id.nullish(),
  driveDate: eventDate,
  opensAt: clockTime,
  closesAt: clockTime,
  targetUnits: int4(1, 100_000).nullish(),
  /** Slot length (minutes) and places per slot (beds × staff): the slots are generated from the hours. */
  slotMinutes: int4(10, 240).default(30),
  capacityPerSlot: int4(1, 500),
};
export const createDriveBody = z.object({ organiserOrgId: id, ...driveFields });
export const updateDriveBody = z.object({
  version: id,
  ...driveFields,
  status: z.enum(driveStatuses).optional(),
});
export const driveQuery = z.object({
  status: z.enum(driveStatuses).optional(),
  from: filterDate.optional(),
  to: filterDate.optional(),
  orgId: idText.optional(),
});
/**
 * The receiving blood establishments a drive may name (hospitals, blood centres: health organisations of any
 * tree), found by part of their name — a named party, answered by its name only.
 */
export const establishmentQuery = z.object({ q: z.string().trim().max(100).optional() });
export const establishmentView = z.object({ id, name: z.string(), parentName: z.string().nullable() });
export const slotView = z.object({
  id,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
});
const party = z.object({ id, name: z.string() });
export const driveListItem = z.object({
  id,
  title: z.string(),
  site: z.string(),
  provinceCode: z.string().nullable(),
  driveDate: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(driveStatuses),
  organiser: party,
  establishment: party.nullable(),
  targetUnits: z.number().int().nullable(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export const driveView = driveListItem.extend({
  address: z.string().nullable(),
  version: z.number().int(),
  slots: z.array(slotView),
  can: z.object({ manage: z.boolean(), desk: z.boolean(), health: z.boolean() }),
});
export const slotParams = z.object({ id: idText, slotId: idText });
export const updateSlotBody = z.object({ capacity: int4(1, 500) });

// ——— Bookings ———

export const staffBookingBody = z.object({ personId: id, slotId: id });
export const moveBookingBody = z.object({ slotId: id });
export const bookingParams = z.object({ id: idText, bookingId: idText });
export const bookingView = z.object({
  id,
  driveId: id,
  slotId: z.number().int().nullable(),
  slotStartsAt: z.string().nullable(),
  personId: id,
  fullName: z.string(),
  phone: z.string().nullable(),
  channel: z.enum(bookingChannels),
  status: z.enum(bookingStatuses),
  queueNo: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  /** Whether the donor answered the same-day questionnaire (its answers are health data). */
  hasQuestionnaire: z.boolean(),
});
/** A booking as made: the invitation token is answered this once (only its hash is stored). */
export const bookingCreated = z.object({ booking: bookingView, invitationToken: z.string() });
export const waitlistBody = z.object({ personId: id, nextDrive: z.boolean().default(false) });
export const waitlistView = z.object({
  id,
  driveId: id,
  personId: id,
  status: z.enum(['waiting', 'offered', 'booked', 'expired']),
  nextDrive: z.boolean(),
  position: z.number().int(),
});

// ——— Check-in desk ———

const newPerson = z.object({
  fullName: z.string().trim().min(1).max(100),
  birthDate: birthDate.nullish(),
  sex: z.enum(['male', 'female']).nullish(),
  phone: optionalText(20),
  cccd: optionalText(12),
});
export const checkInBody = z
  .object({
    token: z.string().trim().min(20).max(100).optional(),
    bookingId: id.optional(),
    walkIn: z.object({ personId: id.optional(), person: newPerson.optional() }).optional(),
  })
  .refine((b) => [b.token, b.bookingId, b.walkIn].filter((x) => x !== undefined).length === 1, {
    message: 'Một trong: token, bookingId, walkIn',
  });
export const screeningBody = z.object({
  outcome: z.enum(['eligible', 'deferred']),
  weightKg: z.number().min(30).max(200).optional(),
  reasonCode: z.string().max(40).optional(),
  /** Deferred until (a day), when the reason has no fixed length. */
  until: eventDate.optional(),
});
export const donationBody = z.object({
  kind: z.enum(donationKinds).default('whole_blood'),
  volumeMl: int4(50, 1000),
  weightKg: z.number().min(30).max(200),
});
export const deskView = z.object({
  drive: z.object({
    id,
    title: z.string(),
    site: z.string(),
    driveDate: z.string(),
    status: z.enum(driveStatuses),
  }),
  now: z.string(),
  /** Before the drive's day: the desk checks nobody in yet (`drives.desk_not_yet`). */
  notYet: z.boolean(),
  currentSlot: slotView.nullable(),
  /** Booked for the current slot and not yet arrived. */
  expected: z.array(bookingView),
  /** Arrived (checked in or screened), in queue order: walk-ins and booked donors alike. */
  waiting: z.array(bookingView),
  counts: z.object({
    expected: z.number().int(),
    waiting: z.number().int(),
    walkInsWaiting: z.number().int(),
    donated: z.number().int(),
    /** null without blood.health on the drive (health data). */
    deferred: z.number().int().nullable(),
  }),
  /** Deferral reasons with their fixed length (days) when they have one, or permanent. */
  reasons: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      days: z.number().int().nullable(),
      permanent: z.boolean(),
    }),
  ),
  can: z.object({ health: z.boolean() }),
});
/**
 * The screening's answer: the booking, and for a deferral what the desk tells the donor — from which day they may
 * donate again (null when it cannot be known yet), or that they never may.
 */
export const screeningResult = bookingView.extend({
  deferral: z.object({ until: z.string().nullable(), permanent: z.boolean() }).nullable(),
});

// ——— Funnel ———

const funnelCounts = {
  registered: z.number().int(),
  checkedIn: z.number().int(),
  screened: z.number().int(),
  donated: z.number().int(),
  /** null: the caller reads no health data of the drive's organiser — a deferral is health data (it counts among
   * the screened, as in the drive's report). */
  deferred: z.number().int().nullable(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  lateCancelled: z.number().int(),
  walkIns: z.number().int(),
};
export const funnelView = z.object({
  driveId: id,
  targetUnits: z.number().int().nullable(),
  totals: z.object(funnelCounts),
  slots: z.array(
    z.object({
      slotId: z.number().int().nullable(),
      startsAt: z.string().nullable(),
      capacity: z.number().int().nullable(),
      ...funnelCounts,
    }),
  ),
});

export type DriveView = z.infer<typeof driveView>;
export type DriveListItem = z.infer<typeof driveListItem>;
export type BookingView = z.infer<typeof bookingView>;
export type DeskView = z.infer<typeof deskView>;
export type ScreeningResult = z.infer<typeof screeningResult>;
export type FunnelView = z.infer<typeof funnelView>;

/** The donor's own page (/me/blood): history, next eligible date, bookings, the same-day questionnaire. */
import { z } from 'zod';
import { id, idText } from '../common.ts';
import { donationKinds, donationOutcomes } from './common.ts';
import { refusalView } from './donors.ts';
import { bookingCreated, bookingStatuses, driveStatuses, slotView } from './drives.ts';

/** The same-day health questionnaire: a few yes/no questions (health data: stored on the booking). */
export const questionnaireKeys = [
  'feelsWell',
  'sleptWell',
  'ateToday',
  'recentIllness',
  'medication',
  'tattooPiercing6m',
] as const;
export const questionnaireBody = z.object({
  answers: z.object(
    Object.fromEntries(questionnaireKeys.map((k) => [k, z.boolean()])) as {
      [K in (typeof questionnaireKeys)[number]]: z.ZodBoolean;
    },
  ),
});

export const selfBookingBody = z.object({ driveId: id, slotId: id });
export const selfMoveBody = z.object({ slotId: id });
export const selfWaitlistBody = z.object({ nextDrive: z.boolean().default(false) });
export const selfBookingParams = z.object({ id: idText });

export const selfBooking = z.object({
  id,
  driveId: id,
  driveTitle: z.string(),
  site: z.string(),
  address: z.string().nullable(),
  driveDate: z.string(),
  slotId: z.number().int().nullable(),
  slotStartsAt: z.string().nullable(),
  slotEndsAt: z.string().nullable(),
  status: z.enum(bookingStatuses),
  questionnaireAnswered: z.boolean(),
  canChange: z.boolean(),
});
export const selfDonation = z.object({
  id,
  donatedOn: z.string(),
  site: z.string().nullable(),
  kind: z.enum(donationKinds),
  volumeMl: z.number().int().nullable(),
  outcome: z.enum(donationOutcomes),
  /** The certificate of a donation (giấy chứng nhận), downloadable from the donor's own page. */
  certificateNo: z.string().nullable(),
});
export const selfView = z.object({
  fullName: z.string(),
  donations: z.array(selfDonation),
  donatedCount: z.number().int(),
  /** Today, when eligible; the day from which the donor may donate again; null when never (or unknown). */
  nextEligibleOn: z.string().nullable(),
  eligibleToday: z.boolean(),
  /** Why not today, in words (Vietnamese, from the rules). */
  reasons: z.array(z.string()),
  /** The same, with their codes and dates: the page words them in the reader's language. */
  refusals: z.array(refusalView),
  bookings: z.array(selfBooking),
  waitlist: z.array(z.object({ driveId: id, driveTitle: z.string(), status: z.string() })),
});
export const openDrive = z.object({
  id,
  title: z.string(),
  site: z.string(),
  address: z.string().nullable(),
  provinceCode: z.string().nullable(),
  driveDate: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(driveStatuses),
  organiserName: z.string(),
  slots: z.array(slotView),
});
export const selfBookingCreated = bookingCreated;

export type SelfView = z.infer<typeof selfView>;
export type OpenDrive = z.infer<typeof openDrive>;
export type SelfBooking = z.infer<typeof selfBooking>;

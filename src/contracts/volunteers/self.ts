/**
 * The volunteer's own pages (`/api/me/volunteering`) and the sign-in an officer creates for a volunteer
 * (`POST /api/volunteers/:id/account`). Self-registration links and applications: self-signup.ts.
 */
import { z } from 'zod';
import { eventDate, optionalText } from '../common.ts';
import { volunteerIssues, volunteerStatuses } from './common.ts';

/** A username an officer may choose (else suggested from the name: "Nguyễn Văn An" → annv). */
export const accountBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/)
    .optional(),
});

/** The new account; the temporary password is shown once and never stored in clear. */
export const accountCreated = z.object({
  userId: z.number().int(),
  username: z.string(),
  temporaryPassword: z.string(),
});

const day = z.string();

export const myProfileView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  group: z.string(),
  faculty: z.string().nullable(),
  studyYear: z.number().int().nullable(),
  status: z.enum(volunteerStatuses),
  statusSince: day,
  readyDeclaredOn: day.nullable(),
});

export const myQualificationView = z.object({
  profileId: z.number().int(),
  skill: z.string(),
  level: z.string(),
  issuer: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuedOn: day.nullable(),
  expiresOn: day.nullable(),
});

/** A training certificate of the person (read from the training module, not copied). */
export const myCertificateView = z.object({
  id: z.number().int(),
  number: z.string(),
  courseName: z.string(),
  issuedOn: day,
  validUntil: day.nullable(),
  status: z.string(),
});

export const myAvailabilityView = z.object({
  fromDate: day,
  toDate: day,
  available: z.boolean(),
  note: z.string().nullable(),
  declaredBy: z.enum(['self', 'officer']),
});

export const myAssignmentView = z.object({
  id: z.number().int(),
  waveTitle: z.string(),
  destinationName: z.string(),
  site: z.string().nullable(),
  task: z.string().nullable(),
  startsOn: day,
  endsOn: day,
  endedOn: day.nullable(),
  status: z.string(),
  confirmedAt: z.string().nullable(),
  certificateNo: z.string().nullable(),
  certificateIssuedOn: day.nullable(),
  hours: z.number(),
});

export const myShiftView = z.object({
  id: z.number().int(),
  assignmentId: z.number().int(),
  waveTitle: z.string(),
  destinationName: z.string(),
  task: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  hours: z.number().nullable(),
  checkoutMissing: z.boolean(),
});

/** Everything the signed-in person is as a volunteer; `linked` false when the account belongs to no person. */
export const myVolunteeringView = z.object({
  linked: z.boolean(),
  fullName: z.string().nullable(),
  profiles: z.array(myProfileView),
  qualifications: z.array(myQualificationView),
  certificates: z.array(myCertificateView),
  availability: z.array(myAvailabilityView),
  ready: z.boolean(),
  assignments: z.array(myAssignmentView),
  shifts: z.array(myShiftView),
  totalHours: z.number(),
  can: z.object({ editAvailability: z.boolean() }),
});
export type MyVolunteering = z.infer<typeof myVolunteeringView>;

const period = z
  .object({
    fromDate: eventDate,
    toDate: eventDate,
    available: z.boolean().default(true),
    note: optionalText(300),
  })
  .refine((p) => p.toDate >= p.fromDate, { message: volunteerIssues.date_order, path: ['toDate'] });

/** The volunteer's own periods (they replace those they declared before) and "ready to be mobilised". */
export const myAvailabilityBody = z.object({
  periods: z.array(period).max(50),
  ready: z.boolean(),
});

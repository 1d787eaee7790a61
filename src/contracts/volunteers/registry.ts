/**
 * The volunteer registry's contracts (issue 11, capabilities 1–2): profiles kept by institutions on the shared
 * person registry, their qualifications and availability, status over time, and readiness per institution.
 */
import { z } from 'zod';
import {
  birthDate,
  eventDate,
  filterDate,
  id,
  idText,
  int4,
  optionalText,
  pageOf,
  pageQuery,
} from '../common.ts';
import { sexValue } from '../people.ts';
import { skillLevels, volunteerGroups, volunteerSkillCodes, volunteerStatuses } from './common.ts';

const text = (max: number) => optionalText(max);

/** What the institution knows of a volunteer (not the identity: that is the person's). */
export const volunteerFields = z.object({
  group: z.enum(volunteerGroups),
  faculty: text(200),
  studyYear: int4(1, 10).nullish(),
  profession: text(200),
  languages: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  homeProvinceCode: text(10),
  readyDeclaredOn: eventDate.nullish(),
  consentContact: z.boolean().default(false),
  consentOn: eventDate.nullish(),
  note: text(1000),
});

/** A new person typed in the form (the people module's rules check and match it). */
export const volunteerPersonInput = z.object({
  fullName: z.string().max(200),
  birthDate,
  sex: sexValue.nullish(),
  cccd: text(20),
  phone: text(20),
  email: text(254),
});

export const createVolunteerBody = volunteerFields.extend({
  /** The institution that keeps the volunteer; 'volunteer.manage' there. */
  orgId: id,
  /** An existing person the caller sees, or … */
  personId: id.optional(),
  /** … a person to register (linked to a stored identity when it matches one). */
  person: volunteerPersonInput.optional(),
});
export type CreateVolunteerBody = z.output<typeof createVolunteerBody>;

export const updateVolunteerBody = volunteerFields.extend({ version: id });
export type UpdateVolunteerBody = z.output<typeof updateVolunteerBody>;

export const qualificationInput = z.object({
  skill: z.enum(volunteerSkillCodes),
  level: z.enum(skillLevels).default('basic'),
  issuer: text(200),
  documentNo: text(100),
  issuedOn: eventDate.nullish(),
  expiresOn: eventDate.nullish(),
});
export const qualificationsBody = z.object({ items: z.array(qualificationInput).max(30) });
export type QualificationsBody = z.output<typeof qualificationsBody>;

export const availabilityInput = z.object({
  fromDate: eventDate,
  toDate: eventDate,
  available: z.boolean().default(true),
  note: text(300),
});
export const availabilityBody = z.object({ items: z.array(availabilityInput).max(50) });
export type AvailabilityBody = z.output<typeof availabilityBody>;

export const statusBody = z.object({
  to: z.enum(volunteerStatuses),
  onDate: eventDate,
  reason: text(500),
});
export type StatusBody = z.output<typeof statusBody>;

export const volunteerListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  orgId: idText.optional(),
  status: z.enum(volunteerStatuses).optional(),
  group: z.enum(volunteerGroups).optional(),
  skill: z.enum(volunteerSkillCodes).optional(),
});
export type VolunteerListQuery = z.output<typeof volunteerListQuery>;

export const volunteerItem = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  sex: sexValue.nullable(),
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  group: z.enum(volunteerGroups),
  faculty: z.string().nullable(),
  studyYear: z.number().int().nullable(),
  profession: z.string().nullable(),
  homeProvinceCode: z.string().nullable(),
  status: z.enum(volunteerStatuses),
  statusSince: z.string(),
  skills: z.array(z.string()),
});
export type VolunteerItem = z.infer<typeof volunteerItem>;

export const volunteerPage = pageOf(volunteerItem).extend({
  can: z.object({ manage: z.boolean() }),
});

export const qualificationView = z.object({
  id: z.number().int(),
  skill: z.string(),
  level: z.enum(skillLevels),
  issuer: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expired: z.boolean(),
});

/** A certificate of the training module, read live (never copied): a qualification of its course. */
export const trainingCertificateView = z.object({
  id: z.number().int(),
  courseName: z.string(),
  courseNameEn: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  expired: z.boolean(),
});

export const availabilityView = z.object({
  id: z.number().int(),
  fromDate: z.string(),
  toDate: z.string(),
  available: z.boolean(),
  note: z.string().nullable(),
  declaredBy: z.enum(['self', 'officer']),
});

export const volunteerDetail = volunteerItem.extend({
  cccdMasked: z.boolean(),
  languages: z.array(z.string()),
  readyDeclaredOn: z.string().nullable(),
  consentContact: z.boolean(),
  consentOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  qualifications: z.array(qualificationView),
  certificates: z.array(trainingCertificateView),
  availability: z.array(availabilityView),
  /** The statuses a manual change may move to from the current one. */
  nextStatuses: z.array(z.enum(volunteerStatuses)),
  can: z.object({ manage: z.boolean() }),
});
export type VolunteerDetail = z.infer<typeof volunteerDetail>;

export const statusChangeView = z.object({
  id: z.number().int(),
  fromStatus: z.enum(volunteerStatuses).nullable(),
  toStatus: z.enum(volunteerStatuses),
  onDate: z.string(),
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
});

/** `asOf`: each volunteer's status on that day, from the dated history (not after today); none: live counts. */
export const readinessQuery = z.object({ orgId: idText.optional(), asOf: filterDate.optional() });
export type ReadinessQuery = z.infer<typeof readinessQuery>;

const countsByKey = z.record(z.string(), z.number().int());
/**
 * registered: in the registry and not withdrawn (whatever the status); ready and deployed: in that status on the
 * view's day (now, or the `asOf` day from the dated status history).
 */
export const readinessRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  registered: z.number().int(),
  ready: z.number().int(),
  deployed: z.number().int(),
  total: z.number().int(),
  /** group → volunteers registered, ready or deployed. */
  byGroup: countsByKey,
  /** skill → ready volunteers holding it (a valid qualification). */
  bySkill: countsByKey,
});
export const readinessView = z.object({
  /** The unit asked about (none: the caller's whole scope). */
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  /** The day the counts are as of: the `asOf` asked for (from the dated history), or today (live counts). */
  asOf: z.string(),
  /** True when the counts are today's live statuses (no `asOf` asked). */
  live: z.boolean(),
  institutions: z.array(readinessRow),
  totals: readinessRow.omit({ orgId: true, orgName: true }).extend({
    /** Institutions with at least one ready volunteer, and with at least one deployed. */
    institutionsReady: z.number().int(),
    institutionsDeployed: z.number().int(),
  }),
});
export type ReadinessView = z.infer<typeof readinessView>;

/** Manual status changes; 'deployed' is reached only through an assignment (waves/deployment). */
export const statusTransitions: Record<
  (typeof volunteerStatuses)[number],
  (typeof volunteerStatuses)[number][]
> = {
  registered: ['ready', 'withdrawn'],
  ready: ['registered', 'withdrawn'],
  deployed: ['returned', 'stood_down', 'withdrawn'],
  returned: ['ready', 'registered', 'withdrawn'],
  stood_down: ['ready', 'registered', 'withdrawn'],
  withdrawn: ['registered'],
};

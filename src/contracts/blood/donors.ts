import { z } from 'zod';
import { birthDate, eventDate, id, idText, int4, optionalText, pageOf, pageQuery } from '../common.ts';
import { sexValue } from '../people.ts';
import { aboGroups, bloodIssues, donationKinds, donationOutcomes, rhFactors } from './common.ts';

/**
 * Donors (a person of the shared registry with a donor profile) and their donation attempts. Health data —
 * blood group, rare flags, weight, deferral reasons, adverse-event notes — is answered only to callers holding
 * `blood.health` over one of the donor's keepers; others get null (the donor itself stays visible).
 */

const rareFlag = z.string().trim().min(1).max(30);
const contact = z.enum(['sms', 'phone', 'email', 'app', 'none']);
const kg = z.number().min(30, bloodIssues.weight_range).max(200, bloodIssues.weight_range);

/** The donor's health fields (blood.health needed to write or read them). */
const healthFields = {
  abo: z.enum(aboGroups).nullish(),
  rh: z.enum(rhFactors).nullish(),
  groupConfirmedBy: optionalText(200),
  groupConfirmedOn: eventDate.nullish(),
  rareFlags: z.array(rareFlag).max(10).optional(),
  weightKg: kg.nullish(),
  weightOn: eventDate.nullish(),
};
export const donorHealthKeys = Object.keys(healthFields) as (keyof typeof healthFields)[];

const profileFields = {
  ...healthFields,
  /** The union (or employer) the donor is a member of: a named party, counted in its indicators. */
  memberOfOrgId: id.nullish(),
  homeProvinceCode: z.string().trim().max(10).nullish(),
  preferredContact: contact.optional(),
  consentContact: z.boolean().optional(),
  /** The donor consented to the processing of their health data (time recorded by the server). */
  consentHealth: z.boolean().optional(),
};

export const newDonorPerson = z.object({
  fullName: z.string().max(200),
  birthDate: birthDate.nullish(),
  sex: sexValue.nullish(),
  cccd: optionalText(20),
  phone: optionalText(20),
  email: optionalText(254),
});

export const createDonorBody = z.object({
  /** An existing person the caller sees (exactly one of personId and person)… */
  personId: id.optional(),
  /** …or a new one, registered under the people identity rules (a match links instead of duplicating). */
  person: newDonorPerson.optional(),
  /** The organisation keeping the donor (purpose 'blood'): blood.manage needed there. */
  keeperOrgId: id,
  ...profileFields,
});
export type CreateDonorBody = z.output<typeof createDonorBody>;

export const updateDonorBody = z.object({ ...profileFields, version: id });
export type UpdateDonorBody = z.output<typeof updateDonorBody>;

const flag = z.enum(['true', 'false']).optional();
export const donorListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  abo: z.enum(aboGroups).optional(),
  rh: z.enum(rhFactors).optional(),
  rare: flag,
  eligibleToday: flag,
  memberOfOrgId: idText.optional(),
});
export type DonorListQuery = z.output<typeof donorListQuery>;

export const donorView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  donorNo: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  sex: sexValue.nullable(),
  phone: z.string().nullable(),
  keeperName: z.string(),
  memberOfOrgId: z.number().int().nullable(),
  memberOfName: z.string().nullable(),
  homeProvinceCode: z.string().nullable(),
  preferredContact: contact,
  consentContact: z.boolean(),
  consentHealthAt: z.string().nullable(),
  abo: z.enum(aboGroups).nullable(),
  rh: z.enum(rhFactors).nullable(),
  groupConfirmedBy: z.string().nullable(),
  groupConfirmedOn: z.string().nullable(),
  rareFlags: z.array(z.string()).nullable(),
  weightKg: z.number().nullable(),
  weightOn: z.string().nullable(),
  donationCount: z.number().int(),
  lastDonatedOn: z.string().nullable(),
  eligibleToday: z.boolean(),
  nextEligibleOn: z.string().nullable(),
  version: z.number().int(),
  /** Whether health fields were answered (false: they are null because the caller may not read them). */
  healthVisible: z.boolean(),
  can: z.object({ manage: z.boolean(), health: z.boolean() }),
});
export type DonorView = z.infer<typeof donorView>;
export const donorPage = pageOf(donorView).extend({
  can: z.object({ create: z.boolean(), health: z.boolean() }),
});

export const eligibilityQuery = z.object({ kind: z.enum(donationKinds).default('whole_blood') });
export const refusalView = z.object({
  code: z.string(),
  until: z.string().nullable(),
  lastOn: z.string().nullable(),
  lastKind: z.enum(donationKinds).nullable(),
  days: z.number().int().nullable(),
  minKg: z.number().nullable(),
  /** The refusal in words for the donor (Vietnamese). */
  words: z.string(),
});
export const eligibilityView = z.object({
  day: z.string(),
  kind: z.enum(donationKinds),
  eligible: z.boolean(),
  nextEligibleOn: z.string().nullable(),
  maxVolumeMl: z.number().int().nullable(),
  refusals: z.array(refusalView),
});

export const recordDonationBody = z.object({
  personId: id,
  donatedOn: eventDate,
  driveId: id.nullish(),
  site: optionalText(300),
  /** The organiser (union, Red Cross branch, enterprise, school): blood.manage needed there. */
  organiserOrgId: id,
  /** The receiving blood establishment: a named party, may be outside the organiser's tree. */
  establishmentOrgId: id.nullish(),
  kind: z.enum(donationKinds).default('whole_blood'),
  volumeMl: int4(1, 1000).nullish(),
  outcome: z.enum(donationOutcomes),
  deferralReason: z.string().trim().min(1).max(40).nullish(),
  /** The deferral's end when the reason has no fixed days (or to set another). */
  deferralUntil: eventDate.nullish(),
  adverseNote: optionalText(1000),
});
export type RecordDonationBody = z.output<typeof recordDonationBody>;

export const donationView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  donatedOn: z.string(),
  kind: z.enum(donationKinds),
  volumeMl: z.number().int().nullable(),
  outcome: z.enum(donationOutcomes),
  site: z.string().nullable(),
  driveId: z.number().int().nullable(),
  driveTitle: z.string().nullable(),
  organiserName: z.string(),
  establishmentName: z.string().nullable(),
  /** Health data: null without blood.health (each answer that carries one is audited). */
  deferralReason: z.string().nullable(),
  deferralReasonName: z.string().nullable(),
  deferralUntil: z.string().nullable(),
  deferralPermanent: z.boolean(),
  adverseNote: z.string().nullable(),
  certificateNo: z.string().nullable(),
});
export const donationList = z.object({
  items: z.array(donationView),
  donated: z.number().int(),
  healthVisible: z.boolean(),
  can: z.object({ record: z.boolean() }),
});
export const deferralReasonView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  days: z.number().int().nullable(),
  permanent: z.boolean(),
});
export const deferralReasonList = z.object({ items: z.array(deferralReasonView) });

export const donationCertificateParams = z.object({ no: z.string().trim().min(1).max(60) });
/** What the public verification answers: initials, day, site, validity — nothing else. */
export const donationVerifyView = z.object({
  valid: z.boolean(),
  number: z.string(),
  initials: z.string(),
  donatedOn: z.string(),
  site: z.string().nullable(),
  establishmentName: z.string().nullable(),
});

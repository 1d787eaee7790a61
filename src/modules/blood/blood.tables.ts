import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../orgs/orgs.tables.ts';
import { people } from '../people/people.tables.ts';

export const ABO_GROUPS = ['O', 'A', 'B', 'AB'] as const;
export const RH_FACTORS = ['pos', 'neg'] as const;
export const DONATION_KINDS = [
  'whole_blood',
  'red_cells_apheresis',
  'plasma_apheresis',
  'platelets_apheresis',
] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];

/**
 * A person of the shared registry as a blood donor — one profile per person, whoever keeps them (a union, an
 * employer, a club, a blood establishment: each keeps the person through a `person_links` row with purpose
 * 'blood'; visibility follows those links). Blood group, weight and deferrals are HEALTH DATA (Decree 13/2023,
 * PDP Law 2026): read only with `blood.health`, every read of a deferral reason audited, never in URLs or logs.
 */
export const donorProfiles = pgTable(
  'donor_profiles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** Donor number, e.g. issued by the blood establishment ("HM-2021-000123"). */
    donorNo: text('donor_no').notNull(),
    /** ABO and Rh: null until tested; confirmed by whom (establishment) and when. */
    abo: text('abo', { enum: ABO_GROUPS }),
    rh: text('rh', { enum: RH_FACTORS }),
    groupConfirmedBy: text('group_confirmed_by'),
    groupConfirmedOn: date('group_confirmed_on', { mode: 'string' }),
    /** Rare-group flags beyond Rh− (e.g. 'rh_neg', 'kell_neg', 'duffy_neg', 'mia_pos'). */
    rareFlags: text('rare_flags').array().notNull().default(sql`'{}'`),
    /** Last recorded weight (kg) and its day: the volume rules read it. */
    weightKg: numeric('weight_kg', { mode: 'number' }),
    weightOn: date('weight_on', { mode: 'string' }),
    /** The union (or employer) the donor is a member of, for the union's indicators. */
    memberOfOrgId: integer('member_of_org_id').references(() => organisations.id),
    homeProvinceCode: text('home_province_code'),
    preferredContact: text('preferred_contact', { enum: ['sms', 'phone', 'email', 'app', 'none'] })
      .notNull()
      .default('sms'),
    consentContact: boolean('consent_contact').notNull().default(false),
    /** Consent to the processing of health data, its time and the wording's version. */
    consentHealthAt: timestamp('consent_health_at', { withTimezone: true }),
    consentVersion: text('consent_version'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('donor_profiles_person_uq').on(t.personId),
    uniqueIndex('donor_profiles_donor_no_uq').on(t.donorNo),
    index('donor_profiles_group_idx').on(t.abo, t.rh, t.homeProvinceCode),
    index('donor_profiles_member_of_idx').on(t.memberOfOrgId),
  ],
);

export const DONATION_OUTCOMES = ['donated', 'deferred', 'adverse_event'] as const;

/**
 * A donation attempt recorded by the receiving blood establishment or the organiser: donated, deferred (reason,
 * until when, or permanently), or an adverse event. `organiser_path` is a path copy (scope of the organiser's
 * records); `member_of_org_id` is copied at the time, so a union's figures do not move when the donor changes job.
 */
export const bloodDonations = pgTable(
  'blood_donations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    donatedOn: date('donated_on', { mode: 'string' }).notNull(),
    driveId: integer('drive_id'),
    site: text('site'),
    organiserOrgId: integer('organiser_org_id')
      .notNull()
      .references(() => organisations.id),
    organiserPath: ltree('organiser_path').notNull(),
    /** The receiving blood establishment (a named party, may be outside the organiser's tree). */
    establishmentOrgId: integer('establishment_org_id').references(() => organisations.id),
    memberOfOrgId: integer('member_of_org_id').references(() => organisations.id),
    memberOfPath: ltree('member_of_path'),
    kind: text('kind', { enum: DONATION_KINDS }).notNull().default('whole_blood'),
    volumeMl: integer('volume_ml'),
    outcome: text('outcome', { enum: DONATION_OUTCOMES }).notNull(),
    deferralReason: text('deferral_reason'),
    deferralUntil: date('deferral_until', { mode: 'string' }),
    deferralPermanent: boolean('deferral_permanent').notNull().default(false),
    adverseNote: text('adverse_note'),
    /** Certificate of donation (giấy chứng nhận hiến máu) number, verifiable by QR. */
    certificateNo: text('certificate_no'),
    recordedBy: integer('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('blood_donations_person_idx').on(t.personId, t.donatedOn),
    index('blood_donations_organiser_path_gist').using('gist', t.organiserPath),
    index('blood_donations_member_of_path_gist').using('gist', t.memberOfPath),
    index('blood_donations_drive_idx').on(t.driveId),
    uniqueIndex('blood_donations_certificate_uq')
      .on(t.certificateNo)
      .where(sql`${t.certificateNo} IS NOT NULL`),
  ],
);

/**
 * Eligibility limits as dated rows with their legal source (Thông tư 26/2013/TT-BYT): a changed rule is a new row,
 * older donations keep theirs. Keys: min_age, max_age, min_weight_female, min_weight_male, low_weight_max_ml,
 * max_ml_per_kg, max_whole_blood_ml, apheresis_min_weight, apheresis_max_ml, apheresis_max_ml_heavy,
 * apheresis_heavy_weight, interval_after_whole_blood_days, interval_after_red_cells_days,
 * interval_after_plasma_days, interval_after_platelets_days.
 */
export const bloodRules = pgTable(
  'blood_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    legalSource: text('legal_source').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
  },
  (t) => [uniqueIndex('blood_rules_key_from_uq').on(t.key, t.effectiveFrom)],
);

/** Deferral reasons as data: temporary (days) or permanent, with their source. */
export const deferralReasons = pgTable('deferral_reasons', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  days: integer('days'),
  permanent: boolean('permanent').notNull().default(false),
  legalSource: text('legal_source'),
});

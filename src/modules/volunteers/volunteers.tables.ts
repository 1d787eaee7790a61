import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../orgs/orgs.tables.ts';
import { people } from '../people/people.tables.ts';

/** Who a volunteer is at the institution that keeps them (seed 004: staff, lecturers, graduate students, students). */
export const VOLUNTEER_GROUPS = ['staff', 'lecturer', 'graduate_student', 'student', 'other'] as const;
/**
 * A volunteer's state at one institution, over time: registered → ready → deployed → returned | stood_down |
 * withdrawn. Every change is a row of `volunteer_status_changes` (dated, by whom, why) and an audit entry.
 */
export const VOLUNTEER_STATUSES = [
  'registered',
  'ready',
  'deployed',
  'returned',
  'stood_down',
  'withdrawn',
] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/**
 * A person of the shared registry kept as a volunteer by an organisation (a university, a college, a Red Cross
 * branch, a union) — no second person table: the person is `people`, the keeping is a `person_links` row with
 * purpose 'institution' (or 'club'), and this row holds what the institution knows of them as a volunteer.
 * `org_path` is a path copy (the subtree mover moves it); scope is by it.
 */
export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    group: text('grp', { enum: VOLUNTEER_GROUPS }).notNull(),
    /** Faculty or department (Khoa), and the year of study for students. */
    faculty: text('faculty'),
    studyYear: smallint('study_year'),
    /** Profession or speciality (bác sĩ, điều dưỡng, kỹ thuật viên xét nghiệm…). */
    profession: text('profession'),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    /** Home province (2025 code), for sending people near home. */
    homeProvinceCode: text('home_province_code'),
    status: text('status', { enum: VOLUNTEER_STATUSES }).notNull().default('registered'),
    statusSince: date('status_since', { mode: 'string' }).notNull(),
    /** "Ready to be mobilised" as declared by the volunteer, and the day it was declared. */
    readyDeclaredOn: date('ready_declared_on', { mode: 'string' }),
    /** Consent to be contacted for mobilisation (Decree 13/2023: purpose and consent recorded). */
    consentContact: boolean('consent_contact').notNull().default(false),
    consentOn: date('consent_on', { mode: 'string' }),
    note: text('note'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('volunteer_profiles_person_org_uq').on(t.personId, t.orgId),
    index('volunteer_profiles_org_path_gist').using('gist', t.orgPath),
    index('volunteer_profiles_org_status_idx').on(t.orgId, t.status, t.group),
    index('volunteer_profiles_person_idx').on(t.personId),
  ],
);

/** Each status change of a profile, dated; the first row is the registration. */
export const volunteerStatusChanges = pgTable(
  'volunteer_status_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id),
    fromStatus: text('from_status', { enum: VOLUNTEER_STATUSES }),
    toStatus: text('to_status', { enum: VOLUNTEER_STATUSES }).notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    changedBy: integer('changed_by'),
    createdAt: createdAt(),
  },
  (t) => [index('volunteer_status_changes_profile_idx').on(t.profileId, t.onDate)],
);

/** Skill levels a qualification states. */
export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced'] as const;

/**
 * A qualification or skill the institution records for a volunteer (a licence to practise, a lab technician's
 * certificate, a language), with level, issuing body and expiry. Certificates issued in the training module are
 * NOT copied here: they are read from `certificates` and count as qualifications of their course.
 */
export const volunteerQualifications = pgTable(
  'volunteer_qualifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    /** A skill code of the contracts' list (VOLUNTEER_SKILLS). */
    skill: text('skill').notNull(),
    level: text('level', { enum: SKILL_LEVELS }).notNull().default('basic'),
    issuer: text('issuer'),
    documentNo: text('document_no'),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('volunteer_qualifications_uq').on(t.profileId, t.skill),
    index('volunteer_qualifications_skill_idx').on(t.skill, t.profileId),
  ],
);

/** Dated periods a volunteer is (or is not) available in, as they declared them. */
export const volunteerAvailability = pgTable(
  'volunteer_availability',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    available: boolean('available').notNull().default(true),
    note: text('note'),
    /** Who declared it: the volunteer on their own page, or an officer. */
    declaredBy: text('declared_by', { enum: ['self', 'officer'] })
      .notNull()
      .default('officer'),
    createdAt: createdAt(),
  },
  (t) => [index('volunteer_availability_profile_idx').on(t.profileId, t.fromDate)],
);

/** A link an institution shares so people can register themselves; only its hash is stored. */
export const volunteerSignupLinks = pgTable(
  'volunteer_signup_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    tokenHash: text('token_hash').notNull(),
    title: text('title'),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('volunteer_signup_links_token_uq').on(t.tokenHash),
    index('volunteer_signup_links_org_idx').on(t.orgId),
  ],
);

/**
 * A self-registration waiting for an officer: nothing enters the person registry before approval. Consent is
 * recorded with its time and the wording's version.
 */
export const volunteerApplications = pgTable(
  'volunteer_applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    linkId: integer('link_id')
      .notNull()
      .references(() => volunteerSignupLinks.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    cccd: text('cccd'),
    phone: text('phone'),
    email: text('email'),
    group: text('grp', { enum: VOLUNTEER_GROUPS }).notNull(),
    faculty: text('faculty'),
    studyYear: smallint('study_year'),
    skills: text('skills').array().notNull().default(sql`'{}'`),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentVersion: text('consent_version').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    personId: integer('person_id').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('volunteer_applications_org_status_idx').on(t.orgId, t.status),
    index('volunteer_applications_org_path_gist').using('gist', t.orgPath),
  ],
);

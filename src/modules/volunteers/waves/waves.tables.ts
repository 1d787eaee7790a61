import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../../platform/db/columns.ts';
import { organisations } from '../../orgs/orgs.tables.ts';
import { people } from '../../people/people.tables.ts';
import { courseTypes } from '../../training/training.tables.ts';
import { volunteerProfiles } from '../volunteers.tables.ts';

/** draft → open → filled → deployed → closed; stood_down from any state but closed (it stays visible). */
export const WAVE_STATUSES = ['draft', 'open', 'filled', 'deployed', 'closed', 'stood_down'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

/**
 * A mobilisation wave (đợt huy động): an authority asks institutions for volunteers, on a legal basis (decision or
 * order: number, date, signer), for destinations and dates, with skills and head counts, required training topics
 * and a quota per institution. `issuer_path` is a path copy.
 */
export const mobilisationWaves = pgTable(
  'mobilisation_waves',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    issuerOrgId: integer('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    issuerPath: ltree('issuer_path').notNull(),
    title: text('title').notNull(),
    /** Legal basis: "Chỉ đạo của Thứ trưởng Bộ Y tế", its number (may be empty for an oral order), date and signer. */
    basisKind: text('basis_kind', {
      enum: ['decision', 'order', 'official_letter', 'plan', 'other'],
    }).notNull(),
    basisNumber: text('basis_number'),
    basisDate: date('basis_date', { mode: 'string' }).notNull(),
    basisSigner: text('basis_signer').notNull(),
    basisSummary: text('basis_summary'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** Institutions name their volunteers by this day (a number may come first). */
    namesDueOn: date('names_due_on', { mode: 'string' }),
    status: text('status', { enum: WAVE_STATUSES }).notNull().default('draft'),
    statusReason: text('status_reason'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('mobilisation_waves_issuer_path_gist').using('gist', t.issuerPath),
    index('mobilisation_waves_status_idx').on(t.status, t.startsOn),
  ],
);

/**
 * Where volunteers go: a place named as on the wave's date — the administrative unit's code and name as they were
 * then (Bắc Giang and Bắc Ninh were two provinces in 2021; one since 1/7/2025), and optionally a receiving
 * organisation (named party, may be outside the issuer's tree).
 */
export const waveDestinations = pgTable(
  'wave_destinations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    adminUnitCode: text('admin_unit_code').notNull(),
    adminUnitName: text('admin_unit_name').notNull(),
    /** The day the unit's code and name are read as of (the wave's start). */
    adminUnitAsOf: date('admin_unit_as_of', { mode: 'string' }).notNull(),
    /** The unit in today's (2025) list it is now part of, for maps and roll-ups. */
    currentAdminUnitCode: text('current_admin_unit_code'),
    receivingOrgId: integer('receiving_org_id').references(() => organisations.id),
    address: text('address'),
  },
  (t) => [index('wave_destinations_wave_idx').on(t.waveId)],
);

/** A task or skill the wave needs, with a head count. */
export const waveNeeds = pgTable(
  'wave_needs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    headcount: integer('headcount').notNull(),
    destinationId: integer('destination_id').references(() => waveDestinations.id),
  },
  (t) => [uniqueIndex('wave_needs_uq').on(t.waveId, t.skill, t.destinationId)],
);

/** A training topic (a course of the training catalogue) every volunteer of the wave must have completed. */
export const waveTopics = pgTable(
  'wave_topics',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id, { onDelete: 'cascade' }),
    courseTypeId: integer('course_type_id')
      .notNull()
      .references(() => courseTypes.id),
  },
  (t) => [uniqueIndex('wave_topics_uq').on(t.waveId, t.courseTypeId)],
);

/**
 * An institution's quota in a wave, and its answer: a number now (`pledged`) and names by the deadline.
 * `org_path` is a path copy (the institution's), so an institution sees its own requests in its inbox.
 */
export const waveQuotas = pgTable(
  'wave_quotas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    quota: integer('quota').notNull(),
    pledged: integer('pledged'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('wave_quotas_uq').on(t.waveId, t.orgId),
    index('wave_quotas_org_path_gist').using('gist', t.orgPath),
  ],
);

/** Why a proposed volunteer cannot go: each reason with what it is about. */
export type RefusalReason =
  | { code: 'overlap'; assignmentId: number; waveTitle: string; from: string; to: string }
  | { code: 'topic_missing'; courseTypeId: number; courseName: string }
  | { code: 'qualification_expired'; skill: string; expiredOn: string }
  | { code: 'skill_missing'; skill: string }
  | { code: 'not_ready'; status: string }
  | { code: 'unavailable'; from: string; to: string }
  | { code: 'under_age'; birthDate: string };

/**
 * A volunteer an institution names for a wave (against its quota, for a skill): proposed, then accepted
 * (an assignment is made), or refused with its reasons, or withdrawn.
 */
export const waveMembers = pgTable(
  'wave_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id, { onDelete: 'cascade' }),
    quotaId: integer('quota_id')
      .notNull()
      .references(() => waveQuotas.id),
    profileId: integer('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    orgPath: ltree('org_path').notNull(),
    skill: text('skill'),
    status: text('status', { enum: ['proposed', 'accepted', 'refused', 'withdrawn'] })
      .notNull()
      .default('proposed'),
    reasons: jsonb('reasons').$type<RefusalReason[]>().notNull().default([]),
    proposedBy: integer('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wave_members_uq').on(t.waveId, t.personId),
    index('wave_members_quota_idx').on(t.quotaId, t.status),
    index('wave_members_org_path_gist').using('gist', t.orgPath),
  ],
);

export const ASSIGNMENT_STATUSES = ['assigned', 'deployed', 'returned', 'ended_early', 'cancelled'] as const;

/**
 * A volunteer's deployment: destination, site, task, dates, team leader. No person is on two assignments whose
 * dates overlap (an exclusion constraint over `daterange(starts_on, coalesce(ended_on, ends_on), '[]')`, migration
 * 0018), except an override, which carries its reason and who allowed it (audited). `org_path` is the
 * volunteer's institution (path copy), `issuer_path` the wave's.
 */
export const volunteerAssignments = pgTable(
  'volunteer_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    profileId: integer('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id),
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id),
    memberId: integer('member_id').references(() => waveMembers.id),
    destinationId: integer('destination_id')
      .notNull()
      .references(() => waveDestinations.id),
    orgPath: ltree('org_path').notNull(),
    issuerPath: ltree('issuer_path').notNull(),
    site: text('site'),
    task: text('task'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** An early return or a stand-down ends the assignment on this day (the range shrinks). */
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    teamLeaderPersonId: integer('team_leader_person_id').references(() => people.id),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('assigned'),
    /** The volunteer confirmed it on their own page. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    overrideReason: text('override_reason'),
    overriddenBy: integer('overridden_by'),
    /** Number of the participation certificate, once issued (verifiable like the training certificates). */
    certificateNo: text('certificate_no'),
    certificateIssuedOn: date('certificate_issued_on', { mode: 'string' }),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('volunteer_assignments_person_idx').on(t.personId, t.startsOn),
    index('volunteer_assignments_wave_idx').on(t.waveId, t.status),
    index('volunteer_assignments_org_path_gist').using('gist', t.orgPath),
    uniqueIndex('volunteer_assignments_certificate_uq')
      .on(t.certificateNo)
      .where(sql`${t.certificateNo} IS NOT NULL`),
  ],
);

/** Work at a destination split into shifts with a capacity. */
export const volunteerShifts = pgTable(
  'volunteer_shifts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => mobilisationWaves.id),
    destinationId: integer('destination_id')
      .notNull()
      .references(() => waveDestinations.id),
    issuerPath: ltree('issuer_path').notNull(),
    task: text('task'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('volunteer_shifts_wave_idx').on(t.waveId, t.startsAt)],
);

/**
 * A volunteer on a shift, with check-in and check-out. No person is on two overlapping shifts (exclusion
 * constraint over `tstzrange(starts_at, ends_at)`, migration 0018) unless overridden with a reason. A missing
 * check-out is flagged, never turned into a multi-day shift: hours stay empty until an officer corrects them.
 */
export const shiftSignups = pgTable(
  'shift_signups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    shiftId: integer('shift_id')
      .notNull()
      .references(() => volunteerShifts.id),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => volunteerAssignments.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    orgPath: ltree('org_path').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['booked', 'cancelled'] })
      .notNull()
      .default('booked'),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    /** Hours worked, computed from check-in/out (capped at the shift) or corrected by an officer. */
    hours: numeric('hours', { mode: 'number' }),
    checkoutMissing: boolean('checkout_missing').notNull().default(false),
    hoursApprovedBy: integer('hours_approved_by'),
    hoursApprovedAt: timestamp('hours_approved_at', { withTimezone: true }),
    overrideReason: text('override_reason'),
    overriddenBy: integer('overridden_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('shift_signups_shift_idx').on(t.shiftId, t.status),
    index('shift_signups_person_idx').on(t.personId, t.startsAt),
    index('shift_signups_assignment_idx').on(t.assignmentId),
  ],
);

/** Incidents and early returns during a deployment. */
export const assignmentIncidents = pgTable(
  'assignment_incidents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => volunteerAssignments.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: text('kind', {
      enum: ['incident', 'injury', 'illness', 'exposure', 'early_return', 'other'],
    }).notNull(),
    description: text('description').notNull(),
    recordedBy: integer('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('assignment_incidents_assignment_idx').on(t.assignmentId)],
);

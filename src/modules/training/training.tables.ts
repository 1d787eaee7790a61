import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../orgs/orgs.tables.ts';
import { people } from '../people/people.tables.ts';

/**
 * Course rules as data, each with its legal source and dates in force: Red Cross first aid (TT 17/2014),
 * workplace first aid (TT 19/2016), OSH groups 1–6 (NĐ 44/2016), and custom courses of an organisation.
 */
export const courseTypes = pgTable(
  'course_types',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    family: text('family', {
      enum: ['red_cross_first_aid', 'workplace_first_aid', 'osh', 'custom'],
    }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** Tiết (class periods) where the rule counts them, else null. */
    periods: integer('periods'),
    hours: numeric('hours', { mode: 'number' }).notNull(),
    maxLearners: integer('max_learners'),
    minTrainers: integer('min_trainers').notNull().default(1),
    /** A course that must be passed first (level II requires level I). */
    prerequisiteCode: text('prerequisite_code'),
    /** Months a certificate stays valid (null: no expiry). */
    validityMonths: integer('validity_months'),
    /** Months until a refresher is due, and its length. */
    refresherMonths: integer('refresher_months'),
    refresherHours: numeric('refresher_hours', { mode: 'number' }),
    /** Pass mark on a 10-point scale for theory and practice. */
    passMark: numeric('pass_mark', { mode: 'number' }).notNull().default(5),
    certificateKind: text('certificate_kind', { enum: ['certificate', 'safety_card', 'attendance'] })
      .notNull()
      .default('certificate'),
    legalSource: text('legal_source').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    /** Custom courses belong to an organisation; built-in rules have none. */
    ownerOrgId: integer('owner_org_id').references(() => organisations.id),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('course_types_code_uq').on(t.code)],
);

/** Trainers and instructors, with their qualification, at an organisation. */
export const trainers = pgTable(
  'trainers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    /** e.g. first_aid_level_2, first_aid_instructor, osh_trainer, medical_doctor */
    qualification: text('qualification').notNull(),
    /** Course codes this trainer may teach (empty: any of the family the qualification allows). */
    courseCodes: text('course_codes').array().notNull().default(sql`'{}'`),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('trainers_person_org_uq').on(t.personId, t.orgId)],
);

/** An enterprise (or union) asks a provider for training of N people in a course. */
export const trainingRequests = pgTable(
  'training_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requesterOrgId: integer('requester_org_id')
      .notNull()
      .references(() => organisations.id),
    requesterPath: ltree('requester_path').notNull(),
    providerOrgId: integer('provider_org_id')
      .notNull()
      .references(() => organisations.id),
    providerPath: ltree('provider_path').notNull(),
    courseTypeId: integer('course_type_id')
      .notNull()
      .references(() => courseTypes.id),
    learners: integer('learners').notNull(),
    place: text('place'),
    preferredFrom: date('preferred_from', { mode: 'string' }),
    preferredTo: date('preferred_to', { mode: 'string' }),
    notes: text('notes'),
    status: text('status', { enum: ['requested', 'accepted', 'scheduled', 'declined', 'done', 'withdrawn'] })
      .notNull()
      .default('requested'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('training_requests_provider_gist').using('gist', t.providerPath),
    index('training_requests_requester_gist').using('gist', t.requesterPath),
  ],
);

/** A class of a course, run by a provider, possibly for a customer enterprise under a service agreement. */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    requestId: integer('request_id').references(() => trainingRequests.id),
    providerOrgId: integer('provider_org_id')
      .notNull()
      .references(() => organisations.id),
    providerPath: ltree('provider_path').notNull(),
    customerOrgId: integer('customer_org_id').references(() => organisations.id),
    courseTypeId: integer('course_type_id')
      .notNull()
      .references(() => courseTypes.id),
    title: text('title').notNull(),
    venue: text('venue'),
    capacity: integer('capacity').notNull(),
    /** Service agreement: price per learner (VND), amount paid. */
    pricePerLearner: numeric('price_per_learner', { mode: 'number' }).notNull().default(0),
    paidAmount: numeric('paid_amount', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['planned', 'open', 'in_progress', 'completed', 'cancelled'] })
      .notNull()
      .default('planned'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_classes_code_uq').on(t.providerOrgId, t.code),
    index('training_classes_provider_gist').using('gist', t.providerPath),
  ],
);

export const classSessions = pgTable(
  'class_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    hours: numeric('hours', { mode: 'number' }).notNull(),
    topic: text('topic'),
    venue: text('venue'),
  },
  (t) => [index('class_sessions_class_idx').on(t.classId, t.startsAt)],
);

export const classTrainers = pgTable(
  'class_trainers',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id, { onDelete: 'cascade' }),
    trainerId: integer('trainer_id')
      .notNull()
      .references(() => trainers.id),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.trainerId] }),
    index('class_trainers_trainer_idx').on(t.trainerId),
  ],
);

/** A learner in a class: enrolled within capacity or waitlisted (promoted in order), then a result. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['enrolled', 'waitlisted', 'cancelled'] }).notNull(),
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    theoryScore: numeric('theory_score', { mode: 'number' }),
    practiceScore: numeric('practice_score', { mode: 'number' }),
    outcome: text('outcome', { enum: ['pass', 'fail', 'no_show', 'left_early'] }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('enrolments_class_person_uq').on(t.classId, t.personId),
    index('enrolments_person_idx').on(t.personId),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['present', 'absent', 'late', 'left_early'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionId] })],
);

/**
 * Certificates, numbered per issuer and year (e.g. 000123/2026/GCN-TTDVNĐ), valid until the course rule's
 * expiry, verifiable by anyone through an unguessable code in the QR link; revoked or replaced with a reason.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    issuerOrgId: integer('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    issuerPath: ltree('issuer_path').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    enrolmentId: integer('enrolment_id').references(() => enrolments.id),
    courseTypeId: integer('course_type_id')
      .notNull()
      .references(() => courseTypes.id),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    status: text('status', { enum: ['valid', 'revoked', 'replaced'] })
      .notNull()
      .default('valid'),
    statusReason: text('status_reason'),
    replacesId: integer('replaces_id'),
    verifyCode: text('verify_code').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.issuerOrgId, t.year, t.seq),
    uniqueIndex('certificates_verify_uq').on(t.verifyCode),
    /** Search by number, exact or prefix, case and diacritics folded ("000123/2026/gcn-ttdvnd"). */
    index('certificates_number_search_idx').on(sql`lower(ct_unaccent(${t.number})) text_pattern_ops`),
    index('certificates_person_idx').on(t.personId),
    index('certificates_issuer_gist').using('gist', t.issuerPath),
  ],
);

/** The last number used per issuer and year: taken under a row lock, so numbers never repeat or skip. */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    issuerOrgId: integer('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.issuerOrgId, t.year] })],
);

/**
 * An enterprise's headcount as of a date (declared by its HR or its provider): the TT 19/2016 first-aider rule
 * depends on the number of workers and on whether the workplace has strict-OSH jobs. Dated, so the
 * compliance of any day uses the figure in force that day; a new declaration never rewrites an old one.
 */
export const workforceCounts = pgTable(
  'workforce_counts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    workers: integer('workers').notNull(),
    /** The workplace has jobs with strict OSH requirements (nghề, công việc có yêu cầu nghiêm ngặt về ATVSLĐ). */
    strictOsh: boolean('strict_osh').notNull().default(false),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('workforce_counts_org_day_uq').on(t.orgId, t.asOf)],
);

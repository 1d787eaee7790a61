import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, ltree } from '../../../platform/db/columns.ts';
import { organisations } from '../../orgs/orgs.tables.ts';
import { people } from '../../people/people.tables.ts';
import { ABO_GROUPS, RH_FACTORS } from '../blood.tables.ts';

/** Club kinds seed 001 names: rare blood groups, blood-donating families, mobilisers, reserve donors. */
export const CLUB_KINDS = ['rare_blood', 'family', 'mobilisers', 'reserve'] as const;

/** A donor club owned by an organisation (`org_path` path copy). */
export const donorClubs = pgTable(
  'donor_clubs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CLUB_KINDS }).notNull(),
    provinceCode: text('province_code'),
    foundedOn: date('founded_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('donor_clubs_org_path_gist').using('gist', t.orgPath)],
);

export const donorClubMembers = pgTable(
  'donor_club_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clubId: integer('club_id')
      .notNull()
      .references(() => donorClubs.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['member', 'leader', 'mobiliser'] })
      .notNull()
      .default('member'),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('donor_club_members_uq').on(t.clubId, t.personId),
    index('donor_club_members_person_idx').on(t.personId),
  ],
);

/** A club's activity (meeting, drive support, call-out response), for its record. */
export const donorClubActivities = pgTable('donor_club_activities', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  clubId: integer('club_id')
    .notNull()
    .references(() => donorClubs.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  participants: integer('participants'),
  createdAt: createdAt(),
});

/**
 * A rare-blood call-out: a hospital or the blood establishment asks for N units of a group at a place by a time.
 * Eligible members are notified through the platform; the requester never sees their phone numbers or names
 * until they accept (and then only what the donor agreed to).
 */
export const bloodCallouts = pgTable(
  'blood_callouts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requesterOrgId: integer('requester_org_id')
      .notNull()
      .references(() => organisations.id),
    requesterPath: ltree('requester_path').notNull(),
    clubId: integer('club_id').references(() => donorClubs.id),
    abo: text('abo', { enum: ABO_GROUPS }).notNull(),
    rh: text('rh', { enum: RH_FACTORS }).notNull(),
    units: integer('units').notNull(),
    place: text('place').notNull(),
    provinceCode: text('province_code').notNull(),
    neededBy: timestamp('needed_by', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'filled', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('blood_callouts_requester_path_gist').using('gist', t.requesterPath)],
);

export const calloutReplies = pgTable(
  'callout_replies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    calloutId: integer('callout_id')
      .notNull()
      .references(() => bloodCallouts.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['notified', 'accepted', 'declined', 'came', 'no_show'] })
      .notNull()
      .default('notified'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('callout_replies_uq').on(t.calloutId, t.personId)],
);

/**
 * Honour rules as data per deciding body and level (practice varies by province): an individual reaching 20/30/40/70
 * donations, a family reaching 3/5/10/15/20, with the body that decides and the dates in force.
 */
export const honourRules = pgTable(
  'honour_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The organisation whose rule it is (its subtree applies it); null: national default. */
    orgId: integer('org_id').references(() => organisations.id),
    decidingBody: text('deciding_body').notNull(),
    kind: text('kind', { enum: ['individual', 'family'] }).notNull(),
    threshold: integer('threshold').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    legalSource: text('legal_source'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
  },
  (t) => [index('honour_rules_org_idx').on(t.orgId, t.kind, t.threshold)],
);

/** An honour proposed for (and later awarded to) a donor — or a family, through its head — up the tree. */
export const donorHonours = pgTable(
  'donor_honours',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => honourRules.id),
    /** A family honour's family (a club of kind 'family'); the person is its head when proposed. */
    clubId: integer('club_id').references(() => donorClubs.id),
    countAtProposal: integer('count_at_proposal').notNull(),
    proposedByOrgId: integer('proposed_by_org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'awarded', 'rejected'] })
      .notNull()
      .default('proposed'),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('donor_honours_uq').on(t.personId, t.ruleId),
    index('donor_honours_org_path_gist').using('gist', t.orgPath),
  ],
);

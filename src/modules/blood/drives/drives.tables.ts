import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../../platform/db/columns.ts';
import { organisations } from '../../orgs/orgs.tables.ts';
import { people } from '../../people/people.tables.ts';
import { bloodDonations } from '../blood.tables.ts';

/**
 * A blood drive (ngày hội / điểm hiến máu): an organiser (union, Red Cross branch, enterprise, school) with a
 * receiving blood establishment, a site, a day, opening hours, a target in units. A walk-in lane always exists.
 * `organiser_path` is a path copy.
 */
export const bloodDrives = pgTable(
  'blood_drives',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organiserOrgId: integer('organiser_org_id')
      .notNull()
      .references(() => organisations.id),
    organiserPath: ltree('organiser_path').notNull(),
    establishmentOrgId: integer('establishment_org_id').references(() => organisations.id),
    title: text('title').notNull(),
    site: text('site').notNull(),
    address: text('address'),
    provinceCode: text('province_code'),
    driveDate: date('drive_date', { mode: 'string' }).notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
    targetUnits: integer('target_units'),
    status: text('status', { enum: ['planned', 'open', 'closed', 'cancelled'] })
      .notNull()
      .default('planned'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('blood_drives_organiser_path_gist').using('gist', t.organiserPath),
    index('blood_drives_date_idx').on(t.driveDate, t.provinceCode),
  ],
);

/**
 * A time slot of a drive with its capacity (beds × staff). `booked` is a counter moved only by a guarded
 * UPDATE (`booked < capacity`), with a CHECK (`booked <= capacity`, migration): never overbooked, whatever the
 * number of app instances.
 */
export const driveSlots = pgTable(
  'drive_slots',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    driveId: integer('drive_id')
      .notNull()
      .references(() => bloodDrives.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [index('drive_slots_drive_idx').on(t.driveId, t.startsAt)],
);

export const BOOKING_STATUSES = [
  'booked',
  'checked_in',
  'screened',
  'donated',
  'deferred',
  'no_show',
  'cancelled',
  'late_cancelled',
] as const;

/**
 * A donor's place at a drive: in a slot (booked by themself or by staff) or in the walk-in lane (no slot, a queue
 * number). The invitation token (only its hash) is redeemed at the check-in desk. One live booking per person and
 * drive.
 */
export const driveBookings = pgTable(
  'drive_bookings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    driveId: integer('drive_id')
      .notNull()
      .references(() => bloodDrives.id),
    slotId: integer('slot_id').references(() => driveSlots.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    organiserPath: ltree('organiser_path').notNull(),
    channel: text('channel', { enum: ['self', 'staff', 'walk_in'] }).notNull(),
    tokenHash: text('token_hash'),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('booked'),
    queueNo: integer('queue_no'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    screenedAt: timestamp('screened_at', { withTimezone: true }),
    donationId: integer('donation_id').references(() => bloodDonations.id),
    /** The same-day health questionnaire (health data: blood.health only). */
    questionnaire: jsonb('questionnaire').$type<Record<string, boolean | string>>(),
    questionnaireAt: timestamp('questionnaire_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('drive_bookings_live_uq')
      .on(t.driveId, t.personId)
      .where(sql`${t.status} NOT IN ('cancelled', 'late_cancelled')`),
    uniqueIndex('drive_bookings_token_uq').on(t.tokenHash).where(sql`${t.tokenHash} IS NOT NULL`),
    index('drive_bookings_drive_status_idx').on(t.driveId, t.status),
    index('drive_bookings_person_idx').on(t.personId),
  ],
);

/** When slots are full: a place on the waitlist (or interest in the next drive), offered in order. */
export const driveWaitlist = pgTable(
  'drive_waitlist',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    driveId: integer('drive_id')
      .notNull()
      .references(() => bloodDrives.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['waiting', 'offered', 'booked', 'expired'] })
      .notNull()
      .default('waiting'),
    nextDrive: boolean('next_drive').notNull().default(false),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('drive_waitlist_uq').on(t.driveId, t.personId),
    index('drive_waitlist_order_idx').on(t.driveId, t.createdAt),
  ],
);

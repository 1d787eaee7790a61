import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { personVisibleSql } from '../../people/index.ts';
import { donorVisibleSql } from '../donors/donors.repo.ts';
import { factsAndRules, factsAndRulesSql } from '../donors/eligibility.repo.ts';
import type { BloodRuleSet, DonorFacts } from '../donors/eligibility.rules.ts';
import { type DriveRow, vnIso } from './drives.repo.ts';

/** SQL of bookings: the slot counter (never read-then-write), the bookings, the waitlist. */

export type BookingRow = {
  id: number;
  driveId: number;
  driveTitle: string;
  slotId: number | null;
  slotStartsAt: string | null;
  slotEndsAt: string | null;
  personId: number;
  fullName: string;
  phone: string | null;
  channel: 'self' | 'staff' | 'walk_in';
  status:
    | 'booked'
    | 'checked_in'
    | 'screened'
    | 'donated'
    | 'deferred'
    | 'no_show'
    | 'cancelled'
    | 'late_cancelled';
  queueNo: number | null;
  checkedInAt: string | null;
  hasQuestionnaire: boolean;
  organiserPath: string;
};

/** A booking's columns, from `b` (drive_bookings), `dr` (blood_drives), `p` (people) and `s` (drive_slots). */
const bookingColumns = sql`b.id, b.drive_id AS "driveId", dr.title AS "driveTitle", b.slot_id AS "slotId",
    ${vnIso(sql`s.starts_at`)} AS "slotStartsAt", ${vnIso(sql`s.ends_at`)} AS "slotEndsAt",
    b.person_id AS "personId", p.full_name AS "fullName", p.phone, b.channel, b.status, b.queue_no AS "queueNo",
    ${vnIso(sql`b.checked_in_at`)} AS "checkedInAt", b.questionnaire IS NOT NULL AS "hasQuestionnaire",
    b.organiser_path::text AS "organiserPath"`;

const bookingSelect = sql`SELECT ${bookingColumns}
  FROM drive_bookings b JOIN blood_drives dr ON dr.id = b.drive_id JOIN people p ON p.id = b.person_id LEFT JOIN drive_slots s ON s.id = b.slot_id`;

export type BookingChecks = {
  /** What booking needs of the drive: its status, day and organiser. */
  drive: Pick<DriveRow, 'id' | 'driveDate' | 'status' | 'organiserOrgId' | 'organiserPath'>;
  /** The drive's organiser lies in the caller's scope. */
  driveInScope: boolean;
  /** The person is an active person of the registry that the caller's scope sees. */
  personInScope: boolean;
  /**
   * The person's donor profile is kept (an active 'blood' link) in the caller's blood.health scope: the caller
   * reads their health data already, as the donor's views (`canHealth`).
   */
  healthReadable: boolean;
  /** The person holds a live booking at the drive. */
  alreadyBooked: boolean;
  /** When the slot starts ("…+07:00"); null when there is no such slot in the drive. */
  slotStartsAt: string | null;
  facts: DonorFacts;
  rules: BloodRuleSet;
};

/**
 * Everything a booking checks before it takes a place, in ONE read: the drive (in `scope`?), the person (active
 * and seen by `scope`? health data readable in `healthScope`?), the person's live booking at the drive, the slot
 * (of this drive), and the person's eligibility facts with the rules in force on the drive's day. Undefined when
 * there is no such drive.
 */
export async function bookingChecks(
  db: Db | Tx,
  b: { driveId: number; slotId: number; personId: number; scope: Scope; healthScope: Scope },
): Promise<BookingChecks | undefined> {
  type Row = Parameters<typeof factsAndRules>[0] &
    BookingChecks['drive'] &
    Pick<
      BookingChecks,
      'driveInScope' | 'personInScope' | 'healthReadable' | 'alreadyBooked' | 'slotStartsAt'
    >;
  const [row] = await rows<Row>(
    db,
    sql`SELECT dr.id, dr.drive_date::text AS "driveDate", dr.status, dr.organiser_org_id AS "organiserOrgId",
          dr.organiser_path::text AS "organiserPath", ${scopeSql(b.scope, sql`dr.organiser_path`)} AS "driveInScope",
          EXISTS (SELECT 1 FROM people p WHERE p.id = ${b.personId} AND p.status = 'active'
                    AND ${personVisibleSql(b.scope)}) AS "personInScope",
          ${donorVisibleSql(b.healthScope, sql`${b.personId}::int`)} AS "healthReadable",
          EXISTS (SELECT 1 FROM drive_bookings x WHERE x.drive_id = dr.id AND x.person_id = ${b.personId}
                    AND x.status NOT IN ('cancelled', 'late_cancelled')) AS "alreadyBooked",
          (SELECT ${vnIso(sql`s.starts_at`)} FROM drive_slots s WHERE s.id = ${b.slotId} AND s.drive_id = dr.id)
            AS "slotStartsAt",
          f.*
        FROM blood_drives dr CROSS JOIN LATERAL (${factsAndRulesSql(b.personId, sql`dr.drive_date`)}) f
        WHERE dr.id = ${b.driveId}`,
  );
  if (!row) return undefined;
  const { id, driveDate, status, organiserOrgId, organiserPath } = row;
  return {
    drive: { id, driveDate, status, organiserOrgId, organiserPath },
    driveInScope: row.driveInScope,
    personInScope: row.personInScope,
    healthReadable: row.healthReadable,
    alreadyBooked: row.alreadyBooked,
    slotStartsAt: row.slotStartsAt,
    ...factsAndRules(row),
  };
}

/** Inside `bookPlace`'s statement: true when it booked, and the new booking's id — for the caller's statements. */
export const booked = { made: sql`EXISTS (SELECT 1 FROM b)`, id: sql`(SELECT id FROM b)` };

/**
 * Books a place in ONE statement, atomic on its own (no BEGIN/COMMIT round trips; the slot's row lock is held
 * only while it runs and commits): the guarded counter `UPDATE … WHERE booked < capacity RETURNING` (the only
 * writer of `booked` upwards, never read-then-write: concurrent takers queue on the row lock and re-check after
 * it, whatever the number of app instances), the booking inserted from what it returned (the unique live index
 * refuses a second live booking of the person: 23505, and nothing is written), the waiter marked booked, and
 * `also` — the caller's statements (its link, its audit entry), gated on `booked.made`. Answers the booking, or
 * undefined when the slot is full (or not the drive's).
 */
export async function bookPlace(
  db: Db | Tx,
  n: {
    driveId: number;
    slotId: number;
    personId: number;
    organiserPath: string;
    channel: 'self' | 'staff';
    tokenHash: string | null;
    createdBy: number;
  },
  also: SQL[] = [],
): Promise<BookingRow | undefined> {
  const [row] = await rows<BookingRow>(
    db,
    sql`WITH s AS (
          UPDATE drive_slots SET booked = booked + 1
          WHERE id = ${n.slotId} AND drive_id = ${n.driveId} AND booked < capacity
          RETURNING id, starts_at, ends_at
        ), b AS (
          INSERT INTO drive_bookings (drive_id, slot_id, person_id, organiser_path, channel, token_hash, status,
                                      created_by)
          SELECT ${n.driveId}, s.id, ${n.personId}, ${n.organiserPath}::ltree, ${n.channel}, ${n.tokenHash}, 'booked',
                 ${n.createdBy}::int
          FROM s
          RETURNING *
        ), w AS (
          UPDATE drive_waitlist SET status = 'booked'
          WHERE drive_id = ${n.driveId} AND person_id = ${n.personId} AND ${booked.made}
        )${sql.join(
          also.map((q, i) => sql`, ${sql.raw(`also_${i}`)} AS (${q})`),
          sql``,
        )}
        SELECT ${bookingColumns}
        FROM b JOIN s ON s.id = b.slot_id JOIN blood_drives dr ON dr.id = b.drive_id JOIN people p ON p.id = b.person_id`,
  );
  return row;
}

/**
 * Takes one place in the slot, in the booking's transaction: the guarded UPDATE is the only writer of `booked`
 * upwards. Concurrent takers queue on the row lock and re-check `booked < capacity` after it: never overbooked,
 * whatever the number of app instances. False when the slot is full (or not the drive's).
 */
export async function takePlace(tx: Tx, driveId: number, slotId: number): Promise<boolean> {
  const got = await rows<{ id: number }>(
    tx,
    sql`UPDATE drive_slots SET booked = booked + 1
        WHERE id = ${slotId} AND drive_id = ${driveId} AND booked < capacity RETURNING id`,
  );
  return got.length === 1;
}

/** Gives a place back (a cancellation, a move). */
export async function releasePlace(tx: Tx, slotId: number): Promise<void> {
  await tx.execute(sql`UPDATE drive_slots SET booked = booked - 1 WHERE id = ${slotId} AND booked > 0`);
}

export async function insertBooking(
  tx: Tx,
  b: {
    driveId: number;
    slotId: number | null;
    personId: number;
    organiserPath: string;
    channel: 'self' | 'staff' | 'walk_in';
    tokenHash: string | null;
    status?: 'booked' | 'checked_in';
    queueNo?: number | null;
    checkedInAt?: Date | null;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO drive_bookings (drive_id, slot_id, person_id, organiser_path, channel, token_hash, status,
          queue_no, checked_in_at, created_by)
        VALUES (${b.driveId}, ${b.slotId}, ${b.personId}, ${b.organiserPath}::ltree, ${b.channel}, ${b.tokenHash},
          ${b.status ?? 'booked'}, ${b.queueNo ?? null}, ${b.checkedInAt?.toISOString() ?? null}::timestamptz,
          ${b.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

/** A booking of the drive (undefined when it is another drive's); `forUpdate` locks it. */
export async function findBooking(db: Db | Tx, driveId: number, id: number, forUpdate = false) {
  const [row] = await rows<BookingRow>(
    db,
    sql`${bookingSelect} WHERE b.id = ${id} AND b.drive_id = ${driveId} ${forUpdate ? sql`FOR UPDATE OF b` : sql``}`,
  );
  return row;
}

/** A person's own booking (any drive), for the donor's page. */
export async function findOwnBooking(db: Db | Tx, personId: number, id: number, forUpdate = false) {
  const [row] = await rows<BookingRow>(
    db,
    sql`${bookingSelect} WHERE b.id = ${id} AND b.person_id = ${personId} ${forUpdate ? sql`FOR UPDATE OF b` : sql``}`,
  );
  return row;
}

export async function findBookingByToken(tx: Tx, driveId: number, tokenHash: string) {
  const [row] = await rows<BookingRow>(
    tx,
    sql`${bookingSelect} WHERE b.token_hash = ${tokenHash} AND b.drive_id = ${driveId} FOR UPDATE OF b`,
  );
  return row;
}

/** The live booking of a person at a drive, if any. */
export async function liveBookingOf(db: Db | Tx, driveId: number, personId: number) {
  const [row] = await rows<BookingRow>(
    db,
    sql`${bookingSelect} WHERE b.drive_id = ${driveId} AND b.person_id = ${personId}
          AND b.status NOT IN ('cancelled', 'late_cancelled')`,
  );
  return row;
}

export async function listBookings(db: Db, driveId: number): Promise<BookingRow[]> {
  return rows<BookingRow>(
    db,
    sql`${bookingSelect} WHERE b.drive_id = ${driveId} ORDER BY s.starts_at NULLS LAST, b.queue_no NULLS LAST, b.id`,
  );
}

export async function setBookingStatus(
  tx: Tx,
  id: number,
  status: BookingRow['status'],
  extra: {
    checkedInAt?: Date;
    screenedAt?: Date;
    cancelledAt?: Date;
    queueNo?: number;
    donationId?: number;
  } = {},
) {
  await tx.execute(
    sql`UPDATE drive_bookings SET status = ${status},
          checked_in_at = coalesce(${extra.checkedInAt?.toISOString() ?? null}::timestamptz, checked_in_at),
          screened_at = coalesce(${extra.screenedAt?.toISOString() ?? null}::timestamptz, screened_at),
          cancelled_at = coalesce(${extra.cancelledAt?.toISOString() ?? null}::timestamptz, cancelled_at),
          queue_no = coalesce(${extra.queueNo ?? null}::int, queue_no),
          donation_id = coalesce(${extra.donationId ?? null}::int, donation_id)
        WHERE id = ${id}`,
  );
}

export async function setBookingSlot(tx: Tx, id: number, slotId: number) {
  await tx.execute(sql`UPDATE drive_bookings SET slot_id = ${slotId} WHERE id = ${id}`);
}

export async function setQuestionnaire(tx: Tx, id: number, answers: Record<string, boolean>, at: Date) {
  await tx.execute(
    sql`UPDATE drive_bookings SET questionnaire = ${JSON.stringify(answers)}::jsonb,
          questionnaire_at = ${at.toISOString()}::timestamptz WHERE id = ${id}`,
  );
}

/** The next queue number of the drive's day (the caller holds the drive's row lock). */
export async function nextQueueNo(tx: Tx, driveId: number): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`SELECT coalesce(max(queue_no), 0)::int + 1 AS n FROM drive_bookings WHERE drive_id = ${driveId}`,
  );
  return row!.n;
}

// ——— Waitlist ———

export type WaitRow = {
  id: number;
  driveId: number;
  personId: number;
  status: 'waiting' | 'offered' | 'booked' | 'expired';
  nextDrive: boolean;
  position: number;
};

/** Joins the waitlist (once per person and drive: undefined when already on it). */
export async function joinWaitlist(tx: Tx, driveId: number, personId: number, nextDrive: boolean) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO drive_waitlist (drive_id, person_id, next_drive) VALUES (${driveId}, ${personId}, ${nextDrive})
        ON CONFLICT (drive_id, person_id) DO NOTHING RETURNING id`,
  );
  if (!row) return undefined;
  const [w] = await rows<WaitRow>(
    tx,
    sql`SELECT w.id, w.drive_id AS "driveId", w.person_id AS "personId", w.status, w.next_drive AS "nextDrive",
          (SELECT count(*) FROM drive_waitlist x WHERE x.drive_id = w.drive_id AND x.status = 'waiting'
             AND (x.created_at, x.id) <= (w.created_at, w.id))::int AS position
        FROM drive_waitlist w WHERE w.id = ${row.id}`,
  );
  return w;
}

/**
 * Offers a freed place to the first waiter (oldest first): marks them offered and answers their person id and
 * their sign-in accounts, to notify. SKIP LOCKED: two places freed at once go to two waiters.
 */
export async function offerFirstWaiter(tx: Tx, driveId: number, at: Date) {
  const [w] = await rows<{ id: number; personId: number; userIds: number[] }>(
    tx,
    sql`WITH first AS (
          SELECT id FROM drive_waitlist WHERE drive_id = ${driveId} AND status = 'waiting'
          ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
        )
        UPDATE drive_waitlist w SET status = 'offered', offered_at = ${at.toISOString()}::timestamptz
        FROM first WHERE w.id = first.id
        RETURNING w.id, w.person_id AS "personId",
          coalesce((SELECT array_agg(u.id) FROM users u WHERE u.person_id = w.person_id AND u.is_active), '{}') AS "userIds"`,
  );
  return w;
}

/** Sign-in accounts of a person (users.person_id): whom to notify. */
export async function userIdsOfPerson(db: Db | Tx, personId: number): Promise<number[]> {
  const got = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM users WHERE person_id = ${personId} AND is_active`,
  );
  return got.map((r) => r.id);
}

import { sql } from 'drizzle-orm';
import type { SelfBooking } from '../../../contracts/blood/self.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { vnIso } from '../drives/drives.repo.ts';

/** SQL of the donor's own page: everything here is filtered by the signed-in person, never by a scope. */

/** The person a sign-in belongs to (users.person_id), with their name. */
export async function personOfUser(db: Db | Tx, userId: number) {
  const [row] = await rows<{ personId: number | null; fullName: string | null }>(
    db,
    sql`SELECT u.person_id AS "personId", p.full_name AS "fullName"
        FROM users u LEFT JOIN people p ON p.id = u.person_id AND p.status = 'active' WHERE u.id = ${userId}`,
  );
  return row?.personId && row.fullName ? { personId: row.personId, fullName: row.fullName } : undefined;
}

export async function ownDonations(db: Db, personId: number) {
  return rows<{
    id: number;
    donatedOn: string;
    site: string | null;
    kind: string;
    volumeMl: number | null;
    outcome: string;
    certificateNo: string | null;
  }>(
    db,
    sql`SELECT d.id, d.donated_on::text AS "donatedOn", d.site, d.kind, d.volume_ml AS "volumeMl", d.outcome,
          CASE WHEN d.outcome = 'donated' THEN d.certificate_no END AS "certificateNo"
        FROM blood_donations d WHERE d.person_id = ${personId} ORDER BY d.donated_on DESC, d.id DESC`,
  );
}

/** One of the person's own donations, when it has a certificate (else nothing: another's is not found). */
export async function ownCertifiedDonation(db: Db, personId: number, donationId: number) {
  const [row] = await rows<{ id: number }>(
    db,
    sql`SELECT d.id FROM blood_donations d
        WHERE d.id = ${donationId} AND d.person_id = ${personId} AND d.outcome = 'donated'
          AND d.certificate_no IS NOT NULL`,
  );
  return row;
}

export async function ownBookings(db: Db, personId: number) {
  return rows<Omit<SelfBooking, 'canChange'>>(
    db,
    sql`SELECT b.id, b.drive_id AS "driveId", d.title AS "driveTitle", d.site, d.address,
          d.drive_date::text AS "driveDate", b.slot_id AS "slotId", ${vnIso(sql`s.starts_at`)} AS "slotStartsAt",
          ${vnIso(sql`s.ends_at`)} AS "slotEndsAt", b.status, b.questionnaire IS NOT NULL AS "questionnaireAnswered"
        FROM drive_bookings b JOIN blood_drives d ON d.id = b.drive_id LEFT JOIN drive_slots s ON s.id = b.slot_id
        WHERE b.person_id = ${personId} ORDER BY d.drive_date DESC, b.id DESC LIMIT 50`,
  );
}

export async function ownWaitlist(db: Db, personId: number) {
  return rows<{ driveId: number; driveTitle: string; status: string }>(
    db,
    sql`SELECT w.drive_id AS "driveId", d.title AS "driveTitle", w.status
        FROM drive_waitlist w JOIN blood_drives d ON d.id = w.drive_id
        WHERE w.person_id = ${personId} AND w.status IN ('waiting', 'offered') ORDER BY w.created_at`,
  );
}

/** Drives open for booking from `today` on, with their slots still to start (free places), soonest first. */
export async function openDrives(db: Db, today: string, now: Date) {
  return rows<{
    id: number;
    title: string;
    site: string;
    address: string | null;
    provinceCode: string | null;
    driveDate: string;
    opensAt: string;
    closesAt: string;
    status: 'open';
    organiserName: string;
    slots: { id: number; startsAt: string; endsAt: string; capacity: number; booked: number; free: number }[];
  }>(
    db,
    sql`SELECT d.id, d.title, d.site, d.address, d.province_code AS "provinceCode", d.drive_date::text AS "driveDate",
          to_char(d.opens_at, 'HH24:MI') AS "opensAt", to_char(d.closes_at, 'HH24:MI') AS "closesAt", d.status,
          o.name AS "organiserName",
          coalesce((SELECT json_agg(json_build_object('id', s.id, 'startsAt', ${vnIso(sql`s.starts_at`)},
                      'endsAt', ${vnIso(sql`s.ends_at`)}, 'capacity', s.capacity, 'booked', s.booked,
                      'free', s.capacity - s.booked) ORDER BY s.starts_at)
                    FROM drive_slots s WHERE s.drive_id = d.id AND s.starts_at > ${now.toISOString()}::timestamptz), '[]'::json) AS slots
        FROM blood_drives d JOIN organisations o ON o.id = d.organiser_org_id
        WHERE d.status = 'open' AND d.drive_date >= ${today}::date
        ORDER BY d.drive_date, d.id LIMIT 100`,
  );
}

/** An open drive by id (any organiser: a donor books where they like), for booking. */
export async function openDrive(db: Db | Tx, id: number) {
  const [row] = await rows<{
    id: number;
    title: string;
    driveDate: string;
    status: 'planned' | 'open' | 'closed' | 'cancelled';
    organiserOrgId: number;
    organiserPath: string;
  }>(
    db,
    sql`SELECT id, title, drive_date::text AS "driveDate", status, organiser_org_id AS "organiserOrgId",
          organiser_path::text AS "organiserPath" FROM blood_drives WHERE id = ${id} AND status = 'open'`,
  );
  return row;
}

/** Booked donors with a sign-in whose slot is on `day` (Vietnamese day), for the day-before reminder. */
export async function slotsOnDay(db: Db, day: string) {
  return rows<{ bookingId: number; userId: number; driveTitle: string; site: string; startsAt: string }>(
    db,
    sql`SELECT b.id AS "bookingId", u.id AS "userId", d.title AS "driveTitle", d.site,
          ${vnIso(sql`s.starts_at`)} AS "startsAt"
        FROM drive_bookings b JOIN drive_slots s ON s.id = b.slot_id JOIN blood_drives d ON d.id = b.drive_id
        JOIN users u ON u.person_id = b.person_id AND u.is_active
        WHERE b.status = 'booked' AND d.status = 'open' AND d.drive_date = ${day}::date`,
  );
}

/**
 * Donors with a sign-in whose last donation lies between `from` and `to` (the window in which the longest
 * interval can end today): the daily job checks each with the rules.
 */
export async function recentDonorsWithAccount(db: Db, from: string, to: string) {
  return rows<{ personId: number; userIds: number[] }>(
    db,
    sql`SELECT u.person_id AS "personId", array_agg(u.id ORDER BY u.id) AS "userIds" FROM users u
        WHERE u.is_active AND u.person_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM blood_donations d WHERE d.person_id = u.person_id AND d.outcome <> 'deferred'
            AND d.donated_on BETWEEN ${from}::date AND ${to}::date)
        GROUP BY u.person_id`,
  );
}

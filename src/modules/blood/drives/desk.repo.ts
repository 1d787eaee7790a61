import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';

/** SQL of the check-in desk: deferral reasons, the donation row, no-shows. */

export type ReasonRow = {
  code: string;
  nameVi: string;
  nameEn: string;
  days: number | null;
  permanent: boolean;
};

export async function listReasons(db: Db | Tx): Promise<ReasonRow[]> {
  return rows<ReasonRow>(
    db,
    sql`SELECT code, name_vi AS "nameVi", name_en AS "nameEn", days, permanent FROM deferral_reasons ORDER BY name_vi`,
  );
}

/**
 * Writes the attempt's `blood_donations` row at the desk (donated or deferred). A LOCAL writer of the drives
 * helper: the donors helper (BA) owns donations; the lead unifies this with BA's writer. The union the donor is
 * a member of is copied from the donor profile at the time (so its figures do not move later).
 */
export async function insertDonation(
  tx: Tx,
  d: {
    personId: number;
    donatedOn: string;
    driveId: number;
    site: string;
    organiserOrgId: number;
    organiserPath: string;
    establishmentOrgId: number | null;
    kind: string;
    volumeMl: number | null;
    outcome: 'donated' | 'deferred';
    deferralReason: string | null;
    deferralUntil: string | null;
    deferralPermanent: boolean;
    recordedBy: number;
  },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO blood_donations (person_id, donated_on, drive_id, site, organiser_org_id, organiser_path,
          establishment_org_id, member_of_org_id, member_of_path, kind, volume_ml, outcome, deferral_reason,
          deferral_until, deferral_permanent, recorded_by)
        SELECT ${d.personId}, ${d.donatedOn}::date, ${d.driveId}, ${d.site}, ${d.organiserOrgId},
          ${d.organiserPath}::ltree, ${d.establishmentOrgId}, m.id, m.path, ${d.kind}, ${d.volumeMl}, ${d.outcome},
          ${d.deferralReason}, ${d.deferralUntil}::date, ${d.deferralPermanent}, ${d.recordedBy}
        FROM (SELECT 1) one
        LEFT JOIN donor_profiles dp ON dp.person_id = ${d.personId}
        LEFT JOIN organisations m ON m.id = dp.member_of_org_id
        RETURNING id`,
  );
  return row!.id;
}

/**
 * Bookings still 'booked' whose slot ended before `now` become no-shows, in one statement; answers them by
 * drive (for one audit entry each).
 */
export async function markNoShows(tx: Tx | Db, now: Date) {
  return rows<{ driveId: number; organiserPath: string; ids: number[] }>(
    tx,
    sql`WITH gone AS (
          UPDATE drive_bookings b SET status = 'no_show'
          FROM drive_slots s
          WHERE s.id = b.slot_id AND b.status = 'booked' AND s.ends_at <= ${now.toISOString()}::timestamptz
          RETURNING b.id, b.drive_id, b.organiser_path
        )
        SELECT drive_id AS "driveId", organiser_path::text AS "organiserPath", array_agg(id ORDER BY id) AS ids
        FROM gone GROUP BY drive_id, organiser_path`,
  );
}

/** Whether the booking's slot has ended at `now`. */
export async function slotEnded(db: Db | Tx, slotId: number, now: Date): Promise<boolean> {
  const [row] = await rows<{ ended: boolean }>(
    db,
    sql`SELECT ends_at <= ${now.toISOString()}::timestamptz AS ended FROM drive_slots WHERE id = ${slotId}`,
  );
  return row?.ended ?? false;
}

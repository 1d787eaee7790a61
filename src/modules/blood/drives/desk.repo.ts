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

import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { vnIso } from './drives.repo.ts';

export type FunnelRow = {
  slotId: number | null;
  startsAt: string | null;
  capacity: number | null;
  targetUnits: number | null;
  organiserPath: string;
  registered: number;
  checkedIn: number;
  screened: number;
  donated: number;
  deferred: number;
  noShow: number;
  cancelled: number;
  lateCancelled: number;
  walkIns: number;
};

/**
 * A drive's funnel in ONE statement, per slot plus the walk-in lane (slot null): the drive's scope check, its
 * slots and its bookings (on drive_bookings_drive_status_idx). No row: the drive is missing or out of scope.
 * "Screened" counts every booking that passed screening (screened, donated, deferred).
 */
export async function funnel(db: Db, scope: Scope, driveId: number): Promise<FunnelRow[]> {
  return rows<FunnelRow>(
    db,
    sql`WITH d AS (
          SELECT id, target_units, organiser_path FROM blood_drives WHERE id = ${driveId} AND ${scopeSql(scope, sql`organiser_path`)}
        ), s AS (
          SELECT s.id, s.starts_at, s.capacity FROM drive_slots s JOIN d ON d.id = s.drive_id
        ), b AS (
          SELECT b.slot_id, b.status, b.channel, b.checked_in_at, b.screened_at
          FROM drive_bookings b JOIN d ON d.id = b.drive_id
        )
        SELECT s.id AS "slotId", ${vnIso(sql`s.starts_at`)} AS "startsAt", s.capacity,
          (SELECT target_units FROM d) AS "targetUnits", (SELECT organiser_path::text FROM d) AS "organiserPath",
          count(b.status) FILTER (WHERE b.status NOT IN ('cancelled', 'late_cancelled'))::int AS registered,
          count(b.checked_in_at)::int AS "checkedIn",
          count(b.status) FILTER (WHERE b.status IN ('screened', 'donated', 'deferred'))::int AS screened,
          count(b.status) FILTER (WHERE b.status = 'donated')::int AS donated,
          count(b.status) FILTER (WHERE b.status = 'deferred')::int AS deferred,
          count(b.status) FILTER (WHERE b.status = 'no_show')::int AS "noShow",
          count(b.status) FILTER (WHERE b.status = 'cancelled')::int AS cancelled,
          count(b.status) FILTER (WHERE b.status = 'late_cancelled')::int AS "lateCancelled",
          count(b.status) FILTER (WHERE b.channel = 'walk_in')::int AS "walkIns"
        FROM s FULL JOIN b ON b.slot_id = s.id
        WHERE EXISTS (SELECT 1 FROM d)
        GROUP BY s.id, s.starts_at, s.capacity
        ORDER BY s.starts_at NULLS LAST`,
  );
}

/** Whether the drive exists in the scope (for an empty funnel: a drive with no slot and no booking). */
export async function driveVisible(db: Db, scope: Scope, driveId: number): Promise<boolean> {
  const got = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM blood_drives WHERE id = ${driveId} AND ${scopeSql(scope, sql`organiser_path`)}`,
  );
  return got.length === 1;
}

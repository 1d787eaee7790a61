import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/** SQL of drives and their slots. Times are answered as Vietnamese wall-clock ISO strings ("…T07:30:00+07:00"). */

export const vnIso = (col: SQL) =>
  sql`to_char((${col} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"')`;

export type DriveRow = {
  id: number;
  title: string;
  site: string;
  address: string | null;
  provinceCode: string | null;
  driveDate: string;
  opensAt: string;
  closesAt: string;
  status: 'planned' | 'open' | 'closed' | 'cancelled';
  organiserOrgId: number;
  organiserName: string;
  organiserPath: string;
  establishmentOrgId: number | null;
  establishmentName: string | null;
  targetUnits: number | null;
  version: number;
  capacity: number;
  booked: number;
};

export type SlotRow = {
  id: number;
  driveId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  free: number;
};

const driveSelect = sql`SELECT d.id, d.title, d.site, d.address, d.province_code AS "provinceCode",
    d.drive_date::text AS "driveDate", to_char(d.opens_at, 'HH24:MI') AS "opensAt",
    to_char(d.closes_at, 'HH24:MI') AS "closesAt", d.status, d.organiser_org_id AS "organiserOrgId",
    o.name AS "organiserName", d.organiser_path::text AS "organiserPath",
    d.establishment_org_id AS "establishmentOrgId", e.name AS "establishmentName",
    d.target_units AS "targetUnits", d.version,
    coalesce((SELECT sum(s.capacity) FROM drive_slots s WHERE s.drive_id = d.id), 0)::int AS capacity,
    coalesce((SELECT sum(s.booked) FROM drive_slots s WHERE s.drive_id = d.id), 0)::int AS booked
  FROM blood_drives d JOIN organisations o ON o.id = d.organiser_org_id
  LEFT JOIN organisations e ON e.id = d.establishment_org_id`;

export type DriveFilter = { status?: string; from?: string; to?: string; orgPath?: string };

export async function listDrives(db: Db, scope: Scope, f: DriveFilter): Promise<DriveRow[]> {
  const conds: SQL[] = [scopeSql(scope, sql`d.organiser_path`)];
  if (f.status) conds.push(sql`d.status = ${f.status}`);
  if (f.from) conds.push(sql`d.drive_date >= ${f.from}::date`);
  if (f.to) conds.push(sql`d.drive_date <= ${f.to}::date`);
  if (f.orgPath) conds.push(sql`d.organiser_path <@ ${f.orgPath}::ltree`);
  return rows<DriveRow>(
    db,
    sql`${driveSelect} WHERE ${sql.join(conds, sql` AND `)} ORDER BY d.drive_date DESC, d.id DESC LIMIT 500`,
  );
}

/** A drive in the scope (undefined: missing or out of scope, the same 404); `forUpdate` locks its row. */
export async function findDrive(db: Db | Tx, scope: Scope, id: number, forUpdate = false) {
  const [row] = await rows<DriveRow>(
    db,
    sql`${driveSelect} WHERE d.id = ${id} AND ${scopeSql(scope, sql`d.organiser_path`)}
        ${forUpdate ? sql`FOR UPDATE OF d` : sql``}`,
  );
  return row;
}

export async function listSlots(db: Db | Tx, driveId: number): Promise<SlotRow[]> {
  return rows<SlotRow>(
    db,
    sql`SELECT s.id, s.drive_id AS "driveId", ${vnIso(sql`s.starts_at`)} AS "startsAt",
          ${vnIso(sql`s.ends_at`)} AS "endsAt", s.capacity, s.booked, s.capacity - s.booked AS free
        FROM drive_slots s WHERE s.drive_id = ${driveId} ORDER BY s.starts_at, s.id`,
  );
}

export async function findSlot(db: Db | Tx, driveId: number, slotId: number) {
  const [row] = await rows<SlotRow & { endedAt: Date }>(
    db,
    sql`SELECT s.id, s.drive_id AS "driveId", ${vnIso(sql`s.starts_at`)} AS "startsAt",
          ${vnIso(sql`s.ends_at`)} AS "endsAt", s.capacity, s.booked, s.capacity - s.booked AS free
        FROM drive_slots s WHERE s.id = ${slotId} AND s.drive_id = ${driveId}`,
  );
  return row;
}

export type DriveWrite = {
  organiserOrgId: number;
  organiserPath: string;
  establishmentOrgId: number | null;
  title: string;
  site: string;
  address: string | null;
  provinceCode: string | null;
  driveDate: string;
  opensAt: string;
  closesAt: string;
  targetUnits: number | null;
};

export async function insertDrive(tx: Tx, d: DriveWrite, createdBy: number): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO blood_drives (organiser_org_id, organiser_path, establishment_org_id, title, site, address,
          province_code, drive_date, opens_at, closes_at, target_units, created_by)
        VALUES (${d.organiserOrgId}, ${d.organiserPath}::ltree, ${d.establishmentOrgId}, ${d.title}, ${d.site},
          ${d.address}, ${d.provinceCode}, ${d.driveDate}::date, ${d.opensAt}::time, ${d.closesAt}::time,
          ${d.targetUnits}, ${createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function updateDrive(
  tx: Tx,
  id: number,
  d: Omit<DriveWrite, 'organiserOrgId' | 'organiserPath'> & { status: string },
) {
  await tx.execute(
    sql`UPDATE blood_drives SET establishment_org_id = ${d.establishmentOrgId}, title = ${d.title}, site = ${d.site},
          address = ${d.address}, province_code = ${d.provinceCode}, drive_date = ${d.driveDate}::date,
          opens_at = ${d.opensAt}::time, closes_at = ${d.closesAt}::time, target_units = ${d.targetUnits},
          status = ${d.status}, version = version + 1, updated_at = now()
        WHERE id = ${id}`,
  );
}

/** Replaces a drive's slots (only while none is booked: the service checks). */
export async function replaceSlots(
  tx: Tx,
  driveId: number,
  slots: { startsAt: string; endsAt: string; capacity: number }[],
) {
  await tx.execute(sql`DELETE FROM drive_slots WHERE drive_id = ${driveId}`);
  if (slots.length === 0) return;
  await tx.execute(
    sql`INSERT INTO drive_slots (drive_id, starts_at, ends_at, capacity)
        SELECT ${driveId}, x."startsAt"::timestamptz, x."endsAt"::timestamptz, x.capacity
        FROM jsonb_to_recordset(${JSON.stringify(slots)}::jsonb) AS x("startsAt" text, "endsAt" text, capacity int)`,
  );
}

/** Whether any booking (live or past) names one of the drive's slots: then the slots are edited one by one. */
export async function slotsInUse(tx: Tx, driveId: number): Promise<boolean> {
  const [row] = await rows<{ used: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM drive_bookings b WHERE b.drive_id = ${driveId} AND b.slot_id IS NOT NULL) AS used`,
  );
  return row!.used;
}

/** Sets a slot's capacity; false when the slot holds more bookings than that (the CHECK refuses it too). */
export async function setSlotCapacity(tx: Tx, slotId: number, capacity: number): Promise<boolean> {
  const got = await rows<{ id: number }>(
    tx,
    sql`UPDATE drive_slots SET capacity = ${capacity} WHERE id = ${slotId} AND booked <= ${capacity} RETURNING id`,
  );
  return got.length === 1;
}

/**
 * Receiving blood establishments for the drive form: active health organisations of any tree (a named party:
 * id, name and the parent's name only — what the organiser needs to tell two hospitals apart), by folded name.
 */
export function searchEstablishments(db: Db, q: string | undefined) {
  return rows<{ id: number; name: string; parentName: string | null }>(
    db,
    sql`SELECT o.id, o.name, par.name AS "parentName"
        FROM organisations o LEFT JOIN organisations par ON par.id = o.parent_id
        WHERE o.status = 'active' AND o.kind = 'health' ${q ? sql`AND ${matchesSearch(sql`o.search_text`, q)}` : sql``}
        ORDER BY o.search_text, o.id LIMIT 20`,
  );
}

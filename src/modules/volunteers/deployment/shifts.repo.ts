import { type SQL, sql } from 'drizzle-orm';
import { intArray } from '../../../platform/db/arrays.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { shiftSignups } from '../waves/waves.tables.ts';

/** SQL of shifts and sign-ups. Times leave as ISO text (UTC); days are read in Asia/Ho_Chi_Minh. */

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const vnDay = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;

export async function insertShift(
  tx: Tx,
  v: {
    waveId: number;
    destinationId: number;
    issuerPath: string;
    task: string | null;
    startsAt: string;
    endsAt: string;
    capacity: number;
  },
) {
  const [r] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO volunteer_shifts (wave_id, destination_id, issuer_path, task, starts_at, ends_at, capacity)
        VALUES (${v.waveId}, ${v.destinationId}, ${v.issuerPath}::ltree, ${v.task}, ${v.startsAt}::timestamptz,
                ${v.endsAt}::timestamptz, ${v.capacity})
        RETURNING id`,
  );
  return r!.id;
}

export type ShiftRow = {
  id: number;
  waveId: number;
  destinationId: number;
  destinationName: string;
  issuerPath: string;
  task: string | null;
  startsAt: string;
  endsAt: string;
  day: string;
  spanHours: number;
  capacity: number;
  booked: number;
};

const shiftSelect = sql`
  SELECT s.id, s.wave_id AS "waveId", s.destination_id AS "destinationId", d.name AS "destinationName",
         s.issuer_path::text AS "issuerPath", s.task, ${iso(sql`s.starts_at`)} AS "startsAt", ${iso(sql`s.ends_at`)} AS "endsAt",
         ${vnDay(sql`s.starts_at`)} AS "day", (extract(epoch FROM s.ends_at - s.starts_at) / 3600)::float8 AS "spanHours",
         s.capacity, (SELECT count(*)::int FROM shift_signups g WHERE g.shift_id = s.id AND g.status = 'booked') AS "booked"
  FROM volunteer_shifts s JOIN wave_destinations d ON d.id = s.destination_id`;

export async function shiftsOfWave(db: Db | Tx, waveId: number): Promise<ShiftRow[]> {
  return rows<ShiftRow>(
    db,
    sql`${shiftSelect} WHERE s.wave_id = ${waveId} ORDER BY s.starts_at, d.name, s.id`,
  );
}

/**
 * A shift whose wave the caller sees (issuer in scope, or a quota of one of its institutions); `lock` takes the
 * shift row FOR UPDATE: sign-ups to one shift are serialised, so its count never passes the capacity.
 */
export async function findShift(
  db: Db | Tx,
  scope: Scope,
  id: number,
  lock = false,
): Promise<ShiftRow | null> {
  if (lock) await db.execute(sql`SELECT id FROM volunteer_shifts WHERE id = ${id} FOR UPDATE`);
  const [s] = await rows<ShiftRow>(
    db,
    sql`${shiftSelect}
        WHERE s.id = ${id}
          AND (${scopeSql(scope, sql`s.issuer_path`)}
               OR EXISTS (SELECT 1 FROM wave_quotas q WHERE q.wave_id = s.wave_id AND ${scopeSql(scope, sql`q.org_path`)}))`,
  );
  return s ?? null;
}

export type SignupRow = {
  id: number;
  shiftId: number;
  assignmentId: number;
  personId: number;
  fullName: string;
  orgName: string;
  orgPath: string;
  issuerPath: string;
  status: string;
  startsAt: string;
  endsAt: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  hours: number | null;
  checkoutMissing: boolean;
  hoursApprovedAt: string | null;
  overrideReason: string | null;
};

const signupSelect = sql`
  SELECT g.id, g.shift_id AS "shiftId", g.assignment_id AS "assignmentId", g.person_id AS "personId",
         pe.full_name AS "fullName", o.name AS "orgName", g.org_path::text AS "orgPath", s.issuer_path::text AS "issuerPath",
         g.status, ${iso(sql`g.starts_at`)} AS "startsAt", ${iso(sql`g.ends_at`)} AS "endsAt",
         ${iso(sql`g.check_in_at`)} AS "checkInAt", ${iso(sql`g.check_out_at`)} AS "checkOutAt",
         g.hours::float8 AS "hours", g.checkout_missing AS "checkoutMissing",
         ${iso(sql`g.hours_approved_at`)} AS "hoursApprovedAt", g.override_reason AS "overrideReason"
  FROM shift_signups g JOIN volunteer_shifts s ON s.id = g.shift_id JOIN people pe ON pe.id = g.person_id
  JOIN volunteer_assignments a ON a.id = g.assignment_id JOIN volunteer_profiles vp ON vp.id = a.profile_id
  JOIN organisations o ON o.id = vp.org_id`;

/** Booked sign-ups of a wave's shifts within the read (issuer: all; institution: its own volunteers). */
export async function signupsOfWave(
  db: Db | Tx,
  waveId: number,
  read: { all: true } | { all: false; scope: Scope },
) {
  return rows<SignupRow>(
    db,
    sql`${signupSelect}
        WHERE s.wave_id = ${waveId} AND g.status = 'booked' AND ${read.all ? sql`true` : scopeSql(read.scope, sql`g.org_path`)}
        ORDER BY g.shift_id, pe.full_name, g.id`,
  );
}

/** One sign-up by id, with the paths the service decides on (the caller may be the volunteer themself). */
export async function findSignup(db: Db | Tx, id: number, lock = false): Promise<SignupRow | null> {
  const [g] = await rows<SignupRow>(
    db,
    sql`${signupSelect} WHERE g.id = ${id} AND g.status = 'booked' ${lock ? sql`FOR UPDATE OF g` : sql``}`,
  );
  return g ?? null;
}

/** The assignments named by a sign-up, of this wave (another wave's is not found). */
export async function assignmentsForSignup(db: Db | Tx, waveId: number, ids: readonly number[]) {
  return rows<{
    id: number;
    personId: number;
    orgPath: string;
    issuerPath: string;
    destinationId: number;
    startsOn: string;
    lastDay: string;
    status: string;
    fullName: string;
  }>(
    db,
    sql`SELECT a.id, a.person_id AS "personId", a.org_path::text AS "orgPath", a.issuer_path::text AS "issuerPath",
               a.destination_id AS "destinationId", a.starts_on::text AS "startsOn",
               coalesce(a.ended_on, a.ends_on)::text AS "lastDay", a.status, pe.full_name AS "fullName"
        FROM volunteer_assignments a JOIN people pe ON pe.id = a.person_id
        WHERE a.wave_id = ${waveId} AND a.id = ANY(${intArray(ids)}::int[])`,
  );
}

/** Booked sign-ups of these persons overlapping [startsAt, endsAt) (touching ends do not), overrides included. */
export async function overlappingSignups(
  db: Db | Tx,
  personIds: readonly number[],
  startsAt: string,
  endsAt: string,
) {
  return rows<{ id: number; shiftId: number; personId: number; startsAt: string; endsAt: string }>(
    db,
    sql`SELECT g.id, g.shift_id AS "shiftId", g.person_id AS "personId", ${iso(sql`g.starts_at`)} AS "startsAt",
               ${iso(sql`g.ends_at`)} AS "endsAt"
        FROM shift_signups g
        WHERE g.status = 'booked' AND g.person_id = ANY(${intArray(personIds)}::int[])
          AND tstzrange(g.starts_at, g.ends_at, '[)') && tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)')
        ORDER BY g.starts_at`,
  );
}

export async function insertSignups(
  tx: Tx,
  shift: { id: number; startsAt: string; endsAt: string },
  list: {
    assignmentId: number;
    personId: number;
    orgPath: string;
    overrideReason: string | null;
    overriddenBy: number | null;
  }[],
) {
  return tx
    .insert(shiftSignups)
    .values(
      list.map((l) => ({
        shiftId: shift.id,
        assignmentId: l.assignmentId,
        personId: l.personId,
        orgPath: l.orgPath,
        startsAt: new Date(shift.startsAt),
        endsAt: new Date(shift.endsAt),
        overrideReason: l.overrideReason,
        overriddenBy: l.overriddenBy,
      })),
    )
    .returning({ id: shiftSignups.id, assignmentId: shiftSignups.assignmentId });
}

export async function setCheckIn(tx: Tx, id: number, at: Date) {
  await tx.execute(
    sql`UPDATE shift_signups SET check_in_at = ${at.toISOString()}::timestamptz WHERE id = ${id}`,
  );
}

export async function setCheckOut(tx: Tx, id: number, at: Date, hours: number) {
  await tx.execute(
    sql`UPDATE shift_signups SET check_out_at = ${at.toISOString()}::timestamptz, hours = ${hours} WHERE id = ${id}`,
  );
}

/** An officer's hours: a correction clears an earlier approval (it must be approved again). */
export async function setHours(tx: Tx, id: number, hours: number) {
  await tx.execute(
    sql`UPDATE shift_signups SET hours = ${hours}, hours_approved_by = NULL, hours_approved_at = NULL WHERE id = ${id}`,
  );
}

export async function approveHours(tx: Tx, id: number, by: number, at: Date) {
  await tx.execute(
    sql`UPDATE shift_signups SET hours_approved_by = ${by}, hours_approved_at = ${at.toISOString()}::timestamptz WHERE id = ${id}`,
  );
}

/**
 * Flags the check-outs still missing 2 hours after their shift ended (checked in, never out). Hours stay empty —
 * never a shift running into the next days — until an officer enters them. Idempotent: flagged rows are skipped.
 */
export async function flagMissingCheckouts(db: Db | Tx, now: Date) {
  return rows<{ id: number; orgPath: string }>(
    db,
    sql`UPDATE shift_signups SET checkout_missing = true
        WHERE status = 'booked' AND check_in_at IS NOT NULL AND check_out_at IS NULL AND NOT checkout_missing
          AND ends_at + interval '2 hours' < ${now.toISOString()}::timestamptz
        RETURNING id, org_path::text AS "orgPath"`,
  );
}

export async function personOfUser(db: Db | Tx, userId: number): Promise<number | null> {
  const [u] = await rows<{ personId: number | null }>(
    db,
    sql`SELECT person_id AS "personId" FROM users WHERE id = ${userId}`,
  );
  return u?.personId ?? null;
}

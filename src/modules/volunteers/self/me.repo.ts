import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  myAssignmentView,
  myAvailabilityView,
  myCertificateView,
  myProfileView,
  myQualificationView,
  myShiftView,
} from '../../../contracts/volunteers/self.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';

type Row<T extends z.ZodType> = z.infer<T>;

/**
 * The signed-in person's own volunteering, read by their person id (users.person_id) — never by a scope: these
 * reads answer only rows of that person, whatever the organisation keeping them.
 */
const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export function myProfiles(db: Db | Tx, personId: number) {
  return rows<Row<typeof myProfileView>>(
    db,
    sql`SELECT vp.id, vp.org_id AS "orgId", o.name AS "orgName", vp.grp AS "group", vp.faculty,
               vp.study_year AS "studyYear", vp.status, vp.status_since::text AS "statusSince",
               vp.ready_declared_on::text AS "readyDeclaredOn"
        FROM volunteer_profiles vp JOIN organisations o ON o.id = vp.org_id
        WHERE vp.person_id = ${personId} ORDER BY vp.id`,
  );
}

export function myQualifications(db: Db | Tx, personId: number) {
  return rows<Row<typeof myQualificationView>>(
    db,
    sql`SELECT q.profile_id AS "profileId", q.skill, q.level, q.issuer, q.document_no AS "documentNo",
               q.issued_on::text AS "issuedOn", q.expires_on::text AS "expiresOn"
        FROM volunteer_qualifications q JOIN volunteer_profiles vp ON vp.id = q.profile_id
        WHERE vp.person_id = ${personId} ORDER BY q.skill, q.profile_id`,
  );
}

export function myCertificates(db: Db | Tx, personId: number, locale: 'vi' | 'en') {
  const name = locale === 'en' ? sql`ct.name_en` : sql`ct.name_vi`;
  return rows<Row<typeof myCertificateView>>(
    db,
    sql`SELECT c.id, c.number, ${name} AS "courseName", c.issued_on::text AS "issuedOn",
               c.valid_until::text AS "validUntil", c.status
        FROM certificates c JOIN course_types ct ON ct.id = c.course_type_id
        WHERE c.person_id = ${personId} ORDER BY c.issued_on DESC, c.id DESC`,
  );
}

/** Periods of every profile of the person, once each (the same period kept by two institutions is one). */
export function myAvailability(db: Db | Tx, personId: number) {
  return rows<Row<typeof myAvailabilityView>>(
    db,
    sql`SELECT DISTINCT a.from_date::text AS "fromDate", a.to_date::text AS "toDate", a.available, a.note,
               a.declared_by AS "declaredBy"
        FROM volunteer_availability a JOIN volunteer_profiles vp ON vp.id = a.profile_id
        WHERE vp.person_id = ${personId} ORDER BY 1, 2`,
  );
}

export function myAssignments(db: Db | Tx, personId: number) {
  return rows<Row<typeof myAssignmentView>>(
    db,
    sql`SELECT a.id, w.title AS "waveTitle", d.name AS "destinationName", a.site, a.task,
               a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn", a.ended_on::text AS "endedOn",
               a.status, ${iso(sql`a.confirmed_at`)} AS "confirmedAt", a.certificate_no AS "certificateNo",
               a.certificate_issued_on::text AS "certificateIssuedOn",
               coalesce((SELECT sum(s.hours) FROM shift_signups s
                         WHERE s.assignment_id = a.id AND s.status = 'booked'), 0)::float8 AS hours
        FROM volunteer_assignments a
        JOIN mobilisation_waves w ON w.id = a.wave_id
        JOIN wave_destinations d ON d.id = a.destination_id
        WHERE a.person_id = ${personId} ORDER BY a.starts_on DESC, a.id DESC`,
  );
}

/** The person's shifts, the latest 200. */
export function myShifts(db: Db | Tx, personId: number) {
  return rows<Row<typeof myShiftView>>(
    db,
    sql`SELECT s.id, s.assignment_id AS "assignmentId", w.title AS "waveTitle", d.name AS "destinationName",
               sh.task, ${iso(sql`s.starts_at`)} AS "startsAt", ${iso(sql`s.ends_at`)} AS "endsAt", s.status,
               ${iso(sql`s.check_in_at`)} AS "checkInAt", ${iso(sql`s.check_out_at`)} AS "checkOutAt",
               s.hours::float8 AS hours, s.checkout_missing AS "checkoutMissing"
        FROM shift_signups s
        JOIN volunteer_shifts sh ON sh.id = s.shift_id
        JOIN mobilisation_waves w ON w.id = sh.wave_id
        JOIN wave_destinations d ON d.id = sh.destination_id
        WHERE s.person_id = ${personId} ORDER BY s.starts_at DESC LIMIT 200`,
  );
}

export function personName(db: Db | Tx, personId: number) {
  return rows<{ fullName: string }>(
    db,
    sql`SELECT full_name AS "fullName" FROM people WHERE id = ${personId}`,
  );
}

export type OwnProfile = {
  id: number;
  orgId: number;
  orgPath: string;
  status: VolunteerStatus;
  readyDeclaredOn: string | null;
};

/** The person's profiles a volunteer may still declare for (not withdrawn), locked for the change. */
export function lockOwnProfiles(tx: Tx, personId: number) {
  return rows<OwnProfile>(
    tx,
    sql`SELECT id, org_id AS "orgId", org_path::text AS "orgPath", status,
               ready_declared_on::text AS "readyDeclaredOn"
        FROM volunteer_profiles WHERE person_id = ${personId} AND status <> 'withdrawn'
        ORDER BY id FOR UPDATE`,
  );
}

export async function replaceSelfAvailability(
  tx: Tx,
  profileIds: number[],
  periods: { fromDate: string; toDate: string; available: boolean; note: string | null }[],
) {
  const ids = `{${profileIds.join(',')}}`;
  await tx.execute(
    sql`DELETE FROM volunteer_availability WHERE profile_id = ANY(${ids}::int[]) AND declared_by = 'self'`,
  );
  if (periods.length === 0) return;
  await tx.execute(
    sql`INSERT INTO volunteer_availability (profile_id, from_date, to_date, available, note, declared_by)
        SELECT p.id, x."fromDate"::date, x."toDate"::date, x.available, x.note, 'self'
        FROM unnest(${ids}::int[]) AS p(id)
        CROSS JOIN jsonb_to_recordset(${JSON.stringify(periods)}::jsonb)
          AS x("fromDate" text, "toDate" text, available boolean, note text)`,
  );
}

export async function setReadyDeclared(tx: Tx, profileIds: number[], on: string | null) {
  if (profileIds.length === 0) return;
  await tx.execute(
    sql`UPDATE volunteer_profiles SET ready_declared_on = ${on}::date, version = version + 1, updated_at = now()
        WHERE id = ANY(${`{${profileIds.join(',')}}`}::int[])`,
  );
}

export type OwnAssignment = {
  id: number;
  status: string;
  orgPath: string;
  confirmedAt: Date | null;
  waveTitle: string;
};

/** One assignment of the person, locked; nothing for an assignment of anyone else. */
export async function lockOwnAssignment(tx: Tx, personId: number, id: number) {
  const [row] = await rows<OwnAssignment>(
    tx,
    sql`SELECT a.id, a.status, a.org_path::text AS "orgPath", a.confirmed_at AS "confirmedAt", w.title AS "waveTitle"
        FROM volunteer_assignments a JOIN mobilisation_waves w ON w.id = a.wave_id
        WHERE a.id = ${id} AND a.person_id = ${personId} FOR UPDATE OF a`,
  );
  return row;
}

export async function confirmAssignment(tx: Tx, id: number, at: Date) {
  await tx.execute(
    sql`UPDATE volunteer_assignments SET confirmed_at = ${at.toISOString()}::timestamptz,
          version = version + 1, updated_at = now() WHERE id = ${id}`,
  );
}

import { type SQL, sql } from 'drizzle-orm';
import { intArray } from '../../../platform/db/arrays.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/** SQL of deployment: the wave as deployment reads it, its members, assignments, incidents. */

export type WaveRow = {
  id: number;
  title: string;
  issuerOrgId: number;
  issuerPath: string;
  issuerName: string;
  issuerParentName: string | null;
  basisKind: string;
  basisNumber: string | null;
  basisDate: string;
  basisSigner: string;
  basisSummary: string | null;
  startsOn: string;
  endsOn: string;
  status: string;
};

/**
 * A wave the caller sees: its issuer is in the scope, or one of the institutions asked for volunteers (a quota)
 * is. Out of both it does not exist. `lock` takes the wave row FOR SHARE (a stand-down waits for a commit).
 */
export async function findWave(
  db: Db | Tx,
  scope: Scope,
  waveId: number,
  lock = false,
): Promise<WaveRow | null> {
  const [w] = await rows<WaveRow>(
    db,
    sql`SELECT w.id, w.title, w.issuer_org_id AS "issuerOrgId", w.issuer_path::text AS "issuerPath",
               o.name AS "issuerName", p.name AS "issuerParentName", w.basis_kind AS "basisKind",
               w.basis_number AS "basisNumber", w.basis_date::text AS "basisDate", w.basis_signer AS "basisSigner",
               w.basis_summary AS "basisSummary", w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn",
               w.status
        FROM mobilisation_waves w JOIN organisations o ON o.id = w.issuer_org_id
        LEFT JOIN organisations p ON p.id = o.parent_id
        WHERE w.id = ${waveId}
          AND (${scopeSql(scope, sql`w.issuer_path`)}
               OR EXISTS (SELECT 1 FROM wave_quotas q WHERE q.wave_id = w.id AND ${scopeSql(scope, sql`q.org_path`)}))
        ${lock ? sql`FOR SHARE OF w` : sql``}`,
  );
  return w ?? null;
}

export async function destinationsOf(db: Db | Tx, waveId: number) {
  return rows<{ id: number; name: string }>(
    db,
    sql`SELECT id, name FROM wave_destinations WHERE wave_id = ${waveId} ORDER BY id`,
  );
}

export type MemberRow = {
  id: number;
  personId: number;
  profileId: number;
  orgPath: string;
  orgId: number;
  status: string;
  fullName: string;
};

/** Members of this wave among `ids` (another wave's member is not found). */
export async function membersOf(db: Db | Tx, waveId: number, ids: readonly number[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return rows<MemberRow>(
    db,
    sql`SELECT m.id, m.person_id AS "personId", m.profile_id AS "profileId", m.org_path::text AS "orgPath",
               vp.org_id AS "orgId", m.status, pe.full_name AS "fullName"
        FROM wave_members m JOIN volunteer_profiles vp ON vp.id = m.profile_id JOIN people pe ON pe.id = m.person_id
        WHERE m.wave_id = ${waveId} AND m.id = ANY(${intArray(ids)}::int[])`,
  );
}

/** Persons among `personIds` who are members of the wave (proposed or accepted): who may lead a team. */
export async function memberPersons(db: Db | Tx, waveId: number, personIds: readonly number[]) {
  if (personIds.length === 0) return new Set<number>();
  const list = await rows<{ personId: number }>(
    db,
    sql`SELECT person_id AS "personId" FROM wave_members
        WHERE wave_id = ${waveId} AND status IN ('proposed', 'accepted') AND person_id = ANY(${intArray(personIds)}::int[])`,
  );
  return new Set(list.map((r) => r.personId));
}

export type NewAssignment = {
  personId: number;
  profileId: number;
  waveId: number;
  memberId: number;
  destinationId: number;
  orgPath: string;
  issuerPath: string;
  site: string | null;
  task: string | null;
  startsOn: string;
  endsOn: string;
  teamLeaderPersonId: number | null;
  overrideReason: string | null;
  overriddenBy: number | null;
  createdBy: number;
};

/**
 * One INSERT for every row, the rows passed as one JSON parameter (a wave's 375 rows as 6,000 bind parameters
 * cost half a second on the embedded database); answers the ids in the order given.
 */
export async function insertAssignments(tx: Tx, values: NewAssignment[]): Promise<number[]> {
  const out = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO volunteer_assignments (person_id, profile_id, wave_id, member_id, destination_id, org_path, issuer_path,
          site, task, starts_on, ends_on, team_leader_person_id, override_reason, overridden_by, created_by)
        SELECT (j->>'personId')::int, (j->>'profileId')::int, (j->>'waveId')::int, (j->>'memberId')::int,
               (j->>'destinationId')::int, (j->>'orgPath')::ltree, (j->>'issuerPath')::ltree, j->>'site', j->>'task',
               (j->>'startsOn')::date, (j->>'endsOn')::date, (j->>'teamLeaderPersonId')::int, j->>'overrideReason',
               (j->>'overriddenBy')::int, (j->>'createdBy')::int
        FROM json_array_elements(${JSON.stringify(values)}::json) WITH ORDINALITY AS x(j, n)
        ORDER BY x.n
        RETURNING id`,
  );
  return out.map((r) => r.id);
}

export async function acceptMembers(tx: Tx, memberIds: readonly number[]) {
  await tx.execute(
    sql`UPDATE wave_members SET status = 'accepted', reasons = '[]'::jsonb WHERE id = ANY(${intArray(memberIds)}::int[])`,
  );
}

/** The users signed in as these persons (a volunteer's own account) and those keeping volunteers over these paths. */
export async function usersOfPersons(db: Db | Tx, personIds: readonly number[]) {
  if (personIds.length === 0) return [];
  return rows<{ userId: number; personId: number }>(
    db,
    sql`SELECT id AS "userId", person_id AS "personId" FROM users
        WHERE is_active AND person_id = ANY(${intArray(personIds)}::int[])`,
  );
}

export type AssignmentRow = {
  id: number;
  memberId: number | null;
  personId: number;
  profileId: number;
  waveId: number;
  fullName: string;
  birthDate: string | null;
  orgId: number;
  orgName: string;
  orgPath: string;
  issuerPath: string;
  destinationId: number;
  destinationName: string;
  site: string | null;
  task: string | null;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  endReason: string | null;
  teamLeaderPersonId: number | null;
  teamLeaderName: string | null;
  status: 'assigned' | 'deployed' | 'returned' | 'ended_early' | 'cancelled';
  overrideReason: string | null;
  certificateNo: string | null;
  certificateIssuedOn: string | null;
  incidents: number;
  approvedHours: number;
  group: string;
  faculty: string | null;
  studyYear: number | null;
  profession: string | null;
  skill: string | null;
};

const assignmentSelect = sql`
  SELECT a.id, a.member_id AS "memberId", a.person_id AS "personId", a.profile_id AS "profileId", a.wave_id AS "waveId",
         pe.full_name AS "fullName", pe.birth_date::text AS "birthDate", vp.org_id AS "orgId", o.name AS "orgName",
         a.org_path::text AS "orgPath", a.issuer_path::text AS "issuerPath", a.destination_id AS "destinationId",
         d.name AS "destinationName", a.site, a.task, a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
         a.ended_on::text AS "endedOn", a.end_reason AS "endReason", a.team_leader_person_id AS "teamLeaderPersonId",
         tl.full_name AS "teamLeaderName", a.status, a.override_reason AS "overrideReason",
         a.certificate_no AS "certificateNo", a.certificate_issued_on::text AS "certificateIssuedOn",
         (SELECT count(*)::int FROM assignment_incidents i WHERE i.assignment_id = a.id) AS "incidents",
         coalesce((SELECT sum(s.hours)::float8 FROM shift_signups s
                   WHERE s.assignment_id = a.id AND s.status = 'booked' AND s.hours_approved_at IS NOT NULL), 0)::float8
           AS "approvedHours",
         vp.grp AS "group", vp.faculty, vp.study_year::int AS "studyYear", vp.profession, m.skill
  FROM volunteer_assignments a
  JOIN people pe ON pe.id = a.person_id
  JOIN volunteer_profiles vp ON vp.id = a.profile_id
  JOIN organisations o ON o.id = vp.org_id
  JOIN wave_destinations d ON d.id = a.destination_id
  LEFT JOIN people tl ON tl.id = a.team_leader_person_id
  LEFT JOIN wave_members m ON m.id = a.member_id`;

/**
 * A wave's assignments the caller may read: every one for a reader of the issuer (`all`), else those of the
 * volunteers of its own institutions (`scope` on the volunteer's org_path). `filter` narrows further.
 */
export async function assignmentsOfWave(
  db: Db | Tx,
  waveId: number,
  read: { all: true } | { all: false; scope: Scope },
  filter: SQL = sql`true`,
): Promise<AssignmentRow[]> {
  return rows<AssignmentRow>(
    db,
    sql`${assignmentSelect}
        WHERE a.wave_id = ${waveId} AND ${read.all ? sql`true` : scopeSql(read.scope, sql`a.org_path`)} AND ${filter}
        ORDER BY a.id`,
  );
}

/**
 * One assignment the caller sees (a reader of its wave's issuer, or of the volunteer's institution); `lock` takes
 * it FOR UPDATE.
 */
export async function findAssignment(db: Db | Tx, scope: Scope, id: number, lock = false) {
  const [a] = await rows<AssignmentRow>(
    db,
    sql`${assignmentSelect}
        WHERE a.id = ${id} AND (${scopeSql(scope, sql`a.issuer_path`)} OR ${scopeSql(scope, sql`a.org_path`)})
        ${lock ? sql`FOR UPDATE OF a` : sql``}`,
  );
  return a ?? null;
}

/** Proposed members of the wave not yet deployed, within the read (issuer: all; institution: its own). */
export async function readyMembers(
  db: Db | Tx,
  waveId: number,
  read: { all: true } | { all: false; scope: Scope },
) {
  return rows<{
    memberId: number;
    personId: number;
    fullName: string;
    orgId: number;
    orgName: string;
    skill: string | null;
  }>(
    db,
    sql`SELECT m.id AS "memberId", m.person_id AS "personId", pe.full_name AS "fullName", vp.org_id AS "orgId",
               o.name AS "orgName", m.skill
        FROM wave_members m JOIN people pe ON pe.id = m.person_id JOIN volunteer_profiles vp ON vp.id = m.profile_id
        JOIN organisations o ON o.id = vp.org_id
        WHERE m.wave_id = ${waveId} AND m.status = 'proposed'
          AND ${read.all ? sql`true` : scopeSql(read.scope, sql`m.org_path`)}
        ORDER BY o.name, m.id`,
  );
}

/** Ends an assignment on a day (the range shrinks to it): returned, ended early, stood down. */
export async function endAssignment(
  tx: Tx,
  id: number,
  input: { on: string; status: 'returned' | 'ended_early'; reason: string },
) {
  await tx.execute(
    sql`UPDATE volunteer_assignments SET ended_on = ${input.on}, status = ${input.status}, end_reason = ${input.reason},
          version = version + 1, updated_at = now()
        WHERE id = ${id}`,
  );
}

export async function cancelAssignment(tx: Tx, id: number, reason: string) {
  await tx.execute(
    sql`UPDATE volunteer_assignments SET status = 'cancelled', end_reason = ${reason}, version = version + 1,
          updated_at = now() WHERE id = ${id}`,
  );
}

/** The member goes back to the proposed list (the assignment that accepted it was cancelled). */
export async function reproposeMember(tx: Tx, memberId: number) {
  await tx.execute(
    sql`UPDATE wave_members SET status = 'proposed' WHERE id = ${memberId} AND status = 'accepted'`,
  );
}

/** Booked shifts of an assignment starting after its new last day are cancelled with it. */
export async function cancelSignupsAfter(tx: Tx, assignmentId: number, lastDay: string | null) {
  await tx.execute(
    sql`UPDATE shift_signups SET status = 'cancelled'
        WHERE assignment_id = ${assignmentId} AND status = 'booked'
          AND (${lastDay}::date IS NULL OR (starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > ${lastDay}::date)`,
  );
}

export async function insertIncident(
  tx: Tx,
  v: { assignmentId: number; occurredOn: string; kind: string; description: string; recordedBy: number },
) {
  const [r] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO assignment_incidents (assignment_id, occurred_on, kind, description, recorded_by)
        VALUES (${v.assignmentId}, ${v.occurredOn}, ${v.kind}, ${v.description}, ${v.recordedBy}) RETURNING id`,
  );
  return r!.id;
}

export async function incidentsOf(db: Db | Tx, assignmentId: number) {
  return rows<{
    id: number;
    assignmentId: number;
    occurredOn: string;
    kind: 'incident';
    description: string;
  }>(
    db,
    sql`SELECT id, assignment_id AS "assignmentId", occurred_on::text AS "occurredOn", kind, description
        FROM assignment_incidents WHERE assignment_id = ${assignmentId} ORDER BY occurred_on, id`,
  );
}

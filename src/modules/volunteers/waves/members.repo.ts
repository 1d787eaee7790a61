import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import type { RefusalReason } from './waves.tables.ts';

/** SQL of a wave's members: the set-based reads the eligibility check is fed by, and the members' rows. */

const ints = (ids: readonly number[]) => `{${ids.join(',')}}`;

export type ProfileFacts = {
  id: number;
  personId: number;
  orgId: number;
  orgPath: string;
  status: string;
  fullName: string;
  birthDate: string | null;
};

/** Profiles of one institution among `ids`, in the caller's scope (others are simply not answered). */
export async function profilesOf(tx: Db | Tx, scope: Scope, orgId: number, ids: number[]) {
  return rows<ProfileFacts>(
    tx,
    sql`SELECT p.id, p.person_id AS "personId", p.org_id AS "orgId", p.org_path::text AS "orgPath", p.status,
               pe.full_name AS "fullName", pe.birth_date::text AS "birthDate"
        FROM volunteer_profiles p JOIN people pe ON pe.id = p.person_id
        WHERE p.id = ANY(${ints(ids)}::int[]) AND p.org_id = ${orgId} AND ${scopeSql(scope, sql`p.org_path`)}`,
  );
}

export async function qualificationsOf(tx: Db | Tx, profileIds: number[]) {
  return rows<{ profileId: number; skill: string; expiresOn: string | null }>(
    tx,
    sql`SELECT profile_id AS "profileId", skill, expires_on::text AS "expiresOn" FROM volunteer_qualifications
        WHERE profile_id = ANY(${ints(profileIds)}::int[])`,
  );
}

/**
 * Which of the topics each person has completed: a valid certificate of the course not expired on `onDay`, or a
 * passed enrolment in a completed class of it.
 */
export async function completedTopics(tx: Db | Tx, personIds: number[], topicIds: number[], onDay: string) {
  if (personIds.length === 0 || topicIds.length === 0) return [];
  return rows<{ personId: number; courseTypeId: number }>(
    tx,
    sql`SELECT c.person_id AS "personId", c.course_type_id AS "courseTypeId" FROM certificates c
        WHERE c.person_id = ANY(${ints(personIds)}::int[]) AND c.course_type_id = ANY(${ints(topicIds)}::int[])
          AND c.status = 'valid' AND (c.valid_until IS NULL OR c.valid_until >= ${onDay}::date)
        UNION
        SELECT e.person_id, k.course_type_id FROM enrolments e JOIN training_classes k ON k.id = e.class_id
        WHERE e.person_id = ANY(${ints(personIds)}::int[]) AND k.course_type_id = ANY(${ints(topicIds)}::int[])
          AND e.status = 'enrolled' AND e.outcome = 'pass' AND k.status = 'completed'`,
  );
}

/** Periods declared unavailable that overlap the days. */
export async function unavailableOf(tx: Db | Tx, profileIds: number[], from: string, to: string) {
  return rows<{ profileId: number; from: string; to: string }>(
    tx,
    sql`SELECT profile_id AS "profileId", from_date::text AS "from", to_date::text AS "to"
        FROM volunteer_availability
        WHERE profile_id = ANY(${ints(profileIds)}::int[]) AND NOT available
          AND from_date <= ${to}::date AND to_date >= ${from}::date`,
  );
}

export type MemberRow = {
  id: number;
  quotaId: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  profileId: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  skill: string | null;
  status: 'proposed' | 'accepted' | 'refused' | 'withdrawn';
  reasons: RefusalReason[];
  proposedAt: string;
};

const memberSelect = sql`SELECT m.id, m.quota_id AS "quotaId", q.org_id AS "orgId", o.name AS "orgName",
  m.org_path::text AS "orgPath", m.profile_id AS "profileId", m.person_id AS "personId", pe.full_name AS "fullName",
  pe.birth_date::text AS "birthDate", m.skill, m.status, m.reasons,
  to_char(m.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "proposedAt"
  FROM wave_members m JOIN wave_quotas q ON q.id = m.quota_id JOIN organisations o ON o.id = q.org_id
  JOIN people pe ON pe.id = m.person_id`;

/** A wave's members; `scope` null = all (the issuer's side), else only the caller's institutions'. */
export async function listMembers(
  db: Db | Tx,
  waveId: number,
  scope: Scope | null,
  f: { ids?: number[]; quotaId?: number } = {},
) {
  return rows<MemberRow>(
    db,
    sql`${memberSelect} WHERE m.wave_id = ${waveId}
        ${scope ? sql`AND ${scopeSql(scope, sql`m.org_path`)}` : sql``}
        ${f.ids ? sql`AND m.id = ANY(${ints(f.ids)}::int[])` : sql``}
        ${f.quotaId ? sql`AND m.quota_id = ${f.quotaId}` : sql``}
        ORDER BY o.name, lower(ct_unaccent(regexp_replace(btrim(pe.full_name), '^.*\\s', ''))), pe.full_name, m.id`,
  );
}

export async function findMember(tx: Tx, waveId: number, memberId: number, scope: Scope | null) {
  const [m] = await rows<MemberRow>(
    tx,
    sql`${memberSelect} WHERE m.wave_id = ${waveId} AND m.id = ${memberId}
        ${scope ? sql`AND ${scopeSql(scope, sql`m.org_path`)}` : sql``} FOR UPDATE OF m`,
  );
  return m;
}

/** The wave's members among these persons, whatever their status. */
export async function membersByPerson(tx: Tx, waveId: number, personIds: number[]) {
  return rows<{ id: number; personId: number; status: string }>(
    tx,
    sql`SELECT id, person_id AS "personId", status FROM wave_members
        WHERE wave_id = ${waveId} AND person_id = ANY(${ints(personIds)}::int[])`,
  );
}

/** Proposed and accepted members counted against a quota. */
export async function takenOf(tx: Tx, quotaId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM wave_members WHERE quota_id = ${quotaId} AND status IN ('proposed', 'accepted')`,
  );
  return r?.n ?? 0;
}

export type MemberWrite = {
  quotaId: number;
  profileId: number;
  personId: number;
  orgPath: string;
  skill: string | null;
  status: 'proposed' | 'refused';
  reasons: RefusalReason[];
};

/**
 * Writes the proposals in one statement: a person refused or withdrawn before is proposed again on the same row
 * (one row per person and wave); one already proposed or accepted is left as it is. Answers the ids written.
 */
export async function upsertMembers(tx: Tx, waveId: number, by: number, now: Date, list: MemberWrite[]) {
  if (list.length === 0) return [];
  const got = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO wave_members (wave_id, quota_id, profile_id, person_id, org_path, skill, status, reasons,
                                  proposed_by, proposed_at)
        SELECT ${waveId}, x.quota_id, x.profile_id, x.person_id, x.org_path::ltree, x.skill, x.status, x.reasons,
               ${by}, ${now.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(
          list.map((m) => ({
            quota_id: m.quotaId,
            profile_id: m.profileId,
            person_id: m.personId,
            org_path: m.orgPath,
            skill: m.skill,
            status: m.status,
            reasons: m.reasons,
          })),
        )}::jsonb) AS x(quota_id int, profile_id int, person_id int, org_path text, skill text, status text,
                        reasons jsonb)
        ON CONFLICT (wave_id, person_id) DO UPDATE SET quota_id = excluded.quota_id,
          profile_id = excluded.profile_id, org_path = excluded.org_path, skill = excluded.skill,
          status = excluded.status, reasons = excluded.reasons, proposed_by = excluded.proposed_by,
          proposed_at = excluded.proposed_at
        WHERE wave_members.status IN ('refused', 'withdrawn')
        RETURNING id`,
  );
  return got.map((r) => r.id);
}

export async function setMemberStatus(tx: Tx, id: number, status: MemberRow['status']) {
  await tx.execute(sql`UPDATE wave_members SET status = ${status} WHERE id = ${id}`);
}

/** Users who are the wave's named volunteers (users.person_id), for a stand-down notice. */
export async function linkedVolunteerUsers(tx: Db | Tx, waveId: number): Promise<number[]> {
  const got = await rows<{ userId: number }>(
    tx,
    sql`SELECT DISTINCT u.id AS "userId" FROM wave_members m JOIN users u ON u.person_id = m.person_id
        WHERE m.wave_id = ${waveId} AND m.status IN ('proposed', 'accepted') AND u.is_active`,
  );
  return got.map((r) => r.userId);
}

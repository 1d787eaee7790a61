import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch, vietnameseNameOrderSql } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import type { RefusalReason } from './waves.tables.ts';

/** SQL of how far a wave is filled, its candidates, its training gaps and the institutions' inbox. */

const own = (scope: Scope | null, column: SQL) => (scope ? sql`AND ${scopeSql(scope, column)}` : sql``);

/** A person has completed a course type by the day: valid certificate not expired then, or passed a completed class. */
const completedSql = (person: SQL, course: SQL, day: SQL) => sql`(EXISTS (
    SELECT 1 FROM certificates c WHERE c.person_id = ${person} AND c.course_type_id = ${course} AND c.status = 'valid'
      AND (c.valid_until IS NULL OR c.valid_until >= ${day}))
  OR EXISTS (SELECT 1 FROM enrolments e JOIN training_classes k ON k.id = e.class_id
    WHERE e.person_id = ${person} AND k.course_type_id = ${course} AND e.status = 'enrolled' AND e.outcome = 'pass'
      AND k.status = 'completed'))`;

export type FillRow = {
  quotaId: number;
  orgId: number;
  orgName: string;
  quota: number;
  pledged: number | null;
  proposed: number;
  refused: number;
  accepted: number;
  deployed: number;
};

export async function fillByInstitution(db: Db, waveId: number, scope: Scope | null) {
  return rows<FillRow>(
    db,
    sql`SELECT q.id AS "quotaId", q.org_id AS "orgId", o.name AS "orgName", q.quota, q.pledged,
               count(m.id) FILTER (WHERE m.status = 'proposed')::int AS proposed,
               count(m.id) FILTER (WHERE m.status = 'refused')::int AS refused,
               count(m.id) FILTER (WHERE m.status = 'accepted')::int AS accepted,
               (SELECT count(DISTINCT a.person_id) FROM volunteer_assignments a JOIN wave_members am ON am.id = a.member_id
                 WHERE a.wave_id = q.wave_id AND am.quota_id = q.id AND a.status <> 'cancelled')::int AS deployed
        FROM wave_quotas q JOIN organisations o ON o.id = q.org_id LEFT JOIN wave_members m ON m.quota_id = q.id
        WHERE q.wave_id = ${waveId} ${own(scope, sql`q.org_path`)}
        GROUP BY q.id, o.name ORDER BY o.name, q.id`,
  );
}

export async function fillBySkill(db: Db, waveId: number, scope: Scope | null) {
  return rows<{ skill: string; proposed: number; deployed: number }>(
    db,
    sql`SELECT m.skill, count(*) FILTER (WHERE m.status IN ('proposed', 'accepted'))::int AS proposed,
               count(DISTINCT a.person_id)::int AS deployed
        FROM wave_members m LEFT JOIN volunteer_assignments a ON a.member_id = m.id AND a.status <> 'cancelled'
        WHERE m.wave_id = ${waveId} AND m.skill IS NOT NULL ${own(scope, sql`m.org_path`)}
        GROUP BY m.skill`,
  );
}

export async function refusedMembers(db: Db, waveId: number, scope: Scope | null) {
  return rows<{ memberId: number; orgName: string; fullName: string; reasons: RefusalReason[] }>(
    db,
    sql`SELECT m.id AS "memberId", o.name AS "orgName", pe.full_name AS "fullName", m.reasons
        FROM wave_members m JOIN wave_quotas q ON q.id = m.quota_id JOIN organisations o ON o.id = q.org_id
        JOIN people pe ON pe.id = m.person_id
        WHERE m.wave_id = ${waveId} AND m.status = 'refused' ${own(scope, sql`m.org_path`)}
        ORDER BY o.name, ${vietnameseNameOrderSql(sql`pe.full_name`)} LIMIT 1000`,
  );
}

export type CandidateRow = {
  profileId: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  status: string;
  group: string;
  faculty: string | null;
  skills: string[];
  missingTopicIds: number[];
  total: number;
};

export const CANDIDATES_PAGE = 50;

/**
 * One statement: the institution's volunteers who can go on the wave's days — not withdrawn or deployed, of age on
 * its start, not already named, on no overlapping live assignment, not declared unavailable, holding the skill
 * (not expired on the start) when one is asked — ready ones first, then by name; with their valid skills and the
 * wave's topics they still lack (flagged, not hidden). Indexed: profiles by (org_id, status), qualifications by
 * (skill, profile_id), assignments by (person_id, starts_on), availability by (profile_id, from_date).
 */
export async function candidates(
  db: Db,
  waveId: number,
  scope: Scope,
  f: { orgId: number; skill?: string; q?: string; page: number },
) {
  return rows<CandidateRow>(
    db,
    sql`WITH w AS (SELECT starts_on AS s, ends_on AS e FROM mobilisation_waves WHERE id = ${waveId}),
        cand AS (
          SELECT p.id, p.person_id, p.status, p.grp, p.faculty, pe.full_name, pe.birth_date
          FROM volunteer_profiles p JOIN people pe ON pe.id = p.person_id CROSS JOIN w
          WHERE p.org_id = ${f.orgId} AND ${scopeSql(scope, sql`p.org_path`)}
            AND p.status IN ('registered', 'ready', 'returned', 'stood_down')
            AND (pe.birth_date IS NULL OR pe.birth_date <= (w.s - interval '18 years')::date)
            ${f.q ? sql`AND ${matchesSearch(sql`pe.search_text`, f.q)}` : sql``}
            ${
              f.skill
                ? sql`AND EXISTS (SELECT 1 FROM volunteer_qualifications vq WHERE vq.profile_id = p.id
                    AND vq.skill = ${f.skill} AND (vq.expires_on IS NULL OR vq.expires_on >= w.s))`
                : sql``
            }
            AND NOT EXISTS (SELECT 1 FROM wave_members m WHERE m.wave_id = ${waveId} AND m.person_id = p.person_id
                              AND m.status IN ('proposed', 'accepted'))
            AND NOT EXISTS (SELECT 1 FROM volunteer_assignments a WHERE a.person_id = p.person_id
                              AND a.status <> 'cancelled' AND a.starts_on <= w.e
                              AND coalesce(a.ended_on, a.ends_on) >= w.s)
            AND NOT EXISTS (SELECT 1 FROM volunteer_availability va WHERE va.profile_id = p.id AND NOT va.available
                              AND va.from_date <= w.e AND va.to_date >= w.s)
        ),
        page AS (
          SELECT cand.*, count(*) OVER () AS total FROM cand
          ORDER BY (status = 'ready') DESC, ${vietnameseNameOrderSql(sql`full_name`)}, id
          LIMIT ${CANDIDATES_PAGE} OFFSET ${(f.page - 1) * CANDIDATES_PAGE}
        )
        SELECT page.id AS "profileId", page.person_id AS "personId", page.full_name AS "fullName",
               page.birth_date::text AS "birthDate", page.status, page.grp AS "group", page.faculty,
               page.total::int AS total,
               ARRAY(SELECT vq.skill FROM volunteer_qualifications vq WHERE vq.profile_id = page.id
                       AND (vq.expires_on IS NULL OR vq.expires_on >= w.s) ORDER BY vq.skill) AS skills,
               ARRAY(SELECT t.course_type_id FROM wave_topics t WHERE t.wave_id = ${waveId}
                       AND NOT ${completedSql(sql`page.person_id`, sql`t.course_type_id`, sql`w.s`)}
                     ORDER BY t.course_type_id) AS "missingTopicIds"
        FROM page CROSS JOIN w
        ORDER BY (page.status = 'ready') DESC, ${vietnameseNameOrderSql(sql`page.full_name`)}, page.id`,
  );
}

/** Named volunteers (proposed, accepted or refused) still lacking a topic of the wave. */
export async function topicGaps(db: Db, waveId: number, scope: Scope | null, orgId: number | null) {
  return rows<{
    courseTypeId: number;
    code: string;
    name: string;
    memberId: number;
    personId: number;
    fullName: string;
  }>(
    db,
    sql`SELECT t.course_type_id AS "courseTypeId", c.code, c.name_vi AS name, m.id AS "memberId",
               m.person_id AS "personId", pe.full_name AS "fullName"
        FROM wave_topics t JOIN course_types c ON c.id = t.course_type_id
        JOIN mobilisation_waves w ON w.id = t.wave_id
        JOIN wave_members m ON m.wave_id = t.wave_id AND m.status IN ('proposed', 'accepted', 'refused')
        JOIN wave_quotas q ON q.id = m.quota_id JOIN people pe ON pe.id = m.person_id
        WHERE t.wave_id = ${waveId} ${own(scope, sql`m.org_path`)} ${orgId ? sql`AND q.org_id = ${orgId}` : sql``}
          AND NOT ${completedSql(sql`m.person_id`, sql`t.course_type_id`, sql`w.starts_on`)}
        ORDER BY c.code, ${vietnameseNameOrderSql(sql`pe.full_name`)}`,
  );
}

export type InboxRow = {
  waveId: number;
  waveTitle: string;
  issuerName: string;
  status: string;
  startsOn: string;
  endsOn: string;
  namesDueOn: string | null;
  quotaId: number;
  orgId: number;
  orgName: string;
  quota: number;
  pledged: number | null;
  proposed: number;
  accepted: number;
  deployed: number;
};

/**
 * Quotas of open (or filled) waves at the institutions where the caller answers (`answerScope`), except waves the
 * caller issues (`issuerScope`: its own requests are not its inbox). Soonest names-due first.
 */
export async function inbox(db: Db, answerScope: Scope, issuerScope: Scope) {
  return rows<InboxRow>(
    db,
    sql`SELECT * FROM (
          SELECT w.id AS "waveId", w.title AS "waveTitle", io.name AS "issuerName", w.status,
                 w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn", w.names_due_on::text AS "namesDueOn",
                 q.id AS "quotaId", q.org_id AS "orgId", o.name AS "orgName", q.quota, q.pledged,
                 (SELECT count(*) FROM wave_members m WHERE m.quota_id = q.id AND m.status = 'proposed')::int AS proposed,
                 (SELECT count(*) FROM wave_members m WHERE m.quota_id = q.id AND m.status = 'accepted')::int AS accepted,
                 (SELECT count(DISTINCT a.person_id) FROM volunteer_assignments a JOIN wave_members am ON am.id = a.member_id
                   WHERE am.quota_id = q.id AND a.status <> 'cancelled')::int AS deployed
          FROM wave_quotas q JOIN mobilisation_waves w ON w.id = q.wave_id
          JOIN organisations o ON o.id = q.org_id JOIN organisations io ON io.id = w.issuer_org_id
          WHERE w.status IN ('open', 'filled') AND ${scopeSql(answerScope, sql`q.org_path`)}
            AND NOT ${scopeSql(issuerScope, sql`w.issuer_path`)}) x
        ORDER BY x."namesDueOn" NULLS LAST, x."startsOn", x."orgName"`,
  );
}

/** For the daily reminder: quotas of open waves whose names are due between the days and not yet reached. */
export async function quotasDueSoon(db: Db | Tx, from: string, to: string) {
  return rows<{
    waveId: number;
    title: string;
    issuerOrgId: number;
    issuerPath: string;
    startsOn: string;
    namesDueOn: string;
    quotaId: number;
    orgPath: string;
    quota: number;
    named: number;
  }>(
    db,
    sql`SELECT w.id AS "waveId", w.title, w.issuer_org_id AS "issuerOrgId", w.issuer_path::text AS "issuerPath",
               w.starts_on::text AS "startsOn", w.names_due_on::text AS "namesDueOn", q.id AS "quotaId",
               q.org_path::text AS "orgPath", q.quota,
               (SELECT count(*) FROM wave_members m WHERE m.quota_id = q.id AND m.status IN ('proposed', 'accepted'))::int AS named
        FROM mobilisation_waves w JOIN wave_quotas q ON q.wave_id = w.id
        WHERE w.status = 'open' AND w.names_due_on BETWEEN ${from}::date AND ${to}::date
          AND (SELECT count(*) FROM wave_members m WHERE m.quota_id = q.id AND m.status IN ('proposed', 'accepted')) < q.quota
        ORDER BY w.id, q.id`,
  );
}

import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/**
 * Readiness counts, set-based (two statements whatever the number of volunteers): profiles grouped by
 * institution, status and group on (org_id, status, grp) under the org_path GiST filter; ready volunteers' valid
 * skills grouped by institution and skill.
 */
export async function countsByOrg(db: Db | Tx, scope: Scope, orgPath: string | null) {
  const under: SQL = orgPath ? sql`AND v.org_path <@ ${orgPath}::ltree` : sql``;
  return rows<{ orgId: number; orgName: string; status: string; group: string; n: number }>(
    db,
    sql`SELECT c.org_id AS "orgId", o.name AS "orgName", c.status, c.grp AS "group", c.n
        FROM (SELECT v.org_id, v.status, v.grp, count(*)::int AS n FROM volunteer_profiles v
              WHERE v.status <> 'withdrawn' AND ${scopeSql(scope, sql`v.org_path`)} ${under}
              GROUP BY v.org_id, v.status, v.grp) c
        JOIN organisations o ON o.id = c.org_id`,
  );
}

export async function readySkillsByOrg(db: Db | Tx, scope: Scope, orgPath: string | null, today: string) {
  const under: SQL = orgPath ? sql`AND v.org_path <@ ${orgPath}::ltree` : sql``;
  return rows<{ orgId: number; skill: string; n: number }>(
    db,
    sql`SELECT v.org_id AS "orgId", q.skill, count(*)::int AS n
        FROM volunteer_profiles v JOIN volunteer_qualifications q ON q.profile_id = v.id
        WHERE v.status = 'ready' AND (q.expires_on IS NULL OR q.expires_on >= ${today}::date)
          AND ${scopeSql(scope, sql`v.org_path`)} ${under}
        GROUP BY v.org_id, q.skill`,
  );
}

/**
 * Profiles of a subtree in a status as of a day (the last status change on or before it), by group: what the
 * plan indicators `volunteers.<status>` report for a period's end.
 */
export async function statusAsOf(db: Db | Tx, orgPath: string, day: string, statuses: string[]) {
  return rows<{ group: string; n: number }>(
    db,
    sql`SELECT v.grp AS "group", count(*)::int AS n
        FROM volunteer_profiles v
        CROSS JOIN LATERAL (SELECT c.to_status FROM volunteer_status_changes c
                            WHERE c.profile_id = v.id AND c.on_date <= ${day}::date
                            ORDER BY c.on_date DESC, c.id DESC LIMIT 1) s
        WHERE v.org_path <@ ${orgPath}::ltree
          AND s.to_status = ANY(${`{${statuses.join(',')}}`}::text[])
        GROUP BY v.grp`,
  );
}

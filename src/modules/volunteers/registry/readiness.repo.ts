import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/**
 * Profiles (id, org_id, grp, status) matching `where` (on alias `v`), each with its status on `day` from the dated
 * history, or live when `day` is null. `status_since` is the day of a profile's last change (every change sets
 * it, `changeProfileStatuses`), so a profile unchanged since `day` (status_since ≤ day) has its live status then;
 * only those changed later look up their last change on or before `day` (the newest id first within a day), one
 * probe of `volunteer_status_changes_profile_idx` each — a handful for a recent day, not the 25,000 profiles. A
 * profile with no change by `day` was not in the registry yet and drops out.
 */
function profilesOn(day: string | null, where: SQL): SQL {
  if (day === null)
    return sql`SELECT v.id, v.org_id, v.grp, v.status FROM volunteer_profiles v WHERE ${where}`;
  return sql`SELECT v.id, v.org_id, v.grp, v.status FROM volunteer_profiles v
             WHERE v.status_since <= ${day}::date AND ${where}
             UNION ALL
             SELECT v.id, v.org_id, v.grp, s.to_status FROM volunteer_profiles v
             CROSS JOIN LATERAL (SELECT c.to_status FROM volunteer_status_changes c
                                 WHERE c.profile_id = v.id AND c.on_date <= ${day}::date
                                 ORDER BY c.on_date DESC, c.id DESC LIMIT 1) s
             WHERE v.status_since > ${day}::date AND ${where}`;
}

const inScope = (scope: Scope, orgPath: string | null): SQL =>
  orgPath
    ? sql`${scopeSql(scope, sql`v.org_path`)} AND v.org_path <@ ${orgPath}::ltree`
    : scopeSql(scope, sql`v.org_path`);

/**
 * Readiness counts, set-based (two statements whatever the number of volunteers): profiles grouped by
 * institution, status and group under the org_path filter — live (`day` null) or each profile's status on `day`
 * from the dated history (`profilesOn`); withdrawn ones left out.
 */
export async function countsByOrg(db: Db | Tx, scope: Scope, orgPath: string | null, day: string | null) {
  return rows<{ orgId: number; orgName: string; status: string; group: string; n: number }>(
    db,
    sql`SELECT c.org_id AS "orgId", o.name AS "orgName", c.status, c.grp AS "group", c.n
        FROM (SELECT p.org_id, p.status, p.grp, count(*)::int AS n FROM (${profilesOn(day, inScope(scope, orgPath))}) p
              WHERE p.status <> 'withdrawn' GROUP BY 1, 2, 3) c
        JOIN organisations o ON o.id = c.org_id`,
  );
}

/**
 * Ready volunteers' skills by institution: qualifications valid on `day` (issued by then, not expired), the
 * volunteer ready then — its live status when `asOf` is false (`day` is today), else its status on `day`.
 */
export async function readySkillsByOrg(
  db: Db | Tx,
  scope: Scope,
  orgPath: string | null,
  day: string,
  asOf: boolean,
) {
  const issued: SQL = asOf ? sql`AND (q.issued_on IS NULL OR q.issued_on <= ${day}::date)` : sql``;
  return rows<{ orgId: number; skill: string; n: number }>(
    db,
    sql`SELECT p.org_id AS "orgId", q.skill, count(*)::int AS n
        FROM (${profilesOn(asOf ? day : null, inScope(scope, orgPath))}) p
        JOIN volunteer_qualifications q ON q.profile_id = p.id
        WHERE p.status = 'ready' AND (q.expires_on IS NULL OR q.expires_on >= ${day}::date) ${issued}
        GROUP BY p.org_id, q.skill`,
  );
}

/**
 * Profiles of a subtree in a status as of a day (the last status change on or before it), by group: what the
 * plan indicators `volunteers.<status>` report for a period's end.
 */
export async function statusAsOf(db: Db | Tx, orgPath: string, day: string, statuses: string[]) {
  return rows<{ group: string; n: number }>(
    db,
    sql`SELECT p.grp AS "group", count(*)::int AS n
        FROM (${profilesOn(day, sql`v.org_path <@ ${orgPath}::ltree`)}) p
        WHERE p.status = ANY(${`{${statuses.join(',')}}`}::text[])
        GROUP BY p.grp`,
  );
}

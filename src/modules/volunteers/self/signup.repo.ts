import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApplicationView, signupLinkView } from '../../../contracts/volunteers/self-signup.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { volunteerApplications, volunteerSignupLinks } from '../volunteers.tables.ts';

type LinkRow = z.infer<typeof signupLinkView>;
const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** `orgPath` narrows a list to one institution's subtree (a query's `orgId`), inside the scope. */
const under = (col: SQL, orgPath: string | null) => (orgPath ? sql`AND ${col} <@ ${orgPath}::ltree` : sql``);

export async function insertLink(tx: Tx, v: typeof volunteerSignupLinks.$inferInsert) {
  const [row] = await tx.insert(volunteerSignupLinks).values(v).returning({ id: volunteerSignupLinks.id });
  return row!.id;
}

const linkColumns = (today: string) => sql`
  l.id, l.org_id AS "orgId", o.name AS "orgName", l.title, l.expires_on::text AS "expiresOn", l.active,
  (l.active AND l.expires_on >= ${today}::date) AS open,
  (SELECT count(*)::int FROM volunteer_applications a WHERE a.link_id = l.id) AS applications,
  ${iso(sql`l.created_at`)} AS "createdAt"`;

export function listLinks(db: Db, scope: Scope, orgPath: string | null, today: string) {
  return rows<LinkRow>(
    db,
    sql`SELECT ${linkColumns(today)} FROM volunteer_signup_links l JOIN organisations o ON o.id = l.org_id
        WHERE ${scopeSql(scope, sql`l.org_path`)} ${under(sql`l.org_path`, orgPath)}
        ORDER BY l.active DESC, l.created_at DESC LIMIT 200`,
  );
}

export async function findLink(db: Db | Tx, scope: Scope, id: number, today: string) {
  const [row] = await rows<LinkRow & { orgPath: string }>(
    db,
    sql`SELECT ${linkColumns(today)}, l.org_path::text AS "orgPath"
        FROM volunteer_signup_links l JOIN organisations o ON o.id = l.org_id
        WHERE l.id = ${id} AND ${scopeSql(scope, sql`l.org_path`)}`,
  );
  return row;
}

export async function deactivateLink(tx: Tx, id: number) {
  await tx.execute(sql`UPDATE volunteer_signup_links SET active = false WHERE id = ${id}`);
}

export type OpenLink = { id: number; orgId: number; orgPath: string; orgName: string; title: string | null };

/**
 * The link a public token names, if it still accepts sign-ups. Unscoped on purpose: the caller is anonymous and
 * holds the token; the answer is the institution's name and the link's title, nothing else.
 */
export async function openLinkByHash(db: Db | Tx, tokenHash: string, today: string) {
  const [row] = await rows<OpenLink>(
    db,
    sql`SELECT l.id, l.org_id AS "orgId", l.org_path::text AS "orgPath", o.name AS "orgName", l.title
        FROM volunteer_signup_links l JOIN organisations o ON o.id = l.org_id
        WHERE l.token_hash = ${tokenHash} AND l.active AND l.expires_on >= ${today}::date`,
  );
  return row;
}

export async function insertApplication(tx: Tx, v: typeof volunteerApplications.$inferInsert) {
  const [row] = await tx.insert(volunteerApplications).values(v).returning({ id: volunteerApplications.id });
  return row!.id;
}

type ApplicationRow = Omit<ApplicationView, 'can'> & { orgPath: string };

const applicationColumns = sql`
  a.id, a.org_id AS "orgId", o.name AS "orgName", l.title AS "linkTitle", a.full_name AS "fullName",
  a.birth_date::text AS "birthDate", a.sex, a.cccd, a.phone, a.email, a.grp AS "group", a.faculty,
  a.study_year AS "studyYear", a.skills, ${iso(sql`a.consent_at`)} AS "consentAt",
  a.consent_version AS "consentVersion", a.status, ${iso(sql`a.decided_at`)} AS "decidedAt",
  a.reject_reason AS "rejectReason", a.person_id AS "personId",
  (SELECT vp.id FROM volunteer_profiles vp WHERE vp.person_id = a.person_id AND vp.org_id = a.org_id) AS "profileId",
  ${iso(sql`a.created_at`)} AS "createdAt", a.org_path::text AS "orgPath"`;
const applicationFrom = sql`FROM volunteer_applications a JOIN organisations o ON o.id = a.org_id
  JOIN volunteer_signup_links l ON l.id = a.link_id`;

export function listApplications(db: Db, scope: Scope, f: { orgPath: string | null; status: string | null }) {
  const status = f.status ? sql`AND a.status = ${f.status}` : sql``;
  return rows<ApplicationRow>(
    db,
    sql`SELECT ${applicationColumns} ${applicationFrom}
        WHERE ${scopeSql(scope, sql`a.org_path`)} ${under(sql`a.org_path`, f.orgPath)} ${status}
        ORDER BY (a.status = 'pending') DESC, a.created_at DESC, a.id DESC LIMIT 500`,
  );
}

export async function findApplication(db: Db | Tx, scope: Scope, id: number, lock = false) {
  const [row] = await rows<ApplicationRow>(
    db,
    sql`SELECT ${applicationColumns} ${applicationFrom}
        WHERE a.id = ${id} AND ${scopeSql(scope, sql`a.org_path`)} ${lock ? sql`FOR UPDATE OF a` : sql``}`,
  );
  return row;
}

export async function decideApplication(
  tx: Tx,
  id: number,
  d: { status: 'approved' | 'rejected'; by: number; at: Date; personId?: number; reason?: string },
) {
  await tx.execute(
    sql`UPDATE volunteer_applications SET status = ${d.status}, decided_by = ${d.by},
          decided_at = ${d.at.toISOString()}::timestamptz, person_id = ${d.personId ?? null},
          reject_reason = ${d.reason ?? null}
        WHERE id = ${id}`,
  );
}

/** Pending applications in the scope: how many, and the oldest few (the home block). */
export async function pendingApplications(db: Db, scope: Scope, limit: number) {
  const [count] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM volunteer_applications a
        WHERE a.status = 'pending' AND ${scopeSql(scope, sql`a.org_path`)}`,
  );
  const items = await rows<{ id: number; fullName: string; orgName: string; createdAt: string }>(
    db,
    sql`SELECT a.id, a.full_name AS "fullName", o.name AS "orgName", ${iso(sql`a.created_at`)} AS "createdAt"
        FROM volunteer_applications a JOIN organisations o ON o.id = a.org_id
        WHERE a.status = 'pending' AND ${scopeSql(scope, sql`a.org_path`)}
        ORDER BY a.created_at, a.id LIMIT ${limit}`,
  );
  return { total: count?.n ?? 0, items };
}

/** Does the scope keep any sign-up link (an institution that takes self-registrations)? */
export async function hasSignupLinks(db: Db, scope: Scope): Promise<boolean> {
  const [row] = await rows(
    db,
    sql`SELECT 1 FROM volunteer_signup_links l WHERE ${scopeSql(scope, sql`l.org_path`)} LIMIT 1`,
  );
  return row !== undefined;
}

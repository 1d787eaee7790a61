import { type SQL, sql } from 'drizzle-orm';
import { type Db, fetchPage, rows, type Tx } from '../../platform/db/database.ts';
import { matchesSearch, vietnameseNameOrderSql } from '../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';
import type { Sex } from './people.rules.ts';
import type { LinkPurpose } from './people.tables.ts';

/**
 * All SQL of the person registry. Every read of people takes a Scope: a person is visible through any active
 * link (`person_links`) whose organisation lies in the scope — `visibleSql`, the one filter.
 */

/** A link counts until its `until` day has passed. */
const activeLink = sql`(l.until IS NULL OR l.until >= current_date)`;

/** The scope filter of the registry: an active link of person `p` kept in the scope. */
export function visibleSql(scope: Scope, person: SQL = sql`p.id`): SQL {
  if (scope.all) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = ${person} AND ${activeLink}
                       AND ${scopeSql(scope, sql`l.org_path`)})`;
}

/** People with an active link in the subtree at `orgPath` (the "kept by this unit" filter). */
const keptUnder = (orgPath: string, person: SQL = sql`p.id`) =>
  sql`EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = ${person} AND ${activeLink}
                AND l.org_path <@ ${orgPath}::ltree)`;

export type Keeper = { orgId: number; orgName: string; orgPath: string; purpose: LinkPurpose };

export type PersonRow = {
  id: number;
  fullName: string;
  birthDate: string | null;
  sex: Sex | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  jobTitle: string | null;
  employerOrgId: number | null;
  employerName: string | null;
  orgId: number;
  orgName: string;
  orgPath: string;
  /** The organisations keeping the person (active links, oldest first): rights are by any of them. */
  keepers: Keeper[];
  status: 'active' | 'merged';
  mergedIntoId: number | null;
  version: number;
};

const columns = sql`
  p.id, p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.sex, p.cccd, p.phone, p.email,
  p.job_title AS "jobTitle", p.employer_org_id AS "employerOrgId", e.name AS "employerName",
  p.org_id AS "orgId", o.name AS "orgName", p.org_path::text AS "orgPath", p.status,
  p.merged_into_id AS "mergedIntoId", p.version,
  coalesce((SELECT json_agg(json_build_object('orgId', l.org_id, 'orgName', ko.name, 'orgPath', l.org_path::text,
                                             'purpose', l.purpose) ORDER BY l.id)
            FROM person_links l JOIN organisations ko ON ko.id = l.org_id
            WHERE l.person_id = p.id AND ${activeLink}), '[]'::json) AS keepers`;
const from = sql`
  FROM people p
  JOIN organisations o ON o.id = p.org_id
  LEFT JOIN organisations e ON e.id = p.employer_org_id`;

export async function findPerson(db: Db | Tx, scope: Scope, id: number, forUpdate = false) {
  const [row] = await rows<PersonRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE p.id = ${id} AND ${visibleSql(scope)}
        ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`,
  );
  return row;
}

export type PersonFilter = {
  q?: string;
  orgPath?: string;
  employerOrgId?: number;
  status: 'active' | 'merged' | 'all';
  page: number;
  pageSize: number;
};

export async function listPeople(db: Db, scope: Scope, f: PersonFilter) {
  const where: SQL[] = [visibleSql(scope)];
  if (f.status !== 'all') where.push(sql`p.status = ${f.status}`);
  if (f.orgPath) where.push(keptUnder(f.orgPath));
  if (f.employerOrgId) where.push(sql`p.employer_org_id = ${f.employerOrgId}`);
  const q = f.q?.trim();
  // A full CCCD is an exact lookup (the unique index); anything else searches name and phone without diacritics.
  if (q && /^\d{12}$/.test(q.replace(/[\s.]/g, ''))) where.push(sql`p.cccd = ${q.replace(/[\s.]/g, '')}`);
  else if (q) where.push(matchesSearch(sql`p.search_text`, q));
  const cond = sql.join(where, sql` AND `);
  return fetchPage<PersonRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE ${cond}
        ORDER BY ${vietnameseNameOrderSql(sql`p.full_name`)}, p.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    sql`SELECT count(*)::int AS total FROM people p WHERE ${cond}`,
  );
}

export type IdentityProbe = {
  key: number;
  cccd: string | null;
  fullName: string;
  birthDate: string | null;
  phone: string | null;
};
/**
 * A stored person a candidate repeats. What it holds beyond the id never leaves the server for a person the
 * caller does not see (`visible`): the rule (`identityDecision`) only compares it with what was typed.
 */
export type IdentityMatch = {
  key: number;
  id: number;
  matchedBy: 'cccd' | 'name_birth_phone';
  fullName: string;
  birthDate: string | null;
  orgPath: string;
  employerOrgId: number | null;
  /** The scope sees this person already (through one of its links). */
  visible: boolean;
};

/**
 * Existing active people that the candidates would repeat, in one round trip for any number of them, across the
 * whole registry: the same CCCD (unique among active people), or — when either side has no CCCD — the same
 * unaccented name, birth date and phone. `visible` says whether the scope sees the match. `exceptId` skips the
 * person being edited.
 */
export async function findIdentityMatches(
  db: Db | Tx,
  scope: Scope,
  probes: IdentityProbe[],
  exceptId: number | null = null,
): Promise<IdentityMatch[]> {
  if (probes.length === 0) return [];
  const json = JSON.stringify(probes);
  // Two index lookups per candidate, not one join on an OR (which the planner can only answer by comparing
  // every candidate with every person): people_cccd_uq, then people_identity_idx.
  return rows<IdentityMatch>(
    db,
    sql`WITH c AS MATERIALIZED (
          SELECT x.*, lower(ct_unaccent(x."fullName")) AS name_key
          FROM jsonb_to_recordset(${json}::jsonb)
            AS x(key int, cccd text, "fullName" text, "birthDate" date, phone text)
        ), m AS (
          SELECT c.key, p.id, 0 AS rank FROM c
          JOIN people p ON p.cccd = c.cccd AND p.cccd IS NOT NULL AND p.status = 'active'
          WHERE p.id IS DISTINCT FROM ${exceptId}::int
          UNION ALL
          SELECT c.key, p.id, 1 FROM c
          JOIN people p ON lower(ct_unaccent(p.full_name)) = c.name_key
            AND p.birth_date = c."birthDate" AND p.phone = c.phone
          WHERE p.status = 'active' AND p.id IS DISTINCT FROM ${exceptId}::int
            AND (p.cccd IS NULL OR c.cccd IS NULL)
        )
        SELECT DISTINCT ON (m.key) m.key, p.id, p.full_name AS "fullName", p.birth_date::text AS "birthDate",
               p.org_path::text AS "orgPath", p.employer_org_id AS "employerOrgId", ${visibleSql(scope)} AS visible,
               CASE m.rank WHEN 0 THEN 'cccd' ELSE 'name_birth_phone' END AS "matchedBy"
        FROM m JOIN people p ON p.id = m.id
        ORDER BY m.key, m.rank, p.id`,
  );
}

export type PersonWrite = {
  fullName: string;
  birthDate: string | null;
  sex: Sex | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  jobTitle: string | null;
  employerOrgId: number | null;
  orgId: number;
  orgPath: string;
};

/** Rows per INSERT: set-based, in a few statements for a 10,000-row roster (which reports progress between them). */
const BATCH = 2_500;

/**
 * Inserts people set-based (one `INSERT … SELECT FROM jsonb_to_recordset` per 2,500), returning their ids in
 * input order: each row's id is drawn from the identity's sequence next to its position, so nothing relies on
 * the order of RETURNING. `onBatch` hears how many are written so far.
 */
export async function insertPeople(
  tx: Db | Tx,
  people: PersonWrite[],
  onBatch: (done: number) => void | Promise<void> = () => {},
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < people.length; i += BATCH) {
    const json = JSON.stringify(people.slice(i, i + BATCH).map((p, n) => ({ ...p, n })));
    const got = await rows<{ id: number }>(
      tx,
      sql`WITH src AS MATERIALIZED (
            SELECT nextval(pg_get_serial_sequence('people', 'id'))::int AS id, x.*
            FROM (SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(n int, "fullName" text, "birthDate" date,
                    sex text, cccd text, phone text, email text, "jobTitle" text, "employerOrgId" int, "orgId" int,
                    "orgPath" text) ORDER BY n) x
          ), ins AS (
            INSERT INTO people (id, full_name, birth_date, sex, cccd, phone, email, job_title, employer_org_id, org_id, org_path)
            OVERRIDING SYSTEM VALUE
            SELECT id, "fullName", "birthDate", sex, cccd, phone, email, "jobTitle", "employerOrgId", "orgId", "orgPath"::ltree
            FROM src
          )
          SELECT id FROM src ORDER BY n`,
    );
    ids.push(...got.map((r) => r.id));
    await onBatch(ids.length);
  }
  return ids;
}

/** Advisory-lock namespace for "a person with this identity is being registered" (pg_advisory_xact_lock(int, int)). */
const IDENTITY_LOCK = 4_0402;

/**
 * Keys hash into this many locks: a 10,000-row import takes at most 512, not 20,000 (which overflow a default
 * PostgreSQL's shared lock table: "out of shared memory").
 */
const IDENTITY_BUCKETS = 512;

/**
 * Serialises registrations of the same identity across transactions (two imports or forms creating the same
 * person at once): taken before the duplicate search, so the second transaction waits and then sees the first's
 * row. One statement for any number of keys, by hash bucket in ascending order (no deadlock between two lists;
 * two identities in one bucket merely wait for each other).
 */
export async function lockIdentities(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(
    sql`SELECT count(pg_advisory_xact_lock(${IDENTITY_LOCK}, b))
        FROM (SELECT DISTINCT hashtext(k) & ${IDENTITY_BUCKETS - 1} AS b
              FROM jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) AS k ORDER BY 1) x`,
  );
}

export async function updatePerson(
  tx: Tx,
  id: number,
  p: Omit<PersonWrite, 'orgId' | 'orgPath'>,
  now: Date,
): Promise<void> {
  await tx.execute(
    sql`UPDATE people SET full_name = ${p.fullName}, birth_date = ${p.birthDate}, sex = ${p.sex}, cccd = ${p.cccd},
          phone = ${p.phone}, email = ${p.email}, job_title = ${p.jobTitle}, employer_org_id = ${p.employerOrgId},
          version = version + 1, updated_at = ${now.toISOString()}
        WHERE id = ${id}`,
  );
}

/** Classes or trainer posts both people hold: a merge would break their unique keys, so it is refused. */
export async function mergeClashes(tx: Tx, fromId: number, intoId: number) {
  return rows<{ kind: 'class' | 'trainer'; ref: number }>(
    tx,
    sql`SELECT 'class' AS kind, a.class_id AS ref FROM enrolments a
          JOIN enrolments b ON b.class_id = a.class_id AND b.person_id = ${intoId}
        WHERE a.person_id = ${fromId}
        UNION ALL
        SELECT 'trainer', a.org_id FROM trainers a
          JOIN trainers b ON b.org_id = a.org_id AND b.person_id = ${intoId}
        WHERE a.person_id = ${fromId}`,
  );
}

/** Re-points every record of `fromId` to `intoId` and marks `fromId` merged; returns the counts moved. */
export async function mergeInto(tx: Tx, fromId: number, intoId: number, now: Date) {
  const count = async (q: SQL) => (await rows<{ n: number }>(tx, q))[0]?.n ?? 0;
  const enrolments = await count(
    sql`WITH u AS (UPDATE enrolments SET person_id = ${intoId} WHERE person_id = ${fromId} RETURNING 1)
        SELECT count(*)::int AS n FROM u`,
  );
  const certificates = await count(
    sql`WITH u AS (UPDATE certificates SET person_id = ${intoId} WHERE person_id = ${fromId} RETURNING 1)
        SELECT count(*)::int AS n FROM u`,
  );
  const trainers = await count(
    sql`WITH u AS (UPDATE trainers SET person_id = ${intoId} WHERE person_id = ${fromId} RETURNING 1)
        SELECT count(*)::int AS n FROM u`,
  );
  // Whoever kept the merged record keeps the one kept (its own links stay, so the merged record stays readable).
  await tx.execute(
    sql`INSERT INTO person_links (person_id, org_id, org_path, purpose, since, until)
        SELECT ${intoId}, org_id, org_path, purpose, since, until FROM person_links WHERE person_id = ${fromId}
        ON CONFLICT (person_id, org_id, purpose) DO NOTHING`,
  );
  const at = now.toISOString();
  // Earlier merges into the merged person now point at the kept one, so a chain never needs following.
  await tx.execute(sql`UPDATE people SET merged_into_id = ${intoId} WHERE merged_into_id = ${fromId}`);
  await tx.execute(
    sql`UPDATE people SET status = 'merged', merged_into_id = ${intoId}, version = version + 1, updated_at = ${at}
        WHERE id = ${fromId}`,
  );
  // The kept record takes what only the merged one knew (after the merged one left the active CCCD index).
  await tx.execute(
    sql`UPDATE people k SET cccd = coalesce(k.cccd, m.cccd), birth_date = coalesce(k.birth_date, m.birth_date),
          sex = coalesce(k.sex, m.sex), phone = coalesce(k.phone, m.phone), email = coalesce(k.email, m.email),
          job_title = coalesce(k.job_title, m.job_title), employer_org_id = coalesce(k.employer_org_id, m.employer_org_id),
          version = k.version + 1, updated_at = ${at}
        FROM people m WHERE k.id = ${intoId} AND m.id = ${fromId}`,
  );
  return { enrolments, certificates, trainers };
}

export type DuplicatePairRow = {
  aId: number;
  bId: number;
  reason: 'name_birth_phone' | 'name_birth' | 'name_phone';
};

/** Likely duplicates among the active people of a subtree: the same unaccented name and birth date or phone. */
export async function duplicatePairs(db: Db, scope: Scope, orgPath: string, limit = 500) {
  return rows<DuplicatePairRow>(
    db,
    sql`SELECT a.id AS "aId", b.id AS "bId",
               CASE WHEN a.birth_date = b.birth_date AND a.phone = b.phone THEN 'name_birth_phone'
                    WHEN a.birth_date = b.birth_date THEN 'name_birth' ELSE 'name_phone' END AS reason
        FROM people a
        JOIN people b ON lower(ct_unaccent(b.full_name)) = lower(ct_unaccent(a.full_name)) AND b.id > a.id
         AND (b.birth_date = a.birth_date OR b.phone = a.phone)
         AND (a.cccd IS NULL OR b.cccd IS NULL)
        WHERE a.status = 'active' AND b.status = 'active'
          AND ${keptUnder(orgPath, sql`a.id`)} AND ${keptUnder(orgPath, sql`b.id`)}
          AND ${visibleSql(scope, sql`a.id`)} AND ${visibleSql(scope, sql`b.id`)}
        ORDER BY a.id, b.id LIMIT ${limit}`,
  );
}

/**
 * THE lookup of people by id for every operation that takes one (enrolment, trainers, cancellations, merges…):
 * only those the scope sees come back, exactly as `GET /api/people/:id` — an id outside it is "not found".
 */
export async function findPeopleInScope(
  db: Db | Tx,
  scope: Scope,
  ids: readonly number[],
): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return rows<PersonRow>(
    db,
    sql`SELECT ${columns} ${from}
        WHERE p.id = ANY(${`{${ids.join(',')}}`}::int[]) AND ${visibleSql(scope)}`,
  );
}

export type PersonLink = {
  personId: number;
  orgId: number;
  orgPath: string;
  purpose: LinkPurpose;
  since: string;
};

/** Links organisations to people (one statement); an ended link of the same keeper and purpose is reopened. */
export async function linkPeople(tx: Db | Tx, links: PersonLink[]): Promise<void> {
  if (links.length === 0) return;
  await tx.execute(linkPeopleSql(links));
}

/**
 * `linkPeople`'s statement, to put in a `WITH` of a write made in one statement (a booking): the links are made
 * only `when` that SQL is true (the statement wrote its row). A link already open is not touched (neither
 * locked nor rewritten: most people booked are kept already); an ended one is reopened.
 */
export function linkPeopleSql(links: PersonLink[], when: SQL = sql`true`): SQL {
  return sql`INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
        SELECT x."personId", x."orgId", x."orgPath"::ltree, x.purpose, x.since::date
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb)
          AS x("personId" int, "orgId" int, "orgPath" text, purpose text, since text)
        WHERE ${when} AND NOT EXISTS (SELECT 1 FROM person_links o WHERE o.person_id = x."personId"
                                        AND o.org_id = x."orgId" AND o.purpose = x.purpose AND o.until IS NULL)
        ON CONFLICT (person_id, org_id, purpose) DO UPDATE SET until = NULL`;
}

import { sql } from 'drizzle-orm';
import { byVietnameseName } from '../../../contracts/names.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { donorVisibleSql } from '../donors/donors.repo.ts';

/** SQL of donor clubs, their members and activities. Clubs are organisation-owned: reads take a Scope. */

export type ClubRow = {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  kind: 'rare_blood' | 'family' | 'mobilisers' | 'reserve';
  provinceCode: string | null;
  provinceName: string | null;
  foundedOn: string | null;
  members: number;
  activities: number;
};

const clubSelect = sql`SELECT c.id, c.org_id AS "orgId", o.name AS "orgName", c.org_path::text AS "orgPath", c.name,
  c.kind, c.province_code AS "provinceCode", au.name AS "provinceName", c.founded_on::text AS "foundedOn",
  (SELECT count(*)::int FROM donor_club_members m WHERE m.club_id = c.id
     AND (m.until IS NULL OR m.until >= current_date)) AS members,
  (SELECT count(*)::int FROM donor_club_activities a WHERE a.club_id = c.id) AS activities
  FROM donor_clubs c JOIN organisations o ON o.id = c.org_id
  LEFT JOIN admin_units au ON au.code = c.province_code`;

export async function listClubs(
  db: Db,
  scope: Scope,
  f: { orgPath?: string; kind?: string; q?: string },
): Promise<ClubRow[]> {
  return rows<ClubRow>(
    db,
    sql`${clubSelect} WHERE ${scopeSql(scope, sql`c.org_path`)}
        ${f.orgPath ? sql`AND c.org_path <@ ${f.orgPath}::ltree` : sql``}
        ${f.kind ? sql`AND c.kind = ${f.kind}` : sql``}
        ${f.q ? sql`AND lower(ct_unaccent(c.name)) LIKE '%' || lower(ct_unaccent(${f.q})) || '%'` : sql``}
        ORDER BY c.name, c.id LIMIT 1000`,
  );
}

export async function findClub(
  db: Db | Tx,
  scope: Scope,
  id: number,
  lock = false,
): Promise<ClubRow | undefined> {
  const [row] = await rows<ClubRow>(
    db,
    sql`${clubSelect} WHERE c.id = ${id} AND ${scopeSql(scope, sql`c.org_path`)}
        ${lock ? sql`FOR UPDATE OF c` : sql``}`,
  );
  return row;
}

export async function provinceExists(db: Db | Tx, code: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM admin_units WHERE code = ${code} AND level = 'province'`,
  );
  return (row?.n ?? 0) > 0;
}

export type ClubWrite = {
  name: string;
  kind: ClubRow['kind'];
  provinceCode: string | null;
  foundedOn: string | null;
};

export async function insertClub(tx: Tx, c: ClubWrite & { orgId: number; orgPath: string }): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO donor_clubs (org_id, org_path, name, kind, province_code, founded_on)
        VALUES (${c.orgId}, ${c.orgPath}::ltree, ${c.name}, ${c.kind}, ${c.provinceCode}, ${c.foundedOn})
        RETURNING id`,
  );
  return row!.id;
}

export async function updateClub(tx: Tx, id: number, c: ClubWrite): Promise<void> {
  await tx.execute(
    sql`UPDATE donor_clubs SET name = ${c.name}, kind = ${c.kind}, province_code = ${c.provinceCode},
        founded_on = ${c.foundedOn} WHERE id = ${id}`,
  );
}

export async function clubInUse(tx: Tx, id: number): Promise<boolean> {
  const [row] = await rows<{ used: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM donor_club_members WHERE club_id = ${id})
          OR EXISTS (SELECT 1 FROM donor_club_activities WHERE club_id = ${id})
          OR EXISTS (SELECT 1 FROM blood_callouts WHERE club_id = ${id}) AS used`,
  );
  return row!.used;
}

export async function deleteClub(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`DELETE FROM donor_clubs WHERE id = ${id}`);
}

export type MemberRow = {
  id: number;
  personId: number;
  fullName: string;
  birthYear: number | null;
  role: 'member' | 'leader' | 'mobiliser';
  since: string;
  until: string | null;
  donations: number;
  abo: 'O' | 'A' | 'B' | 'AB' | null;
  rh: 'pos' | 'neg' | null;
};

/**
 * A club's members with their donation count. The blood group is read only for members whose donor profile is
 * kept ('blood') where the caller holds blood.health (`healthScope`; none: never) — the group is the donor's
 * health data, kept by their keepers, not the club's: adding someone to a club reads nothing of it.
 */
export async function listMembers(db: Db | Tx, clubId: number, healthScope: Scope | null, memberId?: number) {
  const health = healthScope ? donorVisibleSql(healthScope, sql`m.person_id`) : sql`false`;
  const list = await rows<MemberRow>(
    db,
    sql`SELECT m.id, m.person_id AS "personId", p.full_name AS "fullName",
          extract(year FROM p.birth_date)::int AS "birthYear", m.role, m.since::text AS since,
          m.until::text AS until,
          (SELECT count(*)::int FROM blood_donations d WHERE d.person_id = m.person_id
             AND d.outcome = 'donated') AS donations,
          CASE WHEN ${health} THEN dp.abo END AS abo, CASE WHEN ${health} THEN dp.rh END AS rh
        FROM donor_club_members m JOIN people p ON p.id = m.person_id
        LEFT JOIN donor_profiles dp ON dp.person_id = m.person_id
        WHERE m.club_id = ${clubId} ${memberId ? sql`AND m.id = ${memberId}` : sql``}`,
  );
  return byVietnameseName(list, (m) => m.fullName);
}

/** Adds members; answers the person ids already in the club (nothing inserted for them). */
export async function insertMembers(
  tx: Tx,
  clubId: number,
  personIds: number[],
  role: string,
  since: string,
): Promise<number[]> {
  const inserted = await rows<{ personId: number }>(
    tx,
    sql`INSERT INTO donor_club_members (club_id, person_id, role, since)
        SELECT ${clubId}, x, ${role}, ${since}::date FROM unnest(${`{${personIds.join(',')}}`}::int[]) AS x
        ON CONFLICT (club_id, person_id) DO NOTHING RETURNING person_id AS "personId"`,
  );
  const added = new Set(inserted.map((r) => r.personId));
  return personIds.filter((p) => !added.has(p));
}

export async function updateMember(
  tx: Tx,
  clubId: number,
  memberId: number,
  m: { role: string; since: string; until: string | null },
): Promise<boolean> {
  const res = await rows<{ id: number }>(
    tx,
    sql`UPDATE donor_club_members SET role = ${m.role}, since = ${m.since}::date, until = ${m.until}::date
        WHERE id = ${memberId} AND club_id = ${clubId} RETURNING id`,
  );
  return res.length > 0;
}

export type ActivityRow = { id: number; heldOn: string; title: string; participants: number | null };

export async function listActivities(db: Db, clubId: number): Promise<ActivityRow[]> {
  return rows<ActivityRow>(
    db,
    sql`SELECT id, held_on::text AS "heldOn", title, participants FROM donor_club_activities
        WHERE club_id = ${clubId} ORDER BY held_on DESC, id DESC`,
  );
}

export async function insertActivity(
  tx: Tx,
  clubId: number,
  a: { heldOn: string; title: string; participants: number | null },
): Promise<ActivityRow> {
  const [row] = await rows<ActivityRow>(
    tx,
    sql`INSERT INTO donor_club_activities (club_id, held_on, title, participants)
        VALUES (${clubId}, ${a.heldOn}, ${a.title}, ${a.participants})
        RETURNING id, held_on::text AS "heldOn", title, participants`,
  );
  return row!;
}

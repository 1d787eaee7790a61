import { type SQL, sql } from 'drizzle-orm';
import type {
  AvailabilityBody,
  QualificationsBody,
  UpdateVolunteerBody,
  VolunteerItem,
} from '../../../contracts/volunteers/registry.ts';
import { type Db, fetchPage, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch, vietnameseNameOrderSql } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';

/** All SQL of the volunteer registry (profiles, qualifications, availability, history). Reads take a Scope. */

export type ProfileRow = VolunteerItem & {
  orgPath: string;
  languages: string[];
  readyDeclaredOn: string | null;
  consentContact: boolean;
  consentOn: string | null;
  note: string | null;
  version: number;
};

const columns = sql`
  v.id, v.person_id AS "personId", p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.sex, p.cccd,
  p.phone, p.email, v.org_id AS "orgId", o.name AS "orgName", v.org_path::text AS "orgPath", v.grp AS "group",
  v.faculty, v.study_year AS "studyYear", v.profession, v.home_province_code AS "homeProvinceCode", v.status,
  v.status_since::text AS "statusSince", v.languages, v.ready_declared_on::text AS "readyDeclaredOn",
  v.consent_contact AS "consentContact", v.consent_on::text AS "consentOn", v.note, v.version,
  coalesce((SELECT array_agg(q.skill ORDER BY q.skill) FROM volunteer_qualifications q WHERE q.profile_id = v.id),
           '{}') AS skills`;
const from = sql`FROM volunteer_profiles v JOIN people p ON p.id = v.person_id JOIN organisations o ON o.id = v.org_id`;

export type ProfileFilter = {
  q?: string;
  orgPath?: string;
  status?: VolunteerStatus;
  group?: string;
  skill?: string;
  page: number;
  pageSize: number;
};

export async function listProfiles(db: Db, scope: Scope, f: ProfileFilter) {
  const where: SQL[] = [scopeSql(scope, sql`v.org_path`)];
  if (f.orgPath) where.push(sql`v.org_path <@ ${f.orgPath}::ltree`);
  if (f.status) where.push(sql`v.status = ${f.status}`);
  if (f.group) where.push(sql`v.grp = ${f.group}`);
  if (f.skill)
    where.push(
      sql`EXISTS (SELECT 1 FROM volunteer_qualifications q WHERE q.profile_id = v.id AND q.skill = ${f.skill})`,
    );
  const q = f.q?.trim();
  if (q) where.push(matchesSearch(sql`p.search_text`, q));
  const cond = sql.join(where, sql` AND `);
  return fetchPage<ProfileRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE ${cond}
        ORDER BY ${vietnameseNameOrderSql(sql`p.full_name`)}, v.id
        LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    sql`SELECT count(*)::int AS total FROM volunteer_profiles v JOIN people p ON p.id = v.person_id WHERE ${cond}`,
  );
}

/** Every profile of a filter, for the XLSX export (bounded by the caller). */
export async function allProfiles(
  db: Db,
  scope: Scope,
  f: Omit<ProfileFilter, 'page' | 'pageSize'>,
  max: number,
) {
  return (await listProfiles(db, scope, { ...f, page: 1, pageSize: max })).items;
}

export async function findProfile(db: Db | Tx, scope: Scope, id: number, forUpdate = false) {
  const [row] = await rows<ProfileRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE v.id = ${id} AND ${scopeSql(scope, sql`v.org_path`)}
        ${forUpdate ? sql`FOR UPDATE OF v` : sql``}`,
  );
  return row;
}

/** The profile a person already has at an organisation (one per person and institution). */
export async function profileOf(db: Db | Tx, personId: number, orgId: number) {
  const [row] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM volunteer_profiles WHERE person_id = ${personId} AND org_id = ${orgId}`,
  );
  return row?.id;
}

export type ProfileWrite = Omit<UpdateVolunteerBody, 'version'> & {
  personId: number;
  orgId: number;
  orgPath: string;
  status: VolunteerStatus;
  statusSince: string;
};

/** Inserts profiles and their first status row (the registration), one statement each. */
export async function insertProfiles(tx: Tx, list: ProfileWrite[], by: number | null): Promise<number[]> {
  if (list.length === 0) return [];
  const json = JSON.stringify(list.map((p, n) => ({ ...p, n })));
  const got = await rows<{ id: number; n: number }>(
    tx,
    sql`WITH src AS (SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(n int, "personId" int, "orgId" int,
          "orgPath" text, "group" text, faculty text, "studyYear" int, profession text, languages text[],
          "homeProvinceCode" text, "readyDeclaredOn" date, "consentContact" boolean, "consentOn" date, note text,
          status text, "statusSince" date)),
        ins AS (
          INSERT INTO volunteer_profiles (person_id, org_id, org_path, grp, faculty, study_year, profession, languages,
            home_province_code, ready_declared_on, consent_contact, consent_on, note, status, status_since, created_by)
          SELECT "personId", "orgId", "orgPath"::ltree, "group", faculty, "studyYear", profession,
                 coalesce(languages, '{}'), "homeProvinceCode", "readyDeclaredOn", coalesce("consentContact", false),
                 "consentOn", note, status, "statusSince", ${by}
          FROM src ORDER BY n
          RETURNING id, person_id, org_id, status, status_since)
        SELECT ins.id, src.n FROM ins JOIN src ON src."personId" = ins.person_id AND src."orgId" = ins.org_id
        ORDER BY src.n`,
  );
  await tx.execute(
    sql`INSERT INTO volunteer_status_changes (profile_id, from_status, to_status, on_date, reason, changed_by)
        SELECT id, NULL, status, status_since, NULL, ${by} FROM volunteer_profiles
        WHERE id = ANY(${`{${got.map((g) => g.id).join(',')}}`}::int[])`,
  );
  return got.map((g) => g.id);
}

export async function updateProfile(tx: Tx, id: number, f: Omit<UpdateVolunteerBody, 'version'>, now: Date) {
  await tx.execute(
    sql`UPDATE volunteer_profiles SET grp = ${f.group}, faculty = ${f.faculty ?? null},
          study_year = ${f.studyYear ?? null}, profession = ${f.profession ?? null},
          languages = ${`{${f.languages.map((l) => JSON.stringify(l)).join(',')}}`}::text[],
          home_province_code = ${f.homeProvinceCode ?? null}, ready_declared_on = ${f.readyDeclaredOn ?? null},
          consent_contact = ${f.consentContact}, consent_on = ${f.consentOn ?? null}, note = ${f.note ?? null},
          version = version + 1, updated_at = ${now.toISOString()}
        WHERE id = ${id}`,
  );
}

export type QualificationRow = {
  id: number;
  skill: string;
  level: 'basic' | 'intermediate' | 'advanced';
  issuer: string | null;
  documentNo: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
};

export async function qualificationsOf(db: Db | Tx, profileId: number) {
  return rows<QualificationRow>(
    db,
    sql`SELECT id, skill, level, issuer, document_no AS "documentNo", issued_on::text AS "issuedOn",
               expires_on::text AS "expiresOn"
        FROM volunteer_qualifications WHERE profile_id = ${profileId} ORDER BY skill`,
  );
}

/** Replaces a profile's qualifications (the form sends the whole list). */
export async function replaceQualifications(tx: Tx, profileId: number, items: QualificationsBody['items']) {
  await tx.execute(sql`DELETE FROM volunteer_qualifications WHERE profile_id = ${profileId}`);
  if (items.length === 0) return;
  await tx.execute(
    sql`INSERT INTO volunteer_qualifications (profile_id, skill, level, issuer, document_no, issued_on, expires_on)
        SELECT ${profileId}, skill, level, issuer, "documentNo", "issuedOn", "expiresOn"
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(skill text, level text, issuer text,
          "documentNo" text, "issuedOn" date, "expiresOn" date)`,
  );
}

/** Adds skills (basic level, no document) to profiles, as an import declares them; existing ones are kept. */
export async function addSkills(tx: Tx, pairs: { profileId: number; skill: string }[]) {
  if (pairs.length === 0) return;
  await tx.execute(
    sql`INSERT INTO volunteer_qualifications (profile_id, skill)
        SELECT "profileId", skill FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS x("profileId" int, skill text)
        ON CONFLICT (profile_id, skill) DO NOTHING`,
  );
}

export async function availabilityOf(db: Db | Tx, profileId: number) {
  return rows<{
    id: number;
    fromDate: string;
    toDate: string;
    available: boolean;
    note: string | null;
    declaredBy: 'self' | 'officer';
  }>(
    db,
    sql`SELECT id, from_date::text AS "fromDate", to_date::text AS "toDate", available, note,
               declared_by AS "declaredBy"
        FROM volunteer_availability WHERE profile_id = ${profileId} ORDER BY from_date, id`,
  );
}

export async function replaceAvailability(tx: Tx, profileId: number, items: AvailabilityBody['items']) {
  await tx.execute(sql`DELETE FROM volunteer_availability WHERE profile_id = ${profileId}`);
  if (items.length === 0) return;
  await tx.execute(
    sql`INSERT INTO volunteer_availability (profile_id, from_date, to_date, available, note, declared_by)
        SELECT ${profileId}, "fromDate", "toDate", available, note, 'officer'
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x("fromDate" date, "toDate" date,
          available boolean, note text)`,
  );
}

/** The person's certificates of the training module (live: never copied), valid or expired, not revoked. */
export async function certificatesOf(db: Db | Tx, personId: number) {
  return rows<{
    id: number;
    courseName: string;
    courseNameEn: string;
    number: string;
    issuedOn: string;
    validUntil: string | null;
  }>(
    db,
    sql`SELECT ce.id, ct.name_vi AS "courseName", ct.name_en AS "courseNameEn", ce.number,
               ce.issued_on::text AS "issuedOn", ce.valid_until::text AS "validUntil"
        FROM certificates ce JOIN course_types ct ON ct.id = ce.course_type_id
        WHERE ce.person_id = ${personId} AND ce.status = 'valid'
        ORDER BY ce.issued_on DESC, ce.id DESC`,
  );
}

export async function historyOf(db: Db | Tx, profileId: number) {
  return rows<{
    id: number;
    fromStatus: VolunteerStatus | null;
    toStatus: VolunteerStatus;
    onDate: string;
    reason: string | null;
    changedBy: string | null;
  }>(
    db,
    sql`SELECT c.id, c.from_status AS "fromStatus", c.to_status AS "toStatus", c.on_date::text AS "onDate",
               c.reason, u.full_name AS "changedBy"
        FROM volunteer_status_changes c LEFT JOIN users u ON u.id = c.changed_by
        WHERE c.profile_id = ${profileId} ORDER BY c.on_date DESC, c.id DESC`,
  );
}

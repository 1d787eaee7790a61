import { type SQL, sql } from 'drizzle-orm';
import { byVietnameseName } from '../../../contracts/names.ts';
import { type Db, fetchPage, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { escapeLike, foldVi } from '../../../platform/text.ts';

/**
 * All certificate SQL. Every read of certificates takes a Scope: a certificate is seen by the issuer's subtree
 * and by the subtree of the holder's employer (an enterprise reads its own workers' certificates, whoever
 * trained them). Changing one (revoke, reissue) is still the issuer's: the service checks `training.manage` on
 * the issuer's path.
 */
export function certificateVisible(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return sql`(${scopeSql(scope, sql`c.issuer_path`)} OR EXISTS (
    SELECT 1 FROM people hp JOIN organisations emp ON emp.id = hp.employer_org_id
    WHERE hp.id = c.person_id AND ${scopeSql(scope, sql`emp.path`)}))`;
}

export type CertificateRow = {
  id: number;
  number: string;
  status: 'valid' | 'revoked' | 'replaced';
  statusReason: string | null;
  issuedOn: string;
  validUntil: string | null;
  issuerOrgId: number;
  issuerPath: string;
  issuerName: string;
  issuerParentName: string | null;
  /** The issuer's province as a document names its place ("Bắc Ninh"), when known. */
  issuerPlace: string | null;
  personId: number;
  personName: string;
  personBirthDate: string | null;
  personSex: 'male' | 'female' | null;
  courseTypeId: number;
  courseCode: string;
  courseName: string;
  certificateKind: 'certificate' | 'safety_card' | 'attendance';
  courseHours: number;
  enrolmentId: number | null;
  classId: number | null;
  classCode: string | null;
  theoryScore: number | null;
  practiceScore: number | null;
  firstDay: string | null;
  lastDay: string | null;
  classHours: number | null;
  replacesId: number | null;
  verifyCode: string;
};

/** Sessions' instants read as Vietnamese calendar days (UTC+7, no DST). */
const vnDaySql = (col: SQL) => sql`to_char((${col} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

const selectCertificate = sql`
  SELECT c.id, c.number, c.status, c.status_reason AS "statusReason", c.issued_on::text AS "issuedOn",
         c.valid_until::text AS "validUntil", c.issuer_org_id AS "issuerOrgId", c.issuer_path::text AS "issuerPath",
         o.name AS "issuerName", par.name AS "issuerParentName",
         regexp_replace(pu.name, '^(Thành phố|Tỉnh) ', '') AS "issuerPlace",
         c.person_id AS "personId", p.full_name AS "personName", p.birth_date::text AS "personBirthDate",
         p.sex AS "personSex", c.course_type_id AS "courseTypeId", ct.code AS "courseCode",
         ct.name_vi AS "courseName", ct.certificate_kind AS "certificateKind", ct.hours::float8 AS "courseHours",
         c.enrolment_id AS "enrolmentId", e.class_id AS "classId", k.code AS "classCode",
         e.theory_score::float8 AS "theoryScore", e.practice_score::float8 AS "practiceScore",
         s.first_day AS "firstDay", s.last_day AS "lastDay", s.hours AS "classHours",
         c.replaces_id AS "replacesId", c.verify_code AS "verifyCode"
  FROM certificates c
  JOIN organisations o ON o.id = c.issuer_org_id
  LEFT JOIN organisations par ON par.id = o.parent_id
  LEFT JOIN admin_units au ON au.code = o.admin_unit_code
  LEFT JOIN admin_units pu ON pu.code = coalesce(au.province_code, au.code)
  JOIN people p ON p.id = c.person_id
  JOIN course_types ct ON ct.id = c.course_type_id
  LEFT JOIN enrolments e ON e.id = c.enrolment_id
  LEFT JOIN training_classes k ON k.id = e.class_id
  LEFT JOIN LATERAL (
    SELECT ${vnDaySql(sql`min(cs.starts_at)`)} AS first_day, ${vnDaySql(sql`max(cs.ends_at)`)} AS last_day,
           sum(cs.hours)::float8 AS hours
    FROM class_sessions cs WHERE cs.class_id = e.class_id
  ) s ON true`;

export async function findCertificate(db: Db | Tx, scope: Scope, id: number): Promise<CertificateRow | null> {
  const [row] = await rows<CertificateRow>(
    db,
    sql`${selectCertificate} WHERE c.id = ${id} AND ${certificateVisible(scope)}`,
  );
  return row ?? null;
}

export async function findCertificatesByIds(db: Db | Tx, ids: number[]): Promise<CertificateRow[]> {
  if (ids.length === 0) return [];
  return rows<CertificateRow>(
    db,
    sql`${selectCertificate} WHERE c.id = ANY(${`{${ids.join(',')}}`}::int[]) ORDER BY c.seq`,
  );
}

/**
 * The current certificates of a class (revoked and replaced ones are not printed in bulk), in the signature
 * sheet's order (by given name), so the printed stack follows the class list.
 */
export async function classCertificates(db: Db | Tx, classId: number): Promise<CertificateRow[]> {
  const list = await rows<CertificateRow>(
    db,
    sql`${selectCertificate} WHERE e.class_id = ${classId} AND c.status = 'valid' ORDER BY c.year, c.seq`,
  );
  return byVietnameseName(list, (c) => c.personName);
}

export type CertificateFilter = {
  personId?: number | undefined;
  classId?: number | undefined;
  orgPath?: string | undefined;
  status?: 'valid' | 'revoked' | 'replaced' | undefined;
  /** A certificate number (exact or its beginning) when it holds a digit, else the holder's name. */
  q?: string | undefined;
};

/** The number as the index folds it (lower, no diacritics, `đ` → `d`, no spaces), as a LIKE prefix. */
function numberPrefix(q: string): string {
  return `${escapeLike(foldVi(q).replace(/\s+/g, ''))}%`;
}

/**
 * Text search: a number ("000123/2026/GCN-TTDVNĐ", "000123", "000123/2026/gcn-ttdvnd") on
 * certificates_number_search_idx; a name without diacritics ("nguyen van an") on the people registry's trigram
 * index (people.search_text). Certificate numbers always hold digits and names never do.
 */
function searchCondition(q: string): SQL {
  return /\d/.test(q)
    ? sql`lower(ct_unaccent(c.number)) LIKE ${numberPrefix(q)}`
    : matchesSearch(sql`p.search_text`, q);
}

export async function listCertificates(
  db: Db,
  scope: Scope,
  f: CertificateFilter,
  page: { page: number; pageSize: number },
) {
  const where: SQL[] = [certificateVisible(scope)];
  if (f.personId) where.push(sql`c.person_id = ${f.personId}`);
  if (f.classId) where.push(sql`e.class_id = ${f.classId}`);
  // An organisation's certificates: those it (or a unit below) issued and those of its workers.
  if (f.orgPath) where.push(certificateVisible({ all: false, paths: [f.orgPath] }));
  if (f.status) where.push(sql`c.status = ${f.status}`);
  const q = f.q?.trim();
  if (q) where.push(searchCondition(q));
  const cond = sql.join(where, sql` AND `);
  return fetchPage<CertificateRow>(
    db,
    sql`${selectCertificate} WHERE ${cond} ORDER BY c.issued_on DESC, c.id DESC
        LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    sql`SELECT count(*)::int AS total FROM certificates c LEFT JOIN enrolments e ON e.id = c.enrolment_id
        ${q ? sql`JOIN people p ON p.id = c.person_id` : sql``}
        WHERE ${cond}`,
  );
}

// ——— Issuing ———

export type ClassForIssue = {
  id: number;
  code: string;
  status: string;
  providerOrgId: number;
  providerPath: string;
  providerName: string;
  providerShortName: string | null;
  courseTypeId: number;
  validityMonths: number | null;
  certificateKind: 'certificate' | 'safety_card' | 'attendance';
};

/**
 * The class, locked (FOR UPDATE) for the rest of the transaction: two issuing calls for one class run one
 * after the other, so the second sees the first one's certificates and issues nothing twice.
 */
export async function lockClassForIssue(
  tx: Tx,
  scope: Scope,
  classId: number,
): Promise<ClassForIssue | null> {
  const [row] = await rows<ClassForIssue>(
    tx,
    sql`SELECT k.id, k.code, k.status, k.provider_org_id AS "providerOrgId", k.provider_path::text AS "providerPath",
               o.name AS "providerName", o.short_name AS "providerShortName", k.course_type_id AS "courseTypeId",
               ct.validity_months AS "validityMonths", ct.certificate_kind AS "certificateKind"
        FROM training_classes k
        JOIN organisations o ON o.id = k.provider_org_id
        JOIN course_types ct ON ct.id = k.course_type_id
        WHERE k.id = ${classId} AND ${scopeSql(scope, sql`k.provider_path`)}
        FOR UPDATE OF k`,
  );
  return row ?? null;
}

export async function findClassInScope(db: Db, scope: Scope, classId: number) {
  const [row] = await rows<{ id: number; code: string; providerPath: string }>(
    db,
    sql`SELECT id, code, provider_path::text AS "providerPath" FROM training_classes
        WHERE id = ${classId} AND ${scopeSql(scope, sql`provider_path`)}`,
  );
  return row ?? null;
}

/**
 * Learners of the class who passed: with or without a certificate of this class already. In the class list's order
 * (by given name), so the numbers a batch takes follow the signature sheet and the printed stack.
 */
export async function passedEnrolments(tx: Tx, classId: number) {
  const list = await rows<{
    enrolmentId: number;
    personId: number;
    fullName: string;
    hasCertificate: boolean;
  }>(
    tx,
    // Any certificate of the enrolment counts (a revoked one too: revoking is not undone by issuing again).
    sql`SELECT e.id AS "enrolmentId", e.person_id AS "personId", p.full_name AS "fullName",
               EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = e.person_id AND c.enrolment_id = e.id)
                 AS "hasCertificate"
        FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.class_id = ${classId} AND e.status = 'enrolled' AND e.outcome = 'pass'
        ORDER BY e.id`,
  );
  return byVietnameseName(list, (e) => e.fullName);
}

/**
 * Takes `n` consecutive numbers of the issuer's year. The upsert locks the counter row until the
 * transaction ends, so concurrent issuers queue on it: numbers never repeat and, since a rolled-back
 * transaction also rolls back its increment, never skip.
 */
export async function takeNumbers(tx: Tx, issuerOrgId: number, year: number, n: number): Promise<number> {
  const [row] = await rows<{ lastSeq: number }>(
    tx,
    sql`INSERT INTO certificate_counters (issuer_org_id, year, last_seq) VALUES (${issuerOrgId}, ${year}, ${n})
        ON CONFLICT (issuer_org_id, year) DO UPDATE SET last_seq = certificate_counters.last_seq + EXCLUDED.last_seq
        RETURNING last_seq AS "lastSeq"`,
  );
  return row!.lastSeq - n + 1;
}

export type NewCertificate = {
  issuerOrgId: number;
  issuerPath: string;
  year: number;
  seq: number;
  number: string;
  personId: number;
  enrolmentId: number | null;
  courseTypeId: number;
  issuedOn: string;
  validUntil: string | null;
  verifyCode: string;
  replacesId: number | null;
  createdBy: number;
};

export async function insertCertificates(tx: Tx, list: NewCertificate[]): Promise<number[]> {
  if (list.length === 0) return [];
  const values = list.map(
    (c) =>
      sql`(${c.issuerOrgId}, ${c.issuerPath}::ltree, ${c.year}, ${c.seq}, ${c.number}, ${c.personId}, ${c.enrolmentId},
           ${c.courseTypeId}, ${c.issuedOn}::date, ${c.validUntil}::date, ${c.verifyCode}, ${c.replacesId}, ${c.createdBy})`,
  );
  const inserted = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id, enrolment_id,
                                  course_type_id, issued_on, valid_until, verify_code, replaces_id, created_by)
        VALUES ${sql.join(values, sql`, `)} RETURNING id`,
  );
  return inserted.map((r) => r.id);
}

/** Locks one certificate for a status change; answers its status then. */
export async function lockCertificate(tx: Tx, scope: Scope, id: number) {
  const [row] = await rows<{ id: number; status: string; issuerOrgId: number; issuerPath: string }>(
    tx,
    sql`SELECT id, status, issuer_org_id AS "issuerOrgId", issuer_path::text AS "issuerPath" FROM certificates c
        WHERE id = ${id} AND ${certificateVisible(scope)} FOR UPDATE OF c`,
  );
  return row ?? null;
}

export async function setStatus(tx: Tx, id: number, status: 'revoked' | 'replaced', reason: string) {
  await tx.execute(
    sql`UPDATE certificates SET status = ${status}, status_reason = ${reason} WHERE id = ${id}`,
  );
}

/**
 * The path of the organisation a certificate list is filtered by — deliberately without the caller's scope: an
 * enterprise filters its workers' certificates by the centre that issued them, outside its tree. Safe: the path
 * is only an extra condition beside `certificateVisible(scope)`, so it shows nothing the caller could not list.
 */
export async function orgPathForFilter(db: Db, orgId: number): Promise<string | null> {
  const [row] = await rows<{ path: string }>(
    db,
    sql`SELECT path::text AS path FROM organisations WHERE id = ${orgId}`,
  );
  return row?.path ?? null;
}

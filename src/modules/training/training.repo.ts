import { type SQL, sql } from 'drizzle-orm';
import type { CourseTypeView } from '../../contracts/training.ts';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';

/** All training SQL. Every read of organisation-owned rows takes a Scope. */

const courseColumns = sql`ct.id, ct.code, ct.family, ct.name_vi AS "nameVi", ct.name_en AS "nameEn", ct.periods,
  ct.hours::float8 AS hours, ct.max_learners AS "maxLearners", ct.min_trainers AS "minTrainers",
  ct.prerequisite_code AS "prerequisiteCode", ct.validity_months AS "validityMonths",
  ct.refresher_months AS "refresherMonths", ct.refresher_hours::float8 AS "refresherHours",
  ct.pass_mark::float8 AS "passMark", ct.certificate_kind AS "certificateKind", ct.legal_source AS "legalSource",
  ct.effective_from::text AS "effectiveFrom", ct.effective_to::text AS "effectiveTo", ct.owner_org_id AS "ownerOrgId",
  ct.active`;

/** Built-in rules are for everyone; a custom course is visible to whoever sees its owner. */
function courseVisibleSql(scope: Scope): SQL {
  return sql`(ct.owner_org_id IS NULL OR EXISTS (SELECT 1 FROM organisations oo WHERE oo.id = ct.owner_org_id
    AND ${scopeSql(scope, sql`oo.path`)}))`;
}

export async function listCourseTypes(
  db: Db,
  scope: Scope,
  f: { on?: string; active?: boolean; family?: string },
): Promise<CourseTypeView[]> {
  return rows<CourseTypeView>(
    db,
    sql`SELECT ${courseColumns} FROM course_types ct
        WHERE ${courseVisibleSql(scope)}
          ${f.on ? sql`AND ct.effective_from <= ${f.on}::date AND (ct.effective_to IS NULL OR ct.effective_to >= ${f.on}::date)` : sql``}
          ${f.active === undefined ? sql`` : sql`AND ct.active = ${f.active}`}
          ${f.family ? sql`AND ct.family = ${f.family}` : sql``}
        ORDER BY ct.family, ct.code`,
  );
}

/** A course by id (scope: built-in, or owned by a visible organisation, or by `ownerPathOf` ancestors). */
export async function findCourse(db: Db | Tx, id: number): Promise<CourseTypeView | undefined> {
  const [row] = await rows<CourseTypeView>(
    db,
    sql`SELECT ${courseColumns} FROM course_types ct WHERE ct.id = ${id}`,
  );
  return row;
}

export async function findCourseByCode(db: Db | Tx, code: string): Promise<CourseTypeView | undefined> {
  const [row] = await rows<CourseTypeView>(
    db,
    sql`SELECT ${courseColumns} FROM course_types ct WHERE ct.code = ${code}`,
  );
  return row;
}

export async function ownerPathOfCourse(db: Db | Tx, courseId: number): Promise<string | null> {
  const [row] = await rows<{ path: string | null }>(
    db,
    sql`SELECT o.path::text AS path FROM course_types ct LEFT JOIN organisations o ON o.id = ct.owner_org_id
        WHERE ct.id = ${courseId}`,
  );
  return row?.path ?? null;
}

export type OrgRef = { id: number; path: string; name: string; status: string };

/** An organisation by id, unscoped: callers decide what the caller may do there. */
export async function findOrgRef(db: Db | Tx, id: number): Promise<OrgRef | undefined> {
  const [row] = await rows<OrgRef>(
    db,
    sql`SELECT id, path::text AS path, name, status FROM organisations WHERE id = ${id}`,
  );
  return row;
}

// ——— Trainers ———

export type TrainerRow = {
  id: number;
  personId: number;
  fullName: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  qualification: string;
  courseCodes: string[];
  active: boolean;
};

const trainerSelect = sql`SELECT t.id, t.person_id AS "personId", p.full_name AS "fullName", t.org_id AS "orgId",
  o.name AS "orgName", t.org_path::text AS "orgPath", t.qualification, t.course_codes AS "courseCodes", t.active
  FROM trainers t JOIN people p ON p.id = t.person_id JOIN organisations o ON o.id = t.org_id`;

export async function listTrainers(db: Db, scope: Scope, orgPath?: string): Promise<TrainerRow[]> {
  return rows<TrainerRow>(
    db,
    sql`${trainerSelect} WHERE ${scopeSql(scope, sql`t.org_path`)}
        ${orgPath ? sql`AND t.org_path <@ ${orgPath}::ltree` : sql``} ORDER BY p.full_name, t.id`,
  );
}

/**
 * Trainers by id, locked FOR UPDATE in id order: two assignments of one trainer (or a session change of a
 * class the trainer teaches) are serialised, so both cannot pass the overlap check; the order avoids deadlocks.
 */
export async function lockTrainers(tx: Tx, scope: Scope, ids: number[]): Promise<TrainerRow[]> {
  if (ids.length === 0) return [];
  return rows<TrainerRow>(
    tx,
    sql`${trainerSelect} WHERE t.id = ANY(${`{${ids.join(',')}}`}::int[]) AND ${scopeSql(scope, sql`t.org_path`)}
        ORDER BY t.id FOR UPDATE OF t`,
  );
}

/** Other live classes where these trainers teach a session overlapping one of `classId`'s sessions. */
export async function trainerOverlaps(tx: Tx, classId: number, trainerIds: number[]) {
  if (trainerIds.length === 0) return [];
  return rows<{ trainerId: number; classCode: string }>(
    tx,
    sql`SELECT DISTINCT ct.trainer_id AS "trainerId", c2.code AS "classCode"
        FROM class_trainers ct
        JOIN training_classes c2 ON c2.id = ct.class_id AND c2.id <> ${classId} AND c2.status <> 'cancelled'
        JOIN class_sessions s2 ON s2.class_id = c2.id
        JOIN class_sessions s1 ON s1.class_id = ${classId}
        WHERE ct.trainer_id = ANY(${`{${trainerIds.join(',')}}`}::int[])
          AND s1.starts_at < s2.ends_at AND s2.starts_at < s1.ends_at
        ORDER BY 1, 2`,
  );
}

/** Other live classes where these people hold a place (enrolled or waitlisted) in an overlapping session. */
export async function personOverlaps(tx: Tx, classId: number, personIds: number[]) {
  if (personIds.length === 0) return [];
  return rows<{ personId: number; classCode: string }>(
    tx,
    sql`SELECT DISTINCT e.person_id AS "personId", c2.code AS "classCode"
        FROM enrolments e
        JOIN training_classes c2 ON c2.id = e.class_id AND c2.id <> ${classId} AND c2.status <> 'cancelled'
        JOIN class_sessions s2 ON s2.class_id = c2.id
        JOIN class_sessions s1 ON s1.class_id = ${classId}
        WHERE e.person_id = ANY(${`{${personIds.join(',')}}`}::int[]) AND e.status IN ('enrolled', 'waitlisted')
          AND s1.starts_at < s2.ends_at AND s2.starts_at < s1.ends_at
        ORDER BY 1, 2`,
  );
}

// ——— Requests ———

export type RequestRow = {
  id: number;
  requesterOrgId: number;
  requesterPath: string;
  requesterName: string;
  providerOrgId: number;
  providerPath: string;
  providerName: string;
  courseTypeId: number;
  courseCode: string;
  learners: number;
  place: string | null;
  preferredFrom: string | null;
  preferredTo: string | null;
  notes: string | null;
  status: 'requested' | 'accepted' | 'scheduled' | 'declined' | 'done';
  version: number;
  classIds: number[];
};

/** A request is visible to whoever sees the requester or the provider. */
function requestVisibleSql(scope: Scope): SQL {
  return sql`(${scopeSql(scope, sql`r.requester_path`)} OR ${scopeSql(scope, sql`r.provider_path`)})`;
}

const requestSelect = sql`SELECT r.id, r.requester_org_id AS "requesterOrgId", r.requester_path::text AS "requesterPath",
  ro.name AS "requesterName", r.provider_org_id AS "providerOrgId", r.provider_path::text AS "providerPath",
  po.name AS "providerName", r.course_type_id AS "courseTypeId", ct.code AS "courseCode", r.learners, r.place,
  r.preferred_from::text AS "preferredFrom", r.preferred_to::text AS "preferredTo", r.notes, r.status, r.version,
  coalesce((SELECT array_agg(c.id ORDER BY c.id) FROM training_classes c WHERE c.request_id = r.id), '{}') AS "classIds"
  FROM training_requests r JOIN organisations ro ON ro.id = r.requester_org_id
  JOIN organisations po ON po.id = r.provider_org_id JOIN course_types ct ON ct.id = r.course_type_id`;

export async function listRequests(db: Db, scope: Scope, status?: string): Promise<RequestRow[]> {
  return rows<RequestRow>(
    db,
    sql`${requestSelect} WHERE ${requestVisibleSql(scope)} ${status ? sql`AND r.status = ${status}` : sql``}
        ORDER BY r.created_at DESC, r.id DESC`,
  );
}

export async function findRequest(db: Db | Tx, scope: Scope, id: number, lock = false) {
  const [row] = await rows<RequestRow>(
    db,
    sql`${requestSelect} WHERE r.id = ${id} AND ${requestVisibleSql(scope)} ${lock ? sql`FOR UPDATE OF r` : sql``}`,
  );
  return row;
}

// ——— Classes ———

export type ClassRow = {
  id: number;
  code: string;
  title: string;
  requestId: number | null;
  providerOrgId: number;
  providerPath: string;
  providerName: string;
  customerOrgId: number | null;
  customerPath: string | null;
  customerName: string | null;
  courseTypeId: number;
  courseCode: string;
  venue: string | null;
  capacity: number;
  pricePerLearner: number;
  paidAmount: number;
  enrolled: number;
  waitlisted: number;
  firstSessionAt: string | null;
  status: 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';
  version: number;
};

/** A class is visible to whoever sees its provider or its customer enterprise. */
function classVisibleSql(scope: Scope): SQL {
  return sql`(${scopeSql(scope, sql`c.provider_path`)} OR ${scopeSql(scope, sql`cu.path`)})`;
}

const classSelect = sql`SELECT c.id, c.code, c.title, c.request_id AS "requestId", c.provider_org_id AS "providerOrgId",
  c.provider_path::text AS "providerPath", po.name AS "providerName", c.customer_org_id AS "customerOrgId",
  cu.path::text AS "customerPath", cu.name AS "customerName", c.course_type_id AS "courseTypeId", ct.code AS "courseCode",
  c.venue, c.capacity, c.price_per_learner::float8 AS "pricePerLearner", c.paid_amount::float8 AS "paidAmount",
  (SELECT count(*)::int FROM enrolments e WHERE e.class_id = c.id AND e.status = 'enrolled') AS enrolled,
  (SELECT count(*)::int FROM enrolments e WHERE e.class_id = c.id AND e.status = 'waitlisted') AS waitlisted,
  (SELECT to_char(min(s.starts_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM class_sessions s
    WHERE s.class_id = c.id) AS "firstSessionAt",
  c.status, c.version
  FROM training_classes c JOIN organisations po ON po.id = c.provider_org_id
  LEFT JOIN organisations cu ON cu.id = c.customer_org_id JOIN course_types ct ON ct.id = c.course_type_id`;

export async function listClasses(db: Db, scope: Scope, f: { status?: string; requestId?: number }) {
  return rows<ClassRow>(
    db,
    sql`${classSelect} WHERE ${classVisibleSql(scope)} ${f.status ? sql`AND c.status = ${f.status}` : sql``}
        ${f.requestId ? sql`AND c.request_id = ${f.requestId}` : sql``}
        ORDER BY c.id DESC LIMIT 500`,
  );
}

/**
 * `lock` takes the class row FOR UPDATE: enrolments, cancellations and edits of one class are serialised. The
 * lock is its own statement, so the counts read next see what the previous holder committed (a statement that
 * waited for a row lock still counts with the snapshot it started with).
 */
export async function findClass(db: Db | Tx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`SELECT id FROM training_classes WHERE id = ${id} FOR UPDATE`);
  const [row] = await rows<ClassRow>(
    db,
    sql`${classSelect} WHERE c.id = ${id} AND ${classVisibleSql(scope)}`,
  );
  return row;
}

export async function sessionsOf(db: Db | Tx, classId: number) {
  return rows<{
    id: number;
    startsAt: string;
    endsAt: string;
    hours: number;
    topic: string | null;
    venue: string | null;
  }>(
    db,
    sql`SELECT id, to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startsAt",
          to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "endsAt", hours::float8 AS hours, topic, venue
        FROM class_sessions WHERE class_id = ${classId} ORDER BY starts_at, id`,
  );
}

export async function classTrainersOf(db: Db | Tx, classId: number) {
  return rows<{ id: number; personId: number; fullName: string; qualification: string }>(
    db,
    sql`SELECT t.id, t.person_id AS "personId", p.full_name AS "fullName", t.qualification
        FROM class_trainers x JOIN trainers t ON t.id = x.trainer_id JOIN people p ON p.id = t.person_id
        WHERE x.class_id = ${classId} ORDER BY t.id`,
  );
}

export type EnrolmentRow = {
  id: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  waitlistedAt: string | null;
  theoryScore: number | null;
  practiceScore: number | null;
  outcome: 'pass' | 'fail' | 'no_show' | 'left_early' | null;
};

export async function enrolmentsOf(db: Db | Tx, classId: number): Promise<EnrolmentRow[]> {
  return rows<EnrolmentRow>(
    db,
    sql`SELECT e.id, e.person_id AS "personId", p.full_name AS "fullName", p.birth_date::text AS "birthDate", e.status,
          to_char(e.waitlisted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "waitlistedAt",
          e.theory_score::float8 AS "theoryScore", e.practice_score::float8 AS "practiceScore", e.outcome
        FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.class_id = ${classId}
        ORDER BY CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, e.waitlisted_at NULLS FIRST, e.id`,
  );
}

/** The service agreement's paid amount (VND), bumping the class's version. */
export async function setPaidAmount(tx: Tx, classId: number, paidAmount: number, now: Date): Promise<void> {
  await tx.execute(
    sql`UPDATE training_classes SET paid_amount = ${paidAmount}, version = version + 1, updated_at = ${now.toISOString()}
        WHERE id = ${classId}`,
  );
}

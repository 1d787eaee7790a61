import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { byVietnameseName } from '../../../contracts/names.ts';
import type { setSessionsBody } from '../../../contracts/training.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { classSessions, classTrainers, trainingClasses } from '../training.tables.ts';

/** SQL of classes: the class with its sessions, trainers and learners, and its writes. */

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

/**
 * A class is visible to whoever sees its provider or its customer enterprise; each side sees the other's name.
 */
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

/** A class's enrolments: the enrolled by name (the signature sheet's order), then the waitlist in its queue order. */
export async function enrolmentsOf(db: Db | Tx, classId: number): Promise<EnrolmentRow[]> {
  const list = await rows<EnrolmentRow>(
    db,
    sql`SELECT e.id, e.person_id AS "personId", p.full_name AS "fullName", p.birth_date::text AS "birthDate", e.status,
          to_char(e.waitlisted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "waitlistedAt",
          e.theory_score::float8 AS "theoryScore", e.practice_score::float8 AS "practiceScore", e.outcome
        FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.class_id = ${classId}
        ORDER BY CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, e.waitlisted_at NULLS FIRST, e.id`,
  );
  const enrolled = byVietnameseName(
    list.filter((e) => e.status === 'enrolled'),
    (e) => e.fullName,
  );
  return [...enrolled, ...list.filter((e) => e.status !== 'enrolled')];
}

/** The service agreement's paid amount (VND), bumping the class's version. */
export async function setPaidAmount(tx: Tx, classId: number, paidAmount: number, now: Date): Promise<void> {
  await tx.execute(
    sql`UPDATE training_classes SET paid_amount = ${paidAmount}, version = version + 1, updated_at = ${now.toISOString()}
        WHERE id = ${classId}`,
  );
}

/**
 * Whether the organisation a provider names as a class's customer exists — deliberately outside the caller's
 * scope: a provider trains the workers of enterprises in other trees (an industrial park's companies for a Red
 * Cross centre). Safe: it answers only "exists"; the customer's name then shows on the class, to whoever sees it.
 */
export async function customerExists(tx: Tx, orgId: number): Promise<boolean> {
  const [row] = await rows<{ id: number }>(tx, sql`SELECT id FROM organisations WHERE id = ${orgId}`);
  return row !== undefined;
}

export async function classCodeTaken(tx: Tx, providerOrgId: number, code: string): Promise<boolean> {
  const [dup] = await tx
    .select({ id: trainingClasses.id })
    .from(trainingClasses)
    .where(and(eq(trainingClasses.providerOrgId, providerOrgId), eq(trainingClasses.code, code)));
  return dup !== undefined;
}

export async function insertClassRow(tx: Tx, values: typeof trainingClasses.$inferInsert) {
  const [row] = await tx.insert(trainingClasses).values(values).returning();
  return row!;
}

export async function updateClassRow(
  tx: Tx,
  id: number,
  values: Partial<typeof trainingClasses.$inferInsert>,
): Promise<void> {
  await tx.update(trainingClasses).set(values).where(eq(trainingClasses.id, id));
}

type SessionInput = z.output<typeof setSessionsBody>['sessions'][number];

export async function replaceSessions(tx: Tx, classId: number, sessions: SessionInput[]): Promise<void> {
  await tx.delete(classSessions).where(eq(classSessions.classId, classId));
  if (sessions.length)
    await tx.insert(classSessions).values(
      sessions.map((s) => ({
        ...s,
        classId,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
      })),
    );
}

export async function replaceTrainers(tx: Tx, classId: number, trainerIds: number[]): Promise<void> {
  await tx.delete(classTrainers).where(eq(classTrainers.classId, classId));
  if (trainerIds.length)
    await tx.insert(classTrainers).values(trainerIds.map((trainerId) => ({ classId, trainerId })));
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

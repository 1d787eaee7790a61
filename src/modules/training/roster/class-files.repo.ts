import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';

/** SQL of the class documents (roster export, attendance sheet): the class's header facts and its learners. */

export type ClassHeader = {
  providerName: string;
  providerParentName: string | null;
  /** The provider's province as documents name their place ("Bắc Ninh"), when known. */
  providerPlace: string | null;
  customerName: string | null;
  courseName: string;
  courseCode: string;
  courseHours: number;
  coursePeriods: number | null;
  legalSource: string;
};

export async function classHeader(db: Db | Tx, classId: number): Promise<ClassHeader | undefined> {
  const [row] = await rows<ClassHeader>(
    db,
    sql`SELECT o.name AS "providerName", par.name AS "providerParentName",
          regexp_replace(pu.name, '^(Thành phố|Tỉnh) ', '') AS "providerPlace", cu.name AS "customerName",
          ct.name_vi AS "courseName", ct.code AS "courseCode", ct.hours::float8 AS "courseHours",
          ct.periods AS "coursePeriods", ct.legal_source AS "legalSource"
        FROM training_classes c JOIN organisations o ON o.id = c.provider_org_id
        LEFT JOIN organisations par ON par.id = o.parent_id
        LEFT JOIN admin_units au ON au.code = o.admin_unit_code
        LEFT JOIN admin_units pu ON pu.code = coalesce(au.province_code, au.code)
        LEFT JOIN organisations cu ON cu.id = c.customer_org_id
        JOIN course_types ct ON ct.id = c.course_type_id
        WHERE c.id = ${classId}`,
  );
  return row;
}

export type RosterLine = {
  personId: number;
  status: 'enrolled' | 'waitlisted';
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  cccd: string | null;
  phone: string | null;
  jobTitle: string | null;
  /** The person's employer (the enterprise), else the organisation that keeps the record. */
  unitName: string | null;
  orgId: number;
  orgPath: string;
  theoryScore: number | null;
  practiceScore: number | null;
  outcome: 'pass' | 'fail' | 'no_show' | 'left_early' | null;
  certificateNumber: string | null;
};

/** The learners of a class holding a place (enrolled, then the waitlist in arrival order). */
export async function rosterLines(db: Db | Tx, classId: number): Promise<RosterLine[]> {
  return rows<RosterLine>(
    db,
    sql`SELECT p.id AS "personId", e.status, p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.sex,
          p.cccd, p.phone, p.job_title AS "jobTitle", coalesce(emp.name, keeper.name) AS "unitName",
          p.org_id AS "orgId", p.org_path::text AS "orgPath",
          e.theory_score::float8 AS "theoryScore", e.practice_score::float8 AS "practiceScore", e.outcome,
          (SELECT ce.number FROM certificates ce WHERE ce.enrolment_id = e.id AND ce.status = 'valid'
            ORDER BY ce.id DESC LIMIT 1) AS "certificateNumber"
        FROM enrolments e JOIN people p ON p.id = e.person_id
        JOIN organisations keeper ON keeper.id = p.org_id
        LEFT JOIN organisations emp ON emp.id = p.employer_org_id
        WHERE e.class_id = ${classId} AND e.status IN ('enrolled', 'waitlisted')
        ORDER BY CASE e.status WHEN 'enrolled' THEN 0 ELSE 1 END, e.waitlisted_at NULLS FIRST, e.id`,
  );
}

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CourseTypeView, providerView } from '../../../contracts/training.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { courseTypes } from '../training.tables.ts';

/** SQL of the course catalogue and of the providers list. */

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

export async function insertCourse(tx: Tx, values: typeof courseTypes.$inferInsert): Promise<number> {
  const [row] = await tx.insert(courseTypes).values(values).returning({ id: courseTypes.id });
  return row!.id;
}

/**
 * Organisations that run training, for any signed-in user choosing where to send a request (an enterprise's HR
 * cannot see the Red Cross tree): active Red Cross bodies, service centres and training institutions, and any
 * organisation with trainers. Unscoped on purpose: names only, nothing personal, of bodies that offer training.
 */
export async function listProviders(db: Db): Promise<z.infer<typeof providerView>[]> {
  return rows<z.infer<typeof providerView>>(
    db,
    sql`SELECT o.id, o.name, o.short_name AS "shortName", par.name AS "parentName", o.kind,
          coalesce((SELECT array_agg(ct.id ORDER BY ct.family, ct.code) FROM course_types ct
                    LEFT JOIN organisations ow ON ow.id = ct.owner_org_id
                    WHERE ct.active AND (ct.owner_org_id IS NULL OR ow.path <@ o.path OR o.path <@ ow.path)), '{}') AS "courseTypeIds"
        FROM organisations o LEFT JOIN organisations par ON par.id = o.parent_id
        WHERE o.status = 'active'
          AND (o.kind IN ('red_cross', 'service_centre', 'training_institution')
               OR EXISTS (SELECT 1 FROM trainers t WHERE t.org_id = o.id AND t.active))
        ORDER BY o.kind <> 'service_centre', o.name
        LIMIT 2000`,
  );
}

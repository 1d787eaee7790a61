import { type SQL, sql } from 'drizzle-orm';
import { intArray } from '../../../platform/db/arrays.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { vietnameseNameOrderSql } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/**
 * SQL of compliance and reach. "Held until" of a person's course is the latest of: a valid certificate's last
 * valid day, or — for a passed enrolment with no certificate — the class's last session day plus the rule's
 * validity (courses that issue none, like OSH group 4, are proved by the training record; a revoked
 * certificate voids its training). No expiry = 'infinity'.
 */

/** (person, course, until) for every course a person holds, certificate or passed training. */
const heldSql = (people: SQL) => sql`
  SELECT h.pid, h.cid, max(h.until) AS until FROM (
    SELECT ce.person_id AS pid, ce.course_type_id AS cid, coalesce(ce.valid_until, 'infinity'::date) AS until
    FROM certificates ce WHERE ce.status = 'valid' AND ce.person_id IN (${people})
    UNION ALL
    SELECT e.person_id, k.course_type_id,
      CASE WHEN ct.validity_months IS NULL THEN 'infinity'::date
           ELSE ((SELECT max(s.ends_at) FROM class_sessions s WHERE s.class_id = k.id) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                + make_interval(months => ct.validity_months) END::date
    FROM enrolments e JOIN training_classes k ON k.id = e.class_id JOIN course_types ct ON ct.id = k.course_type_id
    WHERE e.outcome = 'pass' AND e.person_id IN (${people})
      -- A certificate, once issued, decides (a revoked one proves nothing); the record proves the rest.
      AND NOT EXISTS (SELECT 1 FROM certificates c2 WHERE c2.enrolment_id = e.id)
  ) h GROUP BY h.pid, h.cid`;

export type DueRow = {
  personId: number;
  fullName: string;
  employerOrgId: number;
  employerName: string;
  courseCode: string;
  courseName: string;
  reason: 'never_trained' | 'expired' | 'expiring';
  kind: 'initial' | 'refresher';
  hours: number;
  validUntil: string | null;
  legalSource: string;
};

/**
 * Workers (active people whose employer is in the subtree) who must be trained by `until`: for each required
 * course, the best course held that meets it (the same course, or — for workplace first aid and OSH — any
 * course of its family); plus refreshers of any other course held that expires. Never trained, expired,
 * or expiring by `until`.
 */
export async function dueTrainings(
  db: Db | Tx,
  subtree: string,
  requiredIds: number[],
  today: string,
  until: string,
): Promise<DueRow[]> {
  const workers = sql`SELECT p.id FROM people p JOIN organisations emp ON emp.id = p.employer_org_id
    WHERE emp.path <@ ${subtree}::ltree AND p.status = 'active'`;
  return rows<DueRow>(
    db,
    sql`WITH w AS (
          SELECT p.id, p.full_name, emp.id AS emp_id, emp.name AS emp_name
          FROM people p JOIN organisations emp ON emp.id = p.employer_org_id
          WHERE emp.path <@ ${subtree}::ltree AND p.status = 'active'),
        req AS (SELECT id, code, family FROM course_types WHERE id = ANY(${intArray(requiredIds)}::int[])),
        held AS (SELECT h.pid, h.cid, h.until, ct.family FROM (${heldSql(workers)}) h JOIN course_types ct ON ct.id = h.cid),
        meets AS (
          SELECT DISTINCT ON (w.id, req.id) w.id AS pid, req.id AS req_id, held.cid, held.until
          FROM w CROSS JOIN req
          LEFT JOIN held ON held.pid = w.id AND (held.cid = req.id
            OR (req.family IN ('workplace_first_aid', 'osh') AND held.family = req.family))
          ORDER BY w.id, req.id, held.until DESC NULLS LAST),
        slots AS (
          SELECT pid, coalesce(cid, req_id) AS cid, until, cid IS NULL AS initial FROM meets
          UNION
          SELECT held.pid, held.cid, held.until, false FROM held
          WHERE held.until < 'infinity'::date AND NOT EXISTS (SELECT 1 FROM meets m WHERE m.pid = held.pid AND m.cid = held.cid))
        SELECT w.id AS "personId", w.full_name AS "fullName", w.emp_id AS "employerOrgId", w.emp_name AS "employerName",
          ct.code AS "courseCode", ct.name_vi AS "courseName",
          CASE WHEN s.until IS NULL THEN 'never_trained' WHEN s.until < ${today}::date THEN 'expired' ELSE 'expiring' END AS reason,
          CASE WHEN s.initial THEN 'initial' ELSE 'refresher' END AS kind,
          (CASE WHEN s.initial THEN ct.hours ELSE coalesce(ct.refresher_hours, ct.hours) END)::float8 AS hours,
          s.until::text AS "validUntil", ct.legal_source AS "legalSource"
        FROM slots s JOIN w ON w.id = s.pid JOIN course_types ct ON ct.id = s.cid
        WHERE s.until IS NULL OR s.until <= ${until}::date
        ORDER BY s.until NULLS FIRST, w.emp_name, ${vietnameseNameOrderSql(sql`w.full_name`)}, w.id, ct.code`,
  );
}

export type EmployerRow = {
  orgId: number;
  orgName: string;
  workersInRegistry: number;
  firstAiders: number;
  declaredWorkers: number | null;
  declaredStrict: boolean | null;
  declaredAsOf: string | null;
};

/**
 * The employers in a subtree (the organisation itself first, then those with workers or a declaration), with
 * their workers in the registry, first-aiders holding a valid first-aider course (SCC_LLSC, TT 19/2016), and
 * the headcount declaration in force on `today`.
 */
export async function employersIn(db: Db | Tx, orgId: number, subtree: string, today: string) {
  return rows<EmployerRow>(
    db,
    sql`SELECT o.id AS "orgId", o.name AS "orgName",
          (SELECT count(*)::int FROM people p WHERE p.employer_org_id = o.id AND p.status = 'active') AS "workersInRegistry",
          (SELECT count(DISTINCT p.id)::int FROM people p JOIN certificates ce ON ce.person_id = p.id
             JOIN course_types ct ON ct.id = ce.course_type_id
           WHERE p.employer_org_id = o.id AND p.status = 'active' AND ct.code = 'SCC_LLSC' AND ce.status = 'valid'
             AND (ce.valid_until IS NULL OR ce.valid_until >= ${today}::date)) AS "firstAiders",
          wf.workers AS "declaredWorkers", wf.strict_osh AS "declaredStrict", wf.as_of::text AS "declaredAsOf"
        FROM organisations o
        LEFT JOIN LATERAL (SELECT workers, strict_osh, as_of FROM workforce_counts w
                           WHERE w.org_id = o.id AND w.as_of <= ${today}::date ORDER BY w.as_of DESC LIMIT 1) wf ON true
        WHERE o.path <@ ${subtree}::ltree
          AND (o.id = ${orgId} OR wf.workers IS NOT NULL
               OR EXISTS (SELECT 1 FROM people p WHERE p.employer_org_id = o.id AND p.status = 'active'))
        ORDER BY o.id <> ${orgId}, o.name, o.id`,
  );
}

export type ReachRow = {
  unitPath: string;
  classes: number;
  learnersEnrolled: number;
  learnersTrained: number;
  passed: number;
  failed: number;
  certified: number;
  revenue: number;
};

/**
 * A provider's classes whose first session falls in [from, to), over its subtree and the caller's scope,
 * grouped by the direct unit they belong to (the organisation itself, or one of its children's subtrees).
 */
export async function reachByUnit(db: Db | Tx, path: string, scope: Scope, from: string, to: string) {
  return rows<ReachRow>(
    db,
    sql`WITH k AS (
          SELECT c.id, c.price_per_learner,
            CASE WHEN nlevel(c.provider_path) > nlevel(${path}::ltree)
                 THEN subpath(c.provider_path, 0, nlevel(${path}::ltree) + 1) ELSE c.provider_path END AS unit
          FROM training_classes c
          WHERE c.provider_path <@ ${path}::ltree AND ${scopeSql(scope, sql`c.provider_path`)} AND c.status <> 'cancelled'
            AND (SELECT (min(s.starts_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM class_sessions s WHERE s.class_id = c.id)
                BETWEEN ${from}::date AND (${to}::date - 1)),
        e AS (SELECT e.id, e.outcome, k.price_per_learner, k.unit FROM enrolments e JOIN k ON k.id = e.class_id
              WHERE e.status = 'enrolled')
        SELECT u.unit::text AS "unitPath",
          (SELECT count(*)::int FROM k WHERE k.unit = u.unit) AS classes,
          (SELECT count(*)::int FROM e WHERE e.unit = u.unit) AS "learnersEnrolled",
          (SELECT count(*)::int FROM e WHERE e.unit = u.unit AND outcome IN ('pass', 'fail')) AS "learnersTrained",
          (SELECT count(*)::int FROM e WHERE e.unit = u.unit AND outcome = 'pass') AS passed,
          (SELECT count(*)::int FROM e WHERE e.unit = u.unit AND outcome = 'fail') AS failed,
          (SELECT count(*)::int FROM certificates ce JOIN e ON e.id = ce.enrolment_id
            WHERE e.unit = u.unit AND ce.status = 'valid') AS certified,
          (SELECT coalesce(sum(price_per_learner), 0)::float8 FROM e WHERE e.unit = u.unit) AS revenue
        FROM (SELECT DISTINCT unit FROM k) u ORDER BY u.unit`,
  );
}

/** Names of the units a roll-up found: paths under the organisation the caller asked for, so in scope. */
export async function orgNamesByPath(db: Db | Tx, paths: string[]) {
  if (paths.length === 0) return new Map<string, { id: number; name: string }>();
  const list = await rows<{ id: number; name: string; path: string }>(
    db,
    sql`SELECT id, name, path::text AS path FROM organisations
        WHERE path = ANY(${`{${paths.map((p) => `"${p}"`).join(',')}}`}::ltree[])`,
  );
  return new Map(list.map((o) => [o.path, { id: o.id, name: o.name }]));
}

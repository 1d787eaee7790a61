import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { enterpriseComplianceQuery, reachQuery } from '../../contracts/training.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { pathInScope, scopeOf, scopeSql } from '../../platform/scope.ts';
import * as repo from './training.repo.ts';

export const FIRST_AID_SOURCE = 'Thông tư 19/2016/TT-BYT (lực lượng sơ cứu tại nơi làm việc)';

/**
 * First-aiders a workplace must have (Thông tư 19/2016/TT-BYT, hướng dẫn quản lý vệ sinh lao động và sức khoẻ
 * người lao động — bố trí lực lượng sơ cứu; see DOMAIN.md "Workplace first aid"):
 * - strict-OSH jobs (nghề, công việc có yêu cầu nghiêm ngặt về ATVSLĐ): 1 per 100 workers started, ⌈n / 100⌉;
 * - other workplaces: 1 below 200 workers; from 200 on, 1 more per 150 workers started
 *   (200–349 → 2, 350–499 → 3, …), i.e. 1 + ⌈(n − 199) / 150⌉.
 * No workers, no first-aider.
 */
export function firstAidersRequired(headcount: number, strict: boolean): number {
  if (!Number.isFinite(headcount) || headcount <= 0) return 0;
  const n = Math.floor(headcount);
  if (strict) return Math.ceil(n / 100);
  if (n < 200) return 1;
  return 1 + Math.ceil((n - 199) / 150);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function visibleOrg(ctx: Ctx, id: number) {
  const org = await repo.findOrgRef(ctx.db, id);
  if (!org || !pathInScope(scopeOf(ctx.actor), org.path))
    throw errors.notFound('orgs', 'Không tìm thấy tổ chức hoặc bạn không có quyền truy cập.');
  return org;
}

/**
 * An enterprise's compliance: its workers (people whose employer it is) who must be trained or retrained
 * within `days` by the course rules — never trained, certificate expired, or expiring — and its first-aiders
 * against the TT 19/2016 requirement for its headcount. "Today" comes from the injected clock.
 */
export async function enterpriseCompliance(
  ctx: Ctx,
  orgId: number,
  q: z.output<typeof enterpriseComplianceQuery>,
) {
  const org = await visibleOrg(ctx, orgId);
  const codes = (q.courses ?? 'SCC_NLD')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const courses = await Promise.all(codes.map((c) => repo.findCourseByCode(ctx.db, c)));
  const unknown = codes.filter((_, i) => !courses[i]);
  if (unknown.length)
    throw errors.validation([{ path: 'query.courses', message: `Không có khoá học: ${unknown.join(', ')}` }]);
  const today = vnToday(ctx.clock);
  const until = addDays(today, q.days);
  const courseIds = `{${courses.map((c) => c!.id).join(',')}}`;
  const due = await rows<{
    personId: number;
    fullName: string;
    courseCode: string;
    courseName: string;
    reason: 'never_trained' | 'expired' | 'expiring';
    validUntil: string | null;
  }>(
    ctx.db,
    sql`WITH held AS (
          SELECT p.id AS pid, p.full_name, ct.code, ct.name_vi, greatest(
            (SELECT max(coalesce(ce.valid_until, '9999-12-31'::date)) FROM certificates ce
              WHERE ce.person_id = p.id AND ce.course_type_id = ct.id AND ce.status = 'valid'),
            (SELECT max(CASE WHEN ct.validity_months IS NULL THEN '9999-12-31'::date
                        ELSE ((SELECT max(s.ends_at) FROM class_sessions s WHERE s.class_id = k.id)
                              AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + make_interval(months => ct.validity_months) END)::date
              FROM enrolments e JOIN training_classes k ON k.id = e.class_id
              WHERE e.person_id = p.id AND k.course_type_id = ct.id AND e.outcome = 'pass')
          ) AS until
          FROM people p CROSS JOIN course_types ct
          WHERE p.employer_org_id = ${org.id} AND p.status = 'active' AND ct.id = ANY(${courseIds}::int[]))
        SELECT pid AS "personId", full_name AS "fullName", code AS "courseCode", name_vi AS "courseName",
          CASE WHEN until IS NULL THEN 'never_trained' WHEN until < ${today}::date THEN 'expired' ELSE 'expiring' END AS reason,
          until::text AS "validUntil"
        FROM held WHERE until IS NULL OR until <= ${until}::date
        ORDER BY until NULLS FIRST, full_name, code`,
  );
  const [counts] = await rows<{ workers: number; have: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS workers, count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM certificates ce JOIN course_types ct ON ct.id = ce.course_type_id
          WHERE ce.person_id = p.id AND ct.code = 'SCC_LLSC' AND ce.status = 'valid'
            AND (ce.valid_until IS NULL OR ce.valid_until >= ${today}::date)))::int AS have
        FROM people p WHERE p.employer_org_id = ${org.id} AND p.status = 'active'`,
  );
  const headcount = q.headcount ?? counts!.workers;
  const strict = q.strict === 'true';
  const required = firstAidersRequired(headcount, strict);
  return {
    orgId: org.id,
    today,
    until,
    due,
    firstAiders: {
      headcount,
      strict,
      required,
      have: counts!.have,
      shortfall: Math.max(0, required - counts!.have),
      legalSource: FIRST_AID_SOURCE,
    },
  };
}

/** A provider's month, rolled up over its subtree: classes, learners, results, certificates, revenue. */
export async function providerReach(ctx: Ctx, orgId: number, q: z.output<typeof reachQuery>) {
  const org = await visibleOrg(ctx, orgId);
  const month = q.month ?? vnToday(ctx.clock).slice(0, 7);
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const [r] = await rows<{
    classes: number;
    learnersEnrolled: number;
    learnersTrained: number;
    passed: number;
    failed: number;
    certified: number;
    revenue: number;
  }>(
    ctx.db,
    sql`WITH k AS (
          SELECT c.id, c.price_per_learner FROM training_classes c
          WHERE c.provider_path <@ ${org.path}::ltree AND ${scopeSql(scopeOf(ctx.actor), sql`c.provider_path`)}
            AND c.status <> 'cancelled'
            AND (SELECT (min(s.starts_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM class_sessions s WHERE s.class_id = c.id)
                BETWEEN ${from}::date AND (${to}::date - 1)),
        e AS (SELECT e.id, e.outcome, k.price_per_learner FROM enrolments e JOIN k ON k.id = e.class_id
              WHERE e.status = 'enrolled')
        SELECT (SELECT count(*)::int FROM k) AS classes,
          (SELECT count(*)::int FROM e) AS "learnersEnrolled",
          (SELECT count(*)::int FROM e WHERE outcome IN ('pass', 'fail')) AS "learnersTrained",
          (SELECT count(*)::int FROM e WHERE outcome = 'pass') AS passed,
          (SELECT count(*)::int FROM e WHERE outcome = 'fail') AS failed,
          (SELECT count(*)::int FROM certificates ce JOIN e ON e.id = ce.enrolment_id WHERE ce.status = 'valid') AS certified,
          (SELECT coalesce(sum(price_per_learner), 0)::float8 FROM e) AS revenue`,
  );
  const { failed, ...rest } = r!;
  const judged = rest.passed + failed;
  return { orgId: org.id, month, ...rest, passRate: judged ? rest.passed / judged : null };
}

import type { z } from 'zod';
import type {
  enterpriseComplianceQuery,
  enterpriseComplianceView,
  reachQuery,
} from '../../../contracts/training.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import { findCourseByCode } from '../catalogue/catalogue.repo.ts';
import * as cRepo from './compliance.repo.ts';
import {
  addDays,
  DEFAULT_REQUIRED_COURSES,
  FIRST_AID_SOURCE,
  firstAidersRequired,
} from './compliance.rules.ts';

const vi = new Intl.Collator('vi');

async function visibleOrg(ctx: Ctx, id: number) {
  const org = await findOrgInScope(ctx.db, scopeOf(ctx.actor), id);
  if (!org) throw errors.notFound('orgs', 'Không tìm thấy tổ chức hoặc bạn không có quyền truy cập.');
  return org;
}

type FirstAiders = z.infer<typeof enterpriseComplianceView>['firstAiders'];

/** The first-aider check of one employer: a what-if from the query, else its declaration, else its registry. */
function firstAidersOf(e: cRepo.EmployerRow, q: z.output<typeof enterpriseComplianceQuery>): FirstAiders {
  const source = q.headcount !== undefined ? 'query' : e.declaredWorkers !== null ? 'declared' : 'registry';
  const headcount = q.headcount ?? e.declaredWorkers ?? e.workersInRegistry;
  const strict = q.strict !== undefined ? q.strict === 'true' : (e.declaredStrict ?? false);
  const required = firstAidersRequired(headcount, strict);
  return {
    headcount,
    headcountSource: source,
    headcountAsOf: source === 'declared' ? e.declaredAsOf : null,
    strict,
    required,
    have: e.firstAiders,
    shortfall: Math.max(0, required - e.firstAiders),
    legalSource: FIRST_AID_SOURCE,
  };
}

/**
 * An enterprise's compliance: its workers (people whose employer is it, or an organisation under it — an
 * industrial-park board sees its enterprises) who must be trained or retrained within `days` by the course
 * rules — never trained, certificate expired, or expiring — and the first-aiders each employer has against
 * the TT 19/2016 requirement for its headcount. "Today" comes from the injected clock.
 */
export async function enterpriseCompliance(
  ctx: Ctx,
  orgId: number,
  q: z.output<typeof enterpriseComplianceQuery>,
): Promise<z.infer<typeof enterpriseComplianceView>> {
  const org = await visibleOrg(ctx, orgId);
  const codes = (q.courses ?? DEFAULT_REQUIRED_COURSES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const courses = await Promise.all(codes.map((c) => findCourseByCode(ctx.db, c)));
  const unknown = codes.filter((_, i) => !courses[i]);
  if (unknown.length)
    throw errors.validation([{ path: 'query.courses', message: `Không có khoá học: ${unknown.join(', ')}` }]);
  const today = vnToday(ctx.clock);
  const until = addDays(today, q.days);
  const [due, employers] = await Promise.all([
    cRepo.dueTrainings(
      ctx.db,
      org.path,
      courses.map((c) => c!.id),
      today,
      until,
    ),
    cRepo.employersIn(ctx.db, org.id, org.path, today),
  ]);
  const dueBy = new Map<number, number>();
  for (const d of due) dueBy.set(d.employerOrgId, (dueBy.get(d.employerOrgId) ?? 0) + 1);
  const units = employers.map((e) => ({
    orgId: e.orgId,
    orgName: e.orgName,
    workersInRegistry: e.workersInRegistry,
    due: dueBy.get(e.orgId) ?? 0,
    firstAiders: firstAidersOf(e, q),
  }));
  // The organisation itself first, then its employers in Vietnamese alphabetical order (the database's may be C).
  const [self, ...others] = units;
  others.sort((a, b) => vi.compare(a.orgName, b.orgName));
  return {
    orgId: org.id,
    orgName: org.name,
    today,
    until,
    due,
    firstAiders: self!.firstAiders,
    units: [self!, ...others],
  };
}

/** A provider's month, rolled up over its subtree and per direct unit: classes, learners, results, certificates, revenue. */
export async function providerReach(ctx: Ctx, orgId: number, q: z.output<typeof reachQuery>) {
  const org = await visibleOrg(ctx, orgId);
  const month = q.month ?? vnToday(ctx.clock).slice(0, 7);
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const byUnit = await cRepo.reachByUnit(ctx.db, org.path, scopeOf(ctx.actor), from, to);
  const names = await cRepo.orgNamesByPath(
    ctx.db,
    byUnit.map((u) => u.unitPath),
  );
  const figures = (list: cRepo.ReachRow[]) => {
    const sum = (k: keyof Omit<cRepo.ReachRow, 'unitPath'>) => list.reduce((s, r) => s + r[k], 0);
    const passed = sum('passed');
    const judged = passed + sum('failed');
    return {
      classes: sum('classes'),
      learnersEnrolled: sum('learnersEnrolled'),
      learnersTrained: sum('learnersTrained'),
      passed,
      certified: sum('certified'),
      passRate: judged ? passed / judged : null,
      revenue: sum('revenue'),
    };
  };
  return {
    orgId: org.id,
    orgName: org.name,
    month,
    ...figures(byUnit),
    units: byUnit.map((u) => ({
      orgId: names.get(u.unitPath)!.id,
      orgName: names.get(u.unitPath)!.name,
      ...figures([u]),
    })),
  };
}

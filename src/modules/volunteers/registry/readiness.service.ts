import { volunteerIssues } from '../../../contracts/volunteers/common.ts';
import type { ReadinessQuery, ReadinessView } from '../../../contracts/volunteers/registry.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import * as repo from './readiness.repo.ts';

type Row = ReadinessView['institutions'][number];
const empty = () => ({ registered: 0, ready: 0, deployed: 0, total: 0, byGroup: {}, bySkill: {} });
const add = (m: Record<string, number>, k: string, n: number) => {
  m[k] = (m[k] ?? 0) + n;
};

/**
 * Readiness per institution in the caller's scope under `orgId` (or the whole scope): registered (in the registry,
 * not withdrawn), ready, deployed — now, or on `asOf` from the dated status history (not after today); by group
 * (registered) and by skill (ready, qualifications valid that day); totals, with the institutions that have
 * ready volunteers and those that have deployed ones (the report's "34 institutions … 15 institutions").
 */
export async function readiness(ctx: Ctx, query: ReadinessQuery): Promise<ReadinessView> {
  const today = vnToday(ctx.clock);
  if (query.asOf && query.asOf > today)
    throw errors.validation([{ path: 'querystring.asOf', message: volunteerIssues.as_of_future }]);
  const scope = scopeOf(ctx.actor);
  const org = query.orgId ? await orgForField(ctx.db, scope, query.orgId, 'querystring.orgId') : null;
  const path = org?.path ?? null;
  const day = query.asOf ?? today;
  const asOf = query.asOf !== undefined;
  const [counts, skills] = await Promise.all([
    repo.countsByOrg(ctx.db, scope, path, asOf ? day : null),
    repo.readySkillsByOrg(ctx.db, scope, path, day, asOf),
  ]);
  const byOrg = new Map<number, Row>();
  const totals = { ...empty(), institutionsReady: 0, institutionsDeployed: 0 };
  for (const c of counts) {
    const r = byOrg.get(c.orgId) ?? { orgId: c.orgId, orgName: c.orgName, ...empty() };
    byOrg.set(c.orgId, r);
    for (const t of [r, totals]) {
      t.registered += c.n;
      if (c.status === 'ready') t.ready += c.n;
      if (c.status === 'deployed') t.deployed += c.n;
      add(t.byGroup, c.group, c.n);
    }
  }
  for (const s of skills) {
    const r = byOrg.get(s.orgId);
    if (r) add(r.bySkill, s.skill, s.n);
    add(totals.bySkill, s.skill, s.n);
  }
  totals.total = totals.registered;
  const institutions = [...byOrg.values()]
    .map((r) => ({ ...r, total: r.registered }))
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'vi'));
  totals.institutionsReady = institutions.filter((r) => r.ready > 0).length;
  totals.institutionsDeployed = institutions.filter((r) => r.deployed > 0).length;
  return { orgId: org?.id ?? null, orgName: org?.name ?? null, asOf: day, live: !asOf, institutions, totals };
}

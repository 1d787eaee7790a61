import type { ReadinessView } from '../../../contracts/volunteers/registry.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
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
 * not withdrawn), ready, deployed now; by group (registered) and by skill (ready, valid qualifications); totals.
 */
export async function readiness(ctx: Ctx, orgId: number | undefined): Promise<ReadinessView> {
  const scope = scopeOf(ctx.actor);
  const org = orgId ? await orgForField(ctx.db, scope, orgId, 'querystring.orgId') : null;
  const path = org?.path ?? null;
  const [counts, skills] = await Promise.all([
    repo.countsByOrg(ctx.db, scope, path),
    repo.readySkillsByOrg(ctx.db, scope, path, vnToday(ctx.clock)),
  ]);
  const byOrg = new Map<number, Row>();
  const totals = empty();
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
  return { orgId: org?.id ?? null, orgName: org?.name ?? null, institutions, totals };
}

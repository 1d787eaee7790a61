import { and, inArray, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { organisations, orgNameOnSql } from '../../orgs/index.ts';
import type { PlanRow } from '../plans.repo.ts';
import { planTargets } from '../plans.tables.ts';

/** A parent's own target of one indicator and period, and the sum of its direct units' targets. */
export async function splitSums(tx: Tx | Db, indicatorId: number, parentOrgId: number, periodKey: string) {
  const [split] = await rows<{ parentTarget: number | null; childrenSum: number }>(
    tx,
    sql`SELECT (SELECT value::float8 FROM plan_targets
                WHERE indicator_id = ${indicatorId} AND org_id = ${parentOrgId} AND period_key = ${periodKey}) AS "parentTarget",
               coalesce((SELECT sum(t.value)::float8 FROM plan_targets t JOIN organisations o ON o.id = t.org_id
                         WHERE t.indicator_id = ${indicatorId} AND t.period_key = ${periodKey}
                           AND o.parent_id = ${parentOrgId}), 0) AS "childrenSum"`,
  );
  return split;
}

/**
 * The organisations targets are set for, by id, with their parent — read without the caller's scope on
 * purpose: the service checks they lie inside the plan and that the caller manages plans at their parent.
 */
/** The organisations targets are set for, those of them the caller sees (the others are "not found"). */
export async function targetOrgs(tx: Tx, scope: Scope, ids: number[]) {
  return tx
    .select({ id: organisations.id, path: organisations.path, parentId: organisations.parentId })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), scopeSql(scope, organisations.path)));
}

/**
 * The path of the organisation that assigns targets (the units' parent), unscoped on purpose: it is read only
 * to check the caller's own plan.manage there, and never answered.
 */
export async function assignerPath(tx: Tx, orgId: number) {
  const [o] = await rows<{ path: string }>(
    tx,
    sql`SELECT path::text AS path FROM organisations WHERE id = ${orgId}`,
  );
  return o!.path;
}

export async function upsertTarget(
  tx: Tx,
  t: { indicatorId: number; orgId: number; periodKey: string; value: number; setBy: number },
) {
  await tx
    .insert(planTargets)
    .values(t)
    .onConflictDoUpdate({
      target: [planTargets.indicatorId, planTargets.orgId, planTargets.periodKey],
      set: { value: t.value, setBy: t.setBy, updatedAt: sql`now()` },
    });
}

/**
 * The rows of a parent's cascade table: the lines of the plan's own units below it (the recipients, or the
 * unit above them) and any unit given a target at this level, as they were when the plan was issued — a unit
 * merged or closed since is still listed, under its name of the time. Below the plan's recipients (a unit
 * splitting its share among its own units) they are the parent's active units today.
 */
export async function targetChildren(db: Db, plan: PlanRow, parentOrgId: number) {
  return rows<{ orgId: number; orgName: string; isReporter: boolean; hasChildren: boolean }>(
    db,
    sql`WITH parent AS (SELECT path, nlevel(path) AS depth FROM organisations WHERE id = ${parentOrgId}),
        planned AS (
          SELECT DISTINCT ltree2text(subpath(r.org_path, p.depth, 1))::int AS id
          FROM plan_recipients r, parent p
          WHERE r.plan_id = ${plan.id} AND r.org_path <@ p.path AND nlevel(r.org_path) > p.depth
          UNION
          SELECT t.org_id FROM plan_targets t JOIN plan_indicators i ON i.id = t.indicator_id
          WHERE i.plan_id = ${plan.id}
            AND t.org_id = ANY(ARRAY(SELECT id FROM organisations WHERE parent_id = ${parentOrgId}))),
        lines AS (
          SELECT id FROM planned
          UNION ALL
          SELECT o.id FROM organisations o
          WHERE o.parent_id = ${parentOrgId} AND o.status = 'active' AND NOT EXISTS (SELECT 1 FROM planned))
        SELECT o.id AS "orgId", ${orgNameOnSql(sql`o.id`, plan.issuedOn)} AS "orgName",
               EXISTS (SELECT 1 FROM plan_recipients r WHERE r.plan_id = ${plan.id} AND r.org_id = o.id AND r.role = 'reporter') AS "isReporter",
               (EXISTS (SELECT 1 FROM plan_recipients r WHERE r.plan_id = ${plan.id} AND r.org_path <@ o.path AND r.org_id <> o.id)
                OR EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id AND c.status = 'active')) AS "hasChildren"
        FROM organisations o JOIN lines l ON l.id = o.id
        ORDER BY o.search_text, o.id LIMIT 2000`,
  );
}

/** The targets of one period set for a parent and its direct units. */
export async function levelTargets(db: Db, planId: number, parentOrgId: number, periodKey: string) {
  return rows<{ orgId: number; indicatorId: number; value: number }>(
    db,
    sql`SELECT t.org_id AS "orgId", t.indicator_id AS "indicatorId", t.value::float8 AS value
        FROM plan_targets t JOIN plan_indicators i ON i.id = t.indicator_id
        WHERE i.plan_id = ${planId} AND t.period_key = ${periodKey}
          AND (t.org_id = ${parentOrgId} OR t.org_id IN (SELECT id FROM organisations WHERE parent_id = ${parentOrgId}))`,
  );
}

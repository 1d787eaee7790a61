import type { z } from 'zod';
import type { setTargetsBody } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { isWithin, scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { isPlanPeriod } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import { assertAssignsTargets, mayEditTargets } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import * as targets from './targets.repo.ts';

/** Targets (chỉ tiêu) cascade: each parent splits its own among its direct units. */

function checkTargetPeriod(plan: repo.PlanRow, periodKey: string, field: string) {
  if (periodKey !== '*' && !isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: field, message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
}

async function splitOf(
  tx: Tx | Db,
  indicator: repo.IndicatorRow,
  parentId: number | null,
  issuerOrgId: number,
  periodKey: string,
) {
  const parentOrgId = parentId ?? issuerOrgId;
  // The issuer's own target is its row; its units are its children.
  const split = await targets.splitSums(tx, indicator.id, parentOrgId, periodKey);
  const isQuota = indicator.kind === 'count' || indicator.kind === 'sum';
  const parentTarget = split?.parentTarget ?? null;
  return {
    indicatorId: indicator.id,
    parentOrgId: parentId,
    parentTarget,
    childrenSum: split?.childrenSum ?? 0,
    difference: isQuota && parentTarget !== null ? (split?.childrenSum ?? 0) - parentTarget : null,
  };
}

/**
 * Sets targets (chỉ tiêu) for units of one parent, who must manage plans there, and answers how the
 * split adds up against the parent's own target: for quotas the difference is shown, never hidden.
 */
export async function setTargets(ctx: Ctx, planId: number, input: z.output<typeof setTargetsBody>) {
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, scopeOf(ctx.actor), planId);
    if (!plan) throw planErrors.notFound();
    if (plan.status === 'closed') throw planErrors.notIssued();
    checkTargetPeriod(plan, input.periodKey, 'body.periodKey');
    const indicator = (await repo.planIndicatorsOf(tx, planId)).find((i) => i.id === input.indicatorId);
    // Another plan's indicator, or an organisation outside the caller's scope or the plan's tree: not found.
    if (!indicator) throw errors.idNotFound('body.indicatorId');
    const orgs = new Map(
      (
        await targets.targetOrgs(
          tx,
          scopeOf(ctx.actor),
          input.targets.map((t) => t.orgId),
        )
      ).map((o) => [o.id, o]),
    );
    const unknown = input.targets.flatMap((t, i) => {
      const o = orgs.get(t.orgId);
      return o && isWithin(o.path, plan.issuerPath) ? [] : [`body.targets.${i}.orgId`];
    });
    if (unknown.length) throw errors.idNotFound(...unknown);
    const parentIds = new Set(
      [...orgs.values()].map((o) => (o.path === plan.issuerPath ? null : o.parentId)),
    );
    if (parentIds.size !== 1) {
      throw errors.validation([
        { path: 'body.targets', message: 'Các đơn vị phải cùng một cấp trên, trong phạm vi kế hoạch' },
      ]);
    }
    const parentId = [...parentIds][0] ?? null;
    const assignerPath = parentId ? await targets.assignerPath(tx, parentId) : plan.issuerPath;
    assertAssignsTargets(ctx, assignerPath);
    for (const t of input.targets) {
      await targets.upsertTarget(tx, {
        indicatorId: indicator.id,
        orgId: t.orgId,
        periodKey: input.periodKey,
        value: t.value,
        setBy: ctx.actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'set_targets',
      entityType: 'plan',
      entityId: planId,
      orgId: parentId ?? plan.issuerOrgId,
      orgPath: assignerPath,
      after: { indicator: indicator.code, periodKey: input.periodKey, targets: input.targets },
    });
    // The split of the level the targets were set on: the issuer's units when it set its own.
    return splitOf(tx, indicator, parentId, plan.issuerOrgId, input.periodKey);
  });
}

/** The cascade table: a parent's targets and its direct units' targets, with how each split adds up. */
export async function targetTable(ctx: Ctx, planId: number, parentOrgId: number, periodKey: string) {
  const scope = scopeOf(ctx.actor);
  const plan = await repo.findPlan(ctx.db, scope, planId);
  if (!plan) throw planErrors.notFound();
  const parent = await orgForField(ctx.db, scope, parentOrgId, 'querystring.parentOrgId');
  if (!isWithin(parent.path, plan.issuerPath)) throw errors.idNotFound('querystring.parentOrgId');
  checkTargetPeriod(plan, periodKey, 'querystring.periodKey');
  const [indicators, children] = await Promise.all([
    repo.planIndicatorsOf(ctx.db, planId),
    targets.targetChildren(ctx.db, plan, parentOrgId),
  ]);
  const set = await targets.levelTargets(ctx.db, planId, parentOrgId, periodKey);
  const of = (orgId: number) =>
    Object.fromEntries(set.filter((t) => t.orgId === orgId).map((t) => [String(t.indicatorId), t.value]));
  const parentId = parent.path === plan.issuerPath ? null : parent.id;
  return {
    periodKey,
    // The grid's columns, headed by the indicators' names (the code is a hint).
    indicators: indicators.map(({ id, code, name, unit, kind, goalPercent }) => ({
      id,
      code,
      name,
      unit,
      kind,
      goalPercent,
    })),
    parent: { orgId: parent.id, orgName: parent.name, targets: of(parent.id) },
    children: children.map((c) => ({ ...c, targets: of(c.orgId) })),
    splits: await Promise.all(
      indicators.map((ind) => splitOf(ctx.db, ind, parentId ?? parent.id, plan.issuerOrgId, periodKey)),
    ),
    can: { edit: mayEditTargets(ctx.actor, plan, parent.path) },
  };
}

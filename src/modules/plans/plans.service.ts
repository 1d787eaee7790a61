import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createPlanBody, PlanView, setTargetsBody } from '../../contracts/plans.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows, type Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { hasPermission, isWithin, scopeOf } from '../../platform/scope.ts';
import { findOrgRow } from '../orgs/orgs.repo.ts';
import { organisations } from '../orgs/orgs.tables.ts';
import { planErrors } from './plans.errors.ts';
import * as repo from './plans.repo.ts';
import { planIndicators, planRecipients, plans, planTargets } from './plans.tables.ts';

export async function getPlan(ctx: Ctx, id: number): Promise<PlanView> {
  const plan = await repo.findPlan(ctx.db, scopeOf(ctx.actor), id);
  if (!plan) throw planErrors.notFound();
  const [indicators, recipients] = await Promise.all([
    repo.planIndicatorsOf(ctx.db, id),
    repo.planRecipientsOf(ctx.db, id),
  ]);
  const { issuerPath: _p, ...rest } = plan;
  return { ...rest, indicators, reporters: recipients.map(({ orgPath: _o, ...r }) => r) };
}

export async function listPlans(ctx: Ctx) {
  const list = await repo.listPlans(ctx.db, scopeOf(ctx.actor));
  return list.map(({ issuerPath: _p, ...p }) => p);
}

async function activeOrgs(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisations.id, path: organisations.path })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.status, 'active')));
}

/** Reporters must be units under the issuer; copies may go to partners anywhere (e.g. the Red Cross). */
async function checkRecipients(tx: Tx, issuerPath: string, input: z.output<typeof createPlanBody>) {
  const reporters = new Map((await activeOrgs(tx, input.reporterOrgIds)).map((o) => [o.id, o.path]));
  const copies = new Map((await activeOrgs(tx, input.copyOrgIds)).map((o) => [o.id, o.path]));
  const issues = [
    ...input.reporterOrgIds.flatMap((id, i) => {
      const path = reporters.get(id);
      return path && isWithin(path, issuerPath) && path !== issuerPath
        ? []
        : [
            {
              path: `body.reporterOrgIds.${i}`,
              message: 'Không phải đơn vị đang hoạt động trực thuộc cơ quan ban hành',
            },
          ];
    }),
    ...input.copyOrgIds.flatMap((id, i) =>
      copies.has(id) ? [] : [{ path: `body.copyOrgIds.${i}`, message: 'Không có tổ chức này' }],
    ),
  ];
  if (issues.length) throw errors.validation(issues);
  return { reporters, copies };
}

export async function createPlan(ctx: Ctx, input: z.output<typeof createPlanBody>): Promise<PlanView> {
  const id = await ctx.db.transaction(async (tx) => {
    const issuer = await findOrgRow(tx, scopeOf(ctx.actor), input.issuerOrgId);
    if (!issuer) throw errors.notFound('orgs');
    if (!hasPermission(ctx.actor, 'plan.manage', issuer.path)) throw errors.forbidden();
    if (input.implementsPlanId && !(await repo.findPlan(tx, scopeOf(ctx.actor), input.implementsPlanId))) {
      throw errors.validation([
        { path: 'body.implementsPlanId', message: 'Không tìm thấy kế hoạch cấp trên' },
      ]);
    }
    const { reporters, copies } = await checkRecipients(tx, issuer.path, input);
    const { indicators, reporterOrgIds: _r, copyOrgIds: _c, ...fields } = input;
    const [plan] = await tx
      .insert(plans)
      .values({
        ...fields,
        issuerPath: issuer.path,
        createdBy: ctx.actor.userId,
        implementsPlanId: input.implementsPlanId ?? null,
      })
      .returning();
    await tx
      .insert(planIndicators)
      .values(indicators.map((i, position) => ({ ...i, planId: plan!.id, position })));
    const recipientRows = [
      ...[...reporters].map(([orgId, orgPath]) => ({
        planId: plan!.id,
        orgId,
        orgPath,
        role: 'reporter' as const,
      })),
      ...[...copies]
        .filter(([orgId]) => !reporters.has(orgId))
        .map(([orgId, orgPath]) => ({ planId: plan!.id, orgId, orgPath, role: 'copy' as const })),
    ];
    if (recipientRows.length) await tx.insert(planRecipients).values(recipientRows);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'plan',
      entityId: plan!.id,
      orgId: issuer.id,
      orgPath: issuer.path,
      after: {
        number: plan!.number,
        title: plan!.title,
        reporters: reporters.size,
        indicators: indicators.length,
      },
    });
    return plan!.id;
  });
  return getPlan(ctx, id);
}

async function planForManager(ctx: Ctx, tx: Tx, id: number) {
  const plan = await repo.findPlan(tx, scopeOf(ctx.actor), id);
  if (!plan) throw planErrors.notFound();
  if (!hasPermission(ctx.actor, 'plan.manage', plan.issuerPath)) throw errors.forbidden();
  return plan;
}

export async function issuePlan(ctx: Ctx, id: number, version: number): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id);
    if (plan.status !== 'draft') throw planErrors.notDraft();
    if (plan.version !== version) throw planErrors.reportVersionConflict(plan.version);
    const reporters = (await repo.planRecipientsOf(tx, id)).filter((r) => r.role === 'reporter');
    if (reporters.length === 0) throw planErrors.noReporters();
    await tx
      .update(plans)
      .set({ status: 'issued', version: plan.version + 1, updatedAt: sql`now()` })
      .where(eq(plans.id, id));
    await recordAudit(tx, ctx, {
      action: 'issue',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
    });
  });
  return getPlan(ctx, id);
}

/**
 * Sets targets (chỉ tiêu) for units of one parent, who must manage plans there, and answers how the
 * split adds up against the parent's own target: for quotas the difference is shown, never hidden.
 */
export async function setTargets(ctx: Ctx, planId: number, input: z.output<typeof setTargetsBody>) {
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, scopeOf(ctx.actor), planId);
    if (!plan) throw planErrors.notFound();
    const indicator = (await repo.planIndicatorsOf(tx, planId)).find((i) => i.id === input.indicatorId);
    if (!indicator)
      throw errors.validation([{ path: 'body.indicatorId', message: 'Chỉ tiêu không thuộc kế hoạch này' }]);
    const orgs = await tx
      .select({ id: organisations.id, path: organisations.path, parentId: organisations.parentId })
      .from(organisations)
      .where(
        inArray(
          organisations.id,
          input.targets.map((t) => t.orgId),
        ),
      );
    const parentIds = new Set(orgs.map((o) => (o.path === plan.issuerPath ? null : o.parentId)));
    const inPlan =
      orgs.length === input.targets.length && orgs.every((o) => isWithin(o.path, plan.issuerPath));
    if (!inPlan || parentIds.size !== 1) {
      throw errors.validation([
        { path: 'body.targets', message: 'Các đơn vị phải cùng một cấp trên, trong phạm vi kế hoạch' },
      ]);
    }
    const parentId = [...parentIds][0] ?? null;
    const assignerPath = parentId ? (await findOrgRow(tx, { all: true }, parentId))!.path : plan.issuerPath;
    if (!hasPermission(ctx.actor, 'plan.manage', assignerPath))
      throw errors.forbidden('Chỉ cấp trên trực tiếp mới giao chỉ tiêu.');
    for (const t of input.targets) {
      await tx
        .insert(planTargets)
        .values({ indicatorId: indicator.id, orgId: t.orgId, value: t.value, setBy: ctx.actor.userId })
        .onConflictDoUpdate({
          target: [planTargets.indicatorId, planTargets.orgId],
          set: { value: t.value, setBy: ctx.actor.userId, updatedAt: sql`now()` },
        });
    }
    await recordAudit(tx, ctx, {
      action: 'set_targets',
      entityType: 'plan',
      entityId: planId,
      orgId: parentId ?? plan.issuerOrgId,
      orgPath: assignerPath,
      after: { indicator: indicator.code, targets: input.targets },
    });
    const [split] = await rows<{ parentTarget: number | null; childrenSum: number }>(
      tx,
      sql`SELECT (SELECT value::float8 FROM plan_targets WHERE indicator_id = ${indicator.id} AND org_id = ${parentId}) AS "parentTarget",
                 coalesce((SELECT sum(t.value)::float8 FROM plan_targets t JOIN organisations o ON o.id = t.org_id
                           WHERE t.indicator_id = ${indicator.id} AND o.parent_id IS NOT DISTINCT FROM ${parentId}), 0) AS "childrenSum"`,
    );
    const isQuota = indicator.kind === 'count' || indicator.kind === 'sum';
    const parentTarget = split?.parentTarget ?? null;
    return {
      indicatorId: indicator.id,
      parentOrgId: parentId,
      parentTarget,
      childrenSum: split?.childrenSum ?? 0,
      difference: isQuota && parentTarget !== null ? (split?.childrenSum ?? 0) - parentTarget : null,
    };
  });
}

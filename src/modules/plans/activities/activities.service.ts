import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivityView, activityActualsBody, activityInput } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, scopeOf } from '../../../platform/scope.ts';
import { organisations } from '../../orgs/index.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import { planActivities, planActivityOutputs, planActivityPartners } from '../plans.tables.ts';
import { listActivities } from './activities.repo.ts';

type ActivityInput = z.output<typeof activityInput>;

/** Lead and co-operating bodies may be any active organisation, also outside the issuer's tree. */
async function checkOrgs(tx: Tx, list: ActivityInput[], base: (n: number) => string) {
  const ids = [...new Set(list.flatMap((a) => [...(a.leadOrgId ? [a.leadOrgId] : []), ...a.partnerOrgIds]))];
  const found = new Set(
    ids.length
      ? (
          await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(inArray(organisations.id, ids), eq(organisations.status, 'active')))
        ).map((o) => o.id)
      : [],
  );
  const issues = list.flatMap((a, n) => [
    ...(a.leadOrgId && !found.has(a.leadOrgId)
      ? [{ path: `${base(n)}leadOrgId`, message: 'Không có tổ chức chủ trì này' }]
      : []),
    ...a.partnerOrgIds.flatMap((id, k) =>
      found.has(id)
        ? []
        : [{ path: `${base(n)}partnerOrgIds.${k}`, message: 'Không có tổ chức phối hợp này' }],
    ),
  ]);
  if (issues.length) throw errors.validation(issues);
}

async function writeChildren(tx: Tx, activityId: number, a: ActivityInput) {
  await tx.delete(planActivityPartners).where(eq(planActivityPartners.activityId, activityId));
  const partners = [...new Set(a.partnerOrgIds)].filter((id) => id !== a.leadOrgId);
  if (partners.length)
    await tx.insert(planActivityPartners).values(partners.map((orgId) => ({ activityId, orgId })));
  // Planned figures are replaced; actuals already reported for a kept output stay.
  const metrics = a.outputs.map((o) => o.metric);
  await tx
    .delete(planActivityOutputs)
    .where(
      and(
        eq(planActivityOutputs.activityId, activityId),
        metrics.length
          ? sql`${planActivityOutputs.metric} <> ALL(${`{${metrics.join(',')}}`}::text[])`
          : sql`true`,
      ),
    );
  for (const o of a.outputs) {
    await tx
      .insert(planActivityOutputs)
      .values({ activityId, metric: o.metric, planned: o.planned ?? null })
      .onConflictDoUpdate({
        target: [planActivityOutputs.activityId, planActivityOutputs.metric],
        set: { planned: o.planned ?? null },
      });
  }
}

/** Inserts activities after position `from`; field errors are named by `base` (the form's path). */
export async function insertActivities(
  tx: Tx,
  planId: number,
  list: ActivityInput[],
  from: number,
  base = (n: number) => `body.activities.${n}.`,
): Promise<number[]> {
  await checkOrgs(tx, list, base);
  const ids: number[] = [];
  for (const [n, a] of list.entries()) {
    const [row] = await tx
      .insert(planActivities)
      .values({
        planId,
        position: from + n,
        type: a.type,
        title: a.title,
        leadOrgId: a.leadOrgId ?? null,
        startsOn: a.startsOn ?? null,
        endsOn: a.endsOn ?? null,
        notes: a.notes ?? null,
      })
      .returning({ id: planActivities.id });
    await writeChildren(tx, row!.id, a);
    ids.push(row!.id);
  }
  return ids;
}

async function managedPlan(ctx: Ctx, tx: Tx, planId: number) {
  const plan = await repo.findPlan(tx, scopeOf(ctx.actor), planId, true);
  if (!plan) throw planErrors.notFound();
  if (!hasPermission(ctx.actor, 'plan.manage', plan.issuerPath)) throw errors.forbidden();
  if (plan.status === 'closed') throw planErrors.notIssued();
  return plan;
}

async function lockedActivity(tx: Tx, planId: number, activityId: number) {
  const [row] = await tx
    .select()
    .from(planActivities)
    .where(and(eq(planActivities.id, activityId), eq(planActivities.planId, planId)))
    .for('update');
  if (!row) throw errors.notFound('plan_activities', 'Không tìm thấy hoạt động.');
  return row;
}

async function oneActivity(db: Db | Tx, planId: number, id: number) {
  return (await listActivities(db, planId, id))[0]!;
}

/** Activities may be added while the plan is a draft or in force (an issued plan gains activities as it runs). */
export async function addActivity(ctx: Ctx, planId: number, input: ActivityInput): Promise<ActivityView> {
  return ctx.db.transaction(async (tx) => {
    const plan = await managedPlan(ctx, tx, planId);
    const [last] = await rows<{ next: number }>(
      tx,
      sql`SELECT coalesce(max(position) + 1, 0)::int AS next FROM plan_activities WHERE plan_id = ${planId}`,
    );
    const [id] = await insertActivities(tx, planId, [input], last?.next ?? 0, () => 'body.');
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'plan_activity',
      entityId: id!,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      after: { planId, title: input.title, type: input.type },
    });
    return oneActivity(tx, planId, id!);
  });
}

export async function updateActivity(
  ctx: Ctx,
  planId: number,
  activityId: number,
  input: ActivityInput & { version: number },
): Promise<ActivityView> {
  return ctx.db.transaction(async (tx) => {
    const plan = await managedPlan(ctx, tx, planId);
    const row = await lockedActivity(tx, planId, activityId);
    if (row.version !== input.version) throw planErrors.versionConflict(row.version);
    await checkOrgs(tx, [input], () => 'body.');
    await tx
      .update(planActivities)
      .set({
        type: input.type,
        title: input.title,
        leadOrgId: input.leadOrgId ?? null,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        notes: input.notes ?? null,
        version: row.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(planActivities.id, activityId));
    await writeChildren(tx, activityId, input);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'plan_activity',
      entityId: activityId,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      before: { title: row.title, type: row.type },
      after: { title: input.title, type: input.type, outputs: input.outputs },
    });
    return oneActivity(tx, planId, activityId);
  });
}

/** Only a draft's activities are removed; an issued plan's are amended, not erased. */
export async function removeActivity(ctx: Ctx, planId: number, activityId: number) {
  await ctx.db.transaction(async (tx) => {
    const plan = await managedPlan(ctx, tx, planId);
    if (plan.status !== 'draft') throw planErrors.notDraft();
    const row = await lockedActivity(tx, planId, activityId);
    await tx.delete(planActivities).where(eq(planActivities.id, activityId));
    await recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'plan_activity',
      entityId: activityId,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      before: { title: row.title },
    });
  });
}

/**
 * Actual outputs are reported by the lead organisation (report.write there) or the issuer, once the plan
 * is in force; planned figures stay as the plan set them.
 */
export async function reportActuals(
  ctx: Ctx,
  planId: number,
  activityId: number,
  input: z.output<typeof activityActualsBody>,
): Promise<ActivityView> {
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, scopeOf(ctx.actor), planId);
    if (!plan) throw planErrors.notFound();
    if (plan.status !== 'issued') throw planErrors.notIssued();
    const row = await lockedActivity(tx, planId, activityId);
    const [lead] = row.leadOrgId
      ? await tx
          .select({ path: organisations.path })
          .from(organisations)
          .where(eq(organisations.id, row.leadOrgId))
      : [];
    const allowed =
      hasPermission(ctx.actor, 'plan.manage', plan.issuerPath) ||
      (lead !== undefined && hasPermission(ctx.actor, 'report.write', lead.path));
    if (!allowed)
      throw errors.forbidden('Chỉ đơn vị chủ trì hoặc cơ quan ban hành báo cáo kết quả hoạt động.');
    if (row.version !== input.version) throw planErrors.versionConflict(row.version);
    const existing = new Set(
      (
        await tx
          .select({ metric: planActivityOutputs.metric })
          .from(planActivityOutputs)
          .where(eq(planActivityOutputs.activityId, activityId))
      ).map((o) => o.metric),
    );
    const unknown = input.outputs.flatMap((o, n) =>
      existing.has(o.metric)
        ? []
        : [{ path: `body.outputs.${n}.metric`, message: 'Hoạt động không có kết quả đầu ra này' }],
    );
    if (unknown.length) throw errors.validation(unknown);
    for (const o of input.outputs) {
      await tx
        .update(planActivityOutputs)
        .set({ actual: o.actual, reportedBy: ctx.actor.userId, reportedAt: ctx.clock.now() })
        .where(and(eq(planActivityOutputs.activityId, activityId), eq(planActivityOutputs.metric, o.metric)));
    }
    await tx
      .update(planActivities)
      .set({ version: row.version + 1, updatedAt: sql`now()` })
      .where(eq(planActivities.id, activityId));
    await recordAudit(tx, ctx, {
      action: 'report_actuals',
      entityType: 'plan_activity',
      entityId: activityId,
      orgId: row.leadOrgId ?? plan.issuerOrgId,
      orgPath: lead?.path ?? plan.issuerPath,
      after: { outputs: input.outputs },
    });
    return oneActivity(tx, planId, activityId);
  });
}

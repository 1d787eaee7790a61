import type { z } from 'zod';
import type { ActivityView, activityActualsBody, activityInput } from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, scopeOf } from '../../../platform/scope.ts';
import { planErrors } from '../plans.errors.ts';
import * as plansRepo from '../plans.repo.ts';
import * as repo from './activities.repo.ts';

type ActivityInput = z.output<typeof activityInput>;

/** Lead and co-operating bodies may be any active organisation, also outside the issuer's tree. */
async function checkOrgs(tx: Tx, list: ActivityInput[], base: (n: number) => string) {
  const ids = [...new Set(list.flatMap((a) => [...(a.leadOrgId ? [a.leadOrgId] : []), ...a.partnerOrgIds]))];
  const found = await repo.activeOrgIds(tx, ids);
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

/** The activity's own fields, as the form sends them. */
const fieldsOf = (a: ActivityInput) => ({
  type: a.type,
  title: a.title,
  leadOrgId: a.leadOrgId ?? null,
  startsOn: a.startsOn ?? null,
  endsOn: a.endsOn ?? null,
  notes: a.notes ?? null,
});

async function writeChildren(tx: Tx, activityId: number, a: ActivityInput) {
  const partners = [...new Set(a.partnerOrgIds)].filter((id) => id !== a.leadOrgId);
  const outputs = a.outputs.map((o) => ({ metric: o.metric, planned: o.planned ?? null }));
  await repo.writePartnersAndOutputs(tx, activityId, partners, outputs);
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
    const id = await repo.insertActivity(tx, planId, from + n, fieldsOf(a));
    await writeChildren(tx, id, a);
    ids.push(id);
  }
  return ids;
}

async function managedPlan(ctx: Ctx, tx: Tx, planId: number) {
  const plan = await plansRepo.findPlan(tx, scopeOf(ctx.actor), planId, true);
  if (!plan) throw planErrors.notFound();
  if (!hasPermission(ctx.actor, 'plan.manage', plan.issuerPath)) throw errors.forbidden();
  if (plan.status === 'closed') throw planErrors.notIssued();
  return plan;
}

async function lockedActivity(tx: Tx, planId: number, activityId: number) {
  const row = await repo.lockActivity(tx, planId, activityId);
  if (!row) throw errors.notFound('plan_activities', 'Không tìm thấy hoạt động.');
  return row;
}

async function oneActivity(db: Db | Tx, planId: number, id: number) {
  return (await repo.listActivities(db, planId, id))[0]!;
}

/** Activities may be added while the plan is a draft or in force (an issued plan gains activities as it runs). */
export async function addActivity(ctx: Ctx, planId: number, input: ActivityInput): Promise<ActivityView> {
  return ctx.db.transaction(async (tx) => {
    const plan = await managedPlan(ctx, tx, planId);
    const [id] = await insertActivities(
      tx,
      planId,
      [input],
      await repo.nextPosition(tx, planId),
      () => 'body.',
    );
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
    await repo.updateActivityRow(tx, activityId, fieldsOf(input), row.version + 1);
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
    await repo.deleteActivity(tx, activityId);
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

/** The issuer, or the lead organisation's writers, may report an activity's actual outputs. */
async function checkMayReportActuals(ctx: Ctx, tx: Tx, issuerPath: string, leadOrgId: number | null) {
  const lead = leadOrgId ? (await plansRepo.orgPathsOf(tx, [leadOrgId])).get(leadOrgId) : undefined;
  const allowed =
    hasPermission(ctx.actor, 'plan.manage', issuerPath) ||
    (lead !== undefined && hasPermission(ctx.actor, 'report.write', lead));
  if (!allowed) throw errors.forbidden('Chỉ đơn vị chủ trì hoặc cơ quan ban hành báo cáo kết quả hoạt động.');
  return lead;
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
    const plan = await plansRepo.findPlan(tx, scopeOf(ctx.actor), planId);
    if (!plan) throw planErrors.notFound();
    if (plan.status !== 'issued') throw planErrors.notIssued();
    const row = await lockedActivity(tx, planId, activityId);
    const leadPath = await checkMayReportActuals(ctx, tx, plan.issuerPath, row.leadOrgId);
    if (row.version !== input.version) throw planErrors.versionConflict(row.version);
    const existing = await repo.outputMetrics(tx, activityId);
    const unknown = input.outputs.flatMap((o, n) =>
      existing.has(o.metric)
        ? []
        : [{ path: `body.outputs.${n}.metric`, message: 'Hoạt động không có kết quả đầu ra này' }],
    );
    if (unknown.length) throw errors.validation(unknown);
    const at = ctx.clock.now();
    await repo.writeActuals(tx, activityId, {
      outputs: input.outputs,
      by: ctx.actor.userId,
      at,
      version: row.version + 1,
    });
    await recordAudit(tx, ctx, {
      action: 'report_actuals',
      entityType: 'plan_activity',
      entityId: activityId,
      orgId: row.leadOrgId ?? plan.issuerOrgId,
      orgPath: leadPath ?? plan.issuerPath,
      after: { outputs: input.outputs },
    });
    return oneActivity(tx, planId, activityId);
  });
}

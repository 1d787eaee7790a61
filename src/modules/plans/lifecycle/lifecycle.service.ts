import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  amendPlanBody,
  createPlanBody,
  indicatorInput,
  PlanView,
  setTargetsBody,
  updatePlanBody,
} from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { indicatorSource } from '../../../platform/indicators.ts';
import { hasPermission, isWithin, pathInScope, scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/notifications.service.ts';
import { findOrgRow } from '../../orgs/orgs.repo.ts';
import { organisations } from '../../orgs/orgs.tables.ts';
import { insertActivities, listActivities } from '../activities/activities.service.ts';
import { addDays, dueOn, isPlanPeriod, planPeriodKeys } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import { planIndicators, planRevisions, plans, planTargets } from '../plans.tables.ts';
import * as lists from '../recipients/recipients.repo.ts';
import {
  changeDraftRecipients,
  checkRecipients,
  insertRecipients,
  newRecipientsOnly,
  recipientsOfPlan,
} from '../recipients/recipients.service.ts';

type CreateInput = z.output<typeof createPlanBody>;
type IndicatorInput = z.output<typeof indicatorInput>;

/** How many organisations of each list a revision names in the plan's detail (the rest are counted). */
const REVISION_NAMES = 50;

/** A plan's revisions with the names of the organisations each one added (the first few of each list). */
async function revisionsWithNames(db: Db, planId: number) {
  const revisions = await repo.revisionsOf(db, planId);
  const named = (r: (typeof revisions)[number]) =>
    ['addedReporters', 'addedCopies'].flatMap((k) => {
      const ids = r.changes[k];
      return Array.isArray(ids) ? ids.slice(0, REVISION_NAMES).filter((id) => typeof id === 'number') : [];
    });
  const names = await lists.orgNamesOf(db, [...new Set(revisions.flatMap(named))]);
  return revisions.map((r) => ({
    ...r,
    orgNames: Object.fromEntries(
      named(r).flatMap((id) => (names.has(id) ? [[String(id), names.get(id)!]] : [])),
    ),
  }));
}

/**
 * The activities whose actual outputs the caller may report: as the issuer (all of them), or holding
 * report.write at the lead organisation — the rule `reportActuals` applies.
 */
async function activitiesFor(ctx: Ctx, plan: repo.PlanRow) {
  const activities = await listActivities(ctx.db, plan.id);
  const isIssuer = hasPermission(ctx.actor, 'plan.manage', plan.issuerPath);
  const leads = isIssuer
    ? new Map<number, string>()
    : await lists.orgPathsOf(ctx.db, [...new Set(activities.flatMap((a) => a.leadOrgId ?? []))]);
  const reportable = activities.filter((a) => {
    const lead = a.leadOrgId === null ? undefined : leads.get(a.leadOrgId);
    return isIssuer || (lead !== undefined && hasPermission(ctx.actor, 'report.write', lead));
  });
  return { activities, reportActivityIds: reportable.map((a) => a.id) };
}

export async function getPlan(ctx: Ctx, id: number): Promise<PlanView> {
  const plan = await repo.findPlan(ctx.db, scopeOf(ctx.actor), id);
  if (!plan) throw planErrors.notFound();
  const [indicators, recipients, { activities, reportActivityIds }, revisions, related] = await Promise.all([
    repo.planIndicatorsOf(ctx.db, id),
    recipientsOfPlan(ctx, plan),
    activitiesFor(ctx, plan),
    revisionsWithNames(ctx.db, id),
    repo.relatedPlans(ctx.db, scopeOf(ctx.actor), plan),
  ]);
  const { issuerPath, ...rest } = plan;
  const { recipientCounts, recipients: first, ...acting } = recipients;
  return {
    ...rest,
    indicators,
    recipientCounts,
    recipients: first,
    activities,
    revisions,
    periods: planPeriodKeys(plan).map((key) => ({ key, dueOn: dueOn(plan, key) })),
    ...related,
    can: {
      manage: hasPermission(ctx.actor, 'plan.manage', issuerPath),
      ...acting,
      reportActivityIds: plan.status === 'issued' ? reportActivityIds : [],
    },
  };
}

export async function listPlans(ctx: Ctx) {
  const list = await repo.listPlans(ctx.db, scopeOf(ctx.actor));
  return list.map(({ issuerPath: _p, ...p }) => p);
}

/** An indicator may name a registered source that can feed its kind. */
function checkSources(list: IndicatorInput[], base: string) {
  const issues = list.flatMap((i, n) => {
    if (!i.source) return [];
    const src = indicatorSource(i.source);
    if (!src) return [{ path: `${base}.${n}.source`, message: `Không có nguồn số liệu ${i.source}` }];
    return src.kinds.includes(i.kind)
      ? []
      : [{ path: `${base}.${n}.source`, message: `Nguồn ${src.nameVi} không dùng cho loại chỉ tiêu này` }];
  });
  if (issues.length) throw errors.validation(issues);
}

function indicatorColumns({ breakdown, ...i }: IndicatorInput) {
  return {
    ...i,
    source: i.source ?? null,
    minValue: i.minValue ?? null,
    maxValue: i.maxValue ?? null,
    numeratorLabel: i.numeratorLabel ?? null,
    denominatorLabel: i.denominatorLabel ?? null,
    breakdownLabel: breakdown?.label ?? null,
    breakdownCategories: breakdown?.categories ?? null,
  };
}

/** Inserts new indicators and updates those whose code exists: targets and values keep their indicator. */
async function upsertIndicators(tx: Tx, planId: number, list: IndicatorInput[], from: number) {
  for (const [n, i] of list.entries()) {
    const cols = indicatorColumns(i);
    await tx
      .insert(planIndicators)
      .values({ ...cols, planId, position: from + n })
      .onConflictDoUpdate({
        target: [planIndicators.planId, planIndicators.code],
        set: { ...cols, position: from + n },
      });
  }
}

async function checkImplements(ctx: Ctx, tx: Tx, implementsPlanId: number | null | undefined) {
  if (implementsPlanId && !(await repo.findPlan(tx, scopeOf(ctx.actor), implementsPlanId))) {
    throw errors.validation([{ path: 'body.implementsPlanId', message: 'Không tìm thấy kế hoạch cấp trên' }]);
  }
}

/** The plan row's columns of a body (recipients, indicators and activities are rows of their own). */
function planFields(
  input: Omit<CreateInput, 'reporterOrgIds' | 'copyOrgIds'> &
    Partial<Pick<CreateInput, 'reporterOrgIds' | 'copyOrgIds'>>,
) {
  const { indicators: _i, reporterOrgIds: _r, copyOrgIds: _c, activities: _a, ...fields } = input;
  return {
    ...fields,
    implementsPlanId: input.implementsPlanId ?? null,
    objectives: input.objectives ?? null,
    reportDueOn: input.reportDueOn ?? null,
    reportLockDays: input.reportLockDays ?? null,
  };
}

export async function createPlan(ctx: Ctx, input: CreateInput): Promise<PlanView> {
  const id = await ctx.db.transaction(async (tx) => {
    const issuer = await findOrgRow(tx, scopeOf(ctx.actor), input.issuerOrgId);
    if (!issuer) throw errors.notFound('orgs');
    if (!hasPermission(ctx.actor, 'plan.manage', issuer.path)) throw errors.forbidden();
    await checkImplements(ctx, tx, input.implementsPlanId);
    checkSources(input.indicators, 'body.indicators');
    const { reporters, copies } = await checkRecipients(
      tx,
      issuer.path,
      input.reporterOrgIds,
      input.copyOrgIds,
    );
    const [plan] = await tx
      .insert(plans)
      .values({ ...planFields(input), issuerPath: issuer.path, createdBy: ctx.actor.userId })
      .returning();
    await upsertIndicators(tx, plan!.id, input.indicators, 0);
    await insertRecipients(tx, plan!.id, reporters, copies);
    await insertActivities(tx, plan!.id, input.activities, 0);
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
        indicators: input.indicators.length,
      },
    });
    return plan!.id;
  });
  return getPlan(ctx, id);
}

async function planForManager(ctx: Ctx, tx: Tx | Db, id: number, lock = false) {
  const plan = await repo.findPlan(tx, scopeOf(ctx.actor), id, lock);
  if (!plan) throw planErrors.notFound();
  if (!hasPermission(ctx.actor, 'plan.manage', plan.issuerPath)) throw errors.forbidden();
  return plan;
}

/** A draft is edited whole. Indicators are matched by code so targets already set survive the edit. */
export async function updatePlan(
  ctx: Ctx,
  id: number,
  input: z.output<typeof updatePlanBody>,
): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'draft') throw planErrors.notDraft();
    if (plan.version !== input.version) throw planErrors.versionConflict(plan.version);
    if (input.issuerOrgId !== plan.issuerOrgId)
      throw errors.validation([
        { path: 'body.issuerOrgId', message: 'Không đổi cơ quan ban hành của kế hoạch' },
      ]);
    await checkImplements(ctx, tx, input.implementsPlanId);
    checkSources(input.indicators, 'body.indicators');
    const {
      version: _v,
      reporterOrgIds,
      copyOrgIds,
      addReporterOrgIds,
      addCopyOrgIds,
      removeRecipientOrgIds,
      ...body
    } = input;
    const recipients = await changeDraftRecipients(tx, plan, {
      reporterOrgIds,
      copyOrgIds,
      addReporterOrgIds,
      addCopyOrgIds,
      removeRecipientOrgIds,
    });
    await tx
      .update(plans)
      .set({ ...planFields(body), version: plan.version + 1, updatedAt: sql`now()` })
      .where(eq(plans.id, id));
    await tx.delete(planIndicators).where(
      and(
        eq(planIndicators.planId, id),
        notInArray(
          planIndicators.code,
          input.indicators.map((i) => i.code),
        ),
      ),
    );
    await upsertIndicators(tx, id, input.indicators, 0);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      before: { number: plan.number, title: plan.title },
      after: {
        number: input.number,
        title: input.title,
        indicators: input.indicators.map((i) => i.code),
        recipients,
      },
    });
  });
  return getPlan(ctx, id);
}

export async function issuePlan(ctx: Ctx, id: number, version: number): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'draft') throw planErrors.notDraft();
    if (plan.version !== version) throw planErrors.versionConflict(plan.version);
    if ((await lists.recipientCounts(tx, id)).reporters === 0) throw planErrors.noReporters();
    await tx
      .update(plans)
      .set({ status: 'issued', version: plan.version + 1, updatedAt: sql`now()` })
      .where(eq(plans.id, id));
    const users = await repo.usersGrantedAtRecipients(tx, id, ['plan.manage', 'report.write']);
    await notifyUsers(
      tx,
      users.map((u) => ({
        userId: u.userId,
        kind: 'plan_issued',
        title: `Kế hoạch mới: ${plan.number} — ${plan.title}`.slice(0, 300),
        body: `${plan.issuerName} đã ban hành ${kindNames[plan.kind].toLowerCase()} số ${plan.number}. ${
          u.role === 'reporter'
            ? 'Đơn vị của bạn phải báo cáo theo kế hoạch này.'
            : 'Gửi đơn vị của bạn để biết, phối hợp.'
        }`,
        link: `/plans/${id}`,
        dedupeKey: `plan:${id}:issued`,
      })),
    );
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

export async function closePlan(ctx: Ctx, id: number, version: number): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'issued') throw planErrors.notIssued();
    if (plan.version !== version) throw planErrors.versionConflict(plan.version);
    await tx
      .update(plans)
      .set({ status: 'closed', version: plan.version + 1, updatedAt: sql`now()` })
      .where(eq(plans.id, id));
    await recordAudit(tx, ctx, {
      action: 'close',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
    });
  });
  return getPlan(ctx, id);
}

/**
 * Amends an issued plan by a dated revision: the fields that may change while units report, plus new
 * indicators and recipients (never removed: reports already refer to them). The revision keeps what
 * changed, from what to what, and why.
 */
export async function amendPlan(
  ctx: Ctx,
  id: number,
  input: z.output<typeof amendPlanBody>,
): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const plan = await planForManager(ctx, tx, id, true);
    if (plan.status !== 'issued') throw planErrors.notIssued();
    if (plan.version !== input.version) throw planErrors.versionConflict(plan.version);
    if (input.periodEnd && input.periodEnd < plan.periodStart)
      throw errors.validation([{ path: 'body.periodEnd', message: 'Ngày kết thúc trước ngày bắt đầu' }]);
    const existing = await repo.planIndicatorsOf(tx, id);
    checkSources(input.addIndicators, 'body.addIndicators');
    input.addIndicators.forEach((i, n) => {
      if (existing.some((e) => e.code === i.code))
        throw errors.validation([{ path: `body.addIndicators.${n}.code`, message: `Mã ${i.code} đã có` }]);
    });
    const fields = {
      title: input.title,
      periodEnd: input.periodEnd,
      objectives: input.objectives,
      reportDueOn: input.reportDueOn,
      reportDueDays: input.reportDueDays,
      reportLockDays: input.reportLockDays,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(fields)) {
      const before = plan[k as keyof typeof plan];
      if (v !== undefined && v !== before) changes[k] = { from: before, to: v };
    }
    const { reporters, copies } = await newRecipientsOnly(
      tx,
      id,
      await checkRecipients(tx, plan.issuerPath, input.addReporterOrgIds, input.addCopyOrgIds, {
        reporters: 'addReporterOrgIds',
        copies: 'addCopyOrgIds',
      }),
    );
    const changed =
      Object.keys(changes).length + reporters.size + copies.size + input.addIndicators.length > 0;
    if (!changed)
      throw errors.validation([{ path: 'body', message: 'Văn bản điều chỉnh không thay đổi gì' }]);
    const set = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
    const revision = plan.revision + 1;
    await tx
      .update(plans)
      .set({ ...set, revision, version: plan.version + 1, updatedAt: sql`now()` })
      .where(eq(plans.id, id));
    await upsertIndicators(tx, id, input.addIndicators, existing.length);
    await insertRecipients(tx, id, reporters, copies, input.revisedOn);
    const record = {
      ...changes,
      ...(reporters.size ? { addedReporters: [...reporters.keys()] } : {}),
      ...(copies.size ? { addedCopies: [...copies.keys()] } : {}),
      ...(input.addIndicators.length ? { addedIndicators: input.addIndicators.map((i) => i.code) } : {}),
    };
    await tx.insert(planRevisions).values({
      planId: id,
      revision,
      revisedOn: input.revisedOn,
      documentNumber: input.documentNumber ?? null,
      reason: input.reason,
      changes: record,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'amend',
      entityType: 'plan',
      entityId: id,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      after: { revision, reason: input.reason, ...record },
    });
  });
  return getPlan(ctx, id);
}

const kindNames: Record<repo.PlanRow['kind'], string> = {
  plan: 'Kế hoạch',
  guidance: 'Hướng dẫn',
  programme: 'Chương trình',
  official_letter: 'Công văn',
};
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** Implementing units report a few days before their issuer must, so it can consolidate. */
const CONSOLIDATION_DAYS = 5;

/**
 * A recipient's implementing plan in one click: a draft issued by the recipient that implements the plan,
 * cites it as legal basis, copies its indicators, period and reporting (due a few days earlier), inherits
 * the targets assigned to the recipient, and asks the recipient's direct units to report.
 */
export async function implementPlan(ctx: Ctx, parentId: number, issuerOrgId: number): Promise<PlanView> {
  const id = await ctx.db.transaction(async (tx) => {
    const parent = await repo.findPlan(tx, scopeOf(ctx.actor), parentId);
    if (!parent) throw planErrors.notFound();
    if (parent.status !== 'issued') throw planErrors.notIssued();
    const recipient = await repo.findRecipient(tx, parentId, issuerOrgId);
    if (!recipient)
      throw errors.validation([{ path: 'body.issuerOrgId', message: 'Đơn vị này không nhận kế hoạch' }]);
    if (!hasPermission(ctx.actor, 'plan.manage', recipient.orgPath)) throw errors.forbidden();
    const indicators = await repo.planIndicatorsOf(tx, parentId);
    const units = await tx
      .select({ id: organisations.id, path: organisations.path })
      .from(organisations)
      .where(and(eq(organisations.parentId, issuerOrgId), eq(organisations.status, 'active')));
    const dueOnParent = parent.reportDueOn;
    const earlier = dueOnParent ? addDays(dueOnParent, -CONSOLIDATION_DAYS) : null;
    const [plan] = await tx
      .insert(plans)
      .values({
        issuerOrgId,
        issuerPath: recipient.orgPath,
        kind: 'plan',
        number: `…/KH (${recipient.orgName})`.slice(0, 60),
        title: `Thực hiện ${kindNames[parent.kind]} số ${parent.number} của ${parent.issuerName}`.slice(
          0,
          500,
        ),
        issuedOn: parent.issuedOn,
        periodStart: parent.periodStart,
        periodEnd: parent.periodEnd,
        legalBases: [
          `${kindNames[parent.kind]} số ${parent.number} ngày ${dmy(parent.issuedOn)} của ${parent.issuerName} về ${parent.title}`.slice(
            0,
            300,
          ),
        ],
        implementsPlanId: parent.id,
        objectives: parent.objectives,
        reportPeriodType: parent.reportPeriodType,
        reportDueOn: earlier && earlier >= parent.periodStart ? earlier : dueOnParent,
        reportDueDays: Math.max(0, parent.reportDueDays - CONSOLIDATION_DAYS),
        reportLockDays: parent.reportLockDays,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await upsertIndicators(
      tx,
      plan!.id,
      indicators.map(({ id: _id, ...i }) => i),
      0,
    );
    await insertRecipients(tx, plan!.id, new Map(units.map((u) => [u.id, u.path])), new Map());
    // The targets the parent plan assigned to this recipient become the new plan's own.
    await tx.execute(sql`
      INSERT INTO plan_targets (indicator_id, org_id, period_key, value, set_by)
      SELECT ni.id, ${issuerOrgId}, t.period_key, t.value, ${ctx.actor.userId}
      FROM plan_targets t
      JOIN plan_indicators pi ON pi.id = t.indicator_id AND pi.plan_id = ${parentId}
      JOIN plan_indicators ni ON ni.plan_id = ${plan!.id} AND ni.code = pi.code
      WHERE t.org_id = ${issuerOrgId}`);
    await recordAudit(tx, ctx, {
      action: 'implement',
      entityType: 'plan',
      entityId: plan!.id,
      orgId: issuerOrgId,
      orgPath: recipient.orgPath,
      after: { implementsPlanId: parentId, reporters: units.length },
    });
    return plan!.id;
  });
  return getPlan(ctx, id);
}

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
  const [split] = await rows<{ parentTarget: number | null; childrenSum: number }>(
    tx,
    sql`SELECT (SELECT value::float8 FROM plan_targets
                WHERE indicator_id = ${indicator.id} AND org_id = ${parentOrgId} AND period_key = ${periodKey}) AS "parentTarget",
               coalesce((SELECT sum(t.value)::float8 FROM plan_targets t JOIN organisations o ON o.id = t.org_id
                         WHERE t.indicator_id = ${indicator.id} AND t.period_key = ${periodKey}
                           AND o.parent_id = ${parentOrgId}), 0) AS "childrenSum"`,
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
        .values({
          indicatorId: indicator.id,
          orgId: t.orgId,
          periodKey: input.periodKey,
          value: t.value,
          setBy: ctx.actor.userId,
        })
        .onConflictDoUpdate({
          target: [planTargets.indicatorId, planTargets.orgId, planTargets.periodKey],
          set: { value: t.value, setBy: ctx.actor.userId, updatedAt: sql`now()` },
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
  const [plan, parent] = await Promise.all([
    repo.findPlan(ctx.db, scope, planId),
    findOrgRow(ctx.db, scope, parentOrgId),
  ]);
  if (!plan) throw planErrors.notFound();
  if (!parent || !isWithin(parent.path, plan.issuerPath) || !pathInScope(scope, parent.path))
    throw errors.notFound('orgs');
  checkTargetPeriod(plan, periodKey, 'querystring.periodKey');
  const [indicators, children] = await Promise.all([
    repo.planIndicatorsOf(ctx.db, planId),
    rows<{ orgId: number; orgName: string; isReporter: boolean; hasChildren: boolean }>(
      ctx.db,
      sql`SELECT o.id AS "orgId", o.name AS "orgName",
                 EXISTS (SELECT 1 FROM plan_recipients r WHERE r.plan_id = ${planId} AND r.org_id = o.id AND r.role = 'reporter') AS "isReporter",
                 EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id AND c.status = 'active') AS "hasChildren"
          FROM organisations o WHERE o.parent_id = ${parentOrgId} AND o.status = 'active'
          ORDER BY o.search_text LIMIT 2000`,
    ),
  ]);
  const targets = await rows<{ orgId: number; indicatorId: number; value: number }>(
    ctx.db,
    sql`SELECT t.org_id AS "orgId", t.indicator_id AS "indicatorId", t.value::float8 AS value
        FROM plan_targets t JOIN plan_indicators i ON i.id = t.indicator_id
        WHERE i.plan_id = ${planId} AND t.period_key = ${periodKey}
          AND (t.org_id = ${parentOrgId} OR t.org_id IN (SELECT id FROM organisations WHERE parent_id = ${parentOrgId}))`,
  );
  const of = (orgId: number) =>
    Object.fromEntries(targets.filter((t) => t.orgId === orgId).map((t) => [String(t.indicatorId), t.value]));
  const parentId = parent.path === plan.issuerPath ? null : parent.id;
  return {
    periodKey,
    parent: { orgId: parent.id, orgName: parent.name, targets: of(parent.id) },
    children: children.map((c) => ({ ...c, targets: of(c.orgId) })),
    splits: await Promise.all(
      indicators.map((ind) => splitOf(ctx.db, ind, parentId ?? parent.id, plan.issuerOrgId, periodKey)),
    ),
    canEdit: plan.status !== 'closed' && hasPermission(ctx.actor, 'plan.manage', parent.path),
  };
}

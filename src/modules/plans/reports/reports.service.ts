import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ReportListPage,
  ReportView,
  reportListQuery,
  reviewReportBody,
  saveReportBody,
} from '../../../contracts/plans.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { rows, type Tx } from '../../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { indicatorSource } from '../../../platform/indicators.ts';
import { hasPermission, pathInScope, scopeOf } from '../../../platform/scope.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { dashboardScope } from '../dashboard/dashboard.service.ts';
import { addDays, dueOn, isPlanPeriod, periodRange, planPeriodKeys, timeliness } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import { planReportBreakdowns, planReports, planReportValues } from '../plans.tables.ts';
import { applyRollup } from '../rollups.repo.ts';
import { reviewPage } from './review.repo.ts';

type Indicator = Awaited<ReturnType<typeof repo.planIndicatorsOf>>[number];
type ValueInput = z.output<typeof saveReportBody>['values'][number];

/** The form's rules: numerator ≤ denominator and both or neither for ratios, 0/1 for yes/no, all on submit. */
export function validateValues(
  indicators: Indicator[],
  values: ValueInput[],
  isSubmit: boolean,
): FieldIssue[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const issues: FieldIssue[] = [];
  for (const [n, v] of values.entries()) {
    const at = (f: string, message: string) => {
      issues.push({ path: `body.values.${n}.${f}`, message });
    };
    const ind = byId.get(v.indicatorId);
    if (!ind) {
      at('indicatorId', 'Chỉ tiêu không thuộc kế hoạch này');
      continue;
    }
    const hasV = v.value !== null && v.value !== undefined;
    const hasD = v.denominator !== null && v.denominator !== undefined;
    if (ind.kind === 'ratio') {
      if (hasV !== hasD) at(hasV ? 'denominator' : 'value', `${ind.name}: cần nhập cả tử số và mẫu số`);
      else if (hasV && v.value! > v.denominator!)
        at('value', `${ind.name}: tử số (${v.value}) lớn hơn mẫu số (${v.denominator})`);
    } else if (hasD) at('denominator', `${ind.name}: chỉ tiêu này không có mẫu số`);
    if (ind.kind === 'yes_no' && hasV && v.value !== 0 && v.value !== 1)
      at('value', `${ind.name}: chỉ nhận 0 (không) hoặc 1 (có)`);
    if ((ind.kind === 'count' || ind.kind === 'yes_no') && hasV && !Number.isInteger(v.value))
      at('value', `${ind.name}: phải là số nguyên`);
    if (hasV && ind.minValue !== null && v.value! < ind.minValue)
      at('value', `${ind.name}: không được nhỏ hơn ${ind.minValue}`);
    if (hasV && ind.maxValue !== null && v.value! > ind.maxValue)
      at('value', `${ind.name}: không được lớn hơn ${ind.maxValue}`);
    if (v.breakdown?.length) {
      const categories = new Map((ind.breakdown?.categories ?? []).map((c) => [c.code, c.label]));
      if (!ind.breakdown) at('breakdown', `${ind.name}: chỉ tiêu này không phân tổ`);
      else {
        v.breakdown.forEach((b, k) => {
          if (!categories.has(b.category))
            at(`breakdown.${k}.category`, `${ind.name}: không có nhóm ${b.category}`);
        });
        const sum = v.breakdown.reduce((a, b) => a + b.value, 0);
        if (hasV && Math.abs(sum - v.value!) > 1e-9)
          at(
            'breakdown',
            `${ind.name}: tổng theo ${ind.breakdown.label.toLowerCase()} (${sum}) khác số đã nhập (${v.value})`,
          );
      }
    } else if (isSubmit && ind.breakdown && hasV)
      at('breakdown', `${ind.name}: cần nhập số liệu theo ${ind.breakdown.label.toLowerCase()}`);
  }
  if (isSubmit) {
    const given = new Set(
      values.filter((v) => v.value !== null && v.value !== undefined).map((v) => v.indicatorId),
    );
    indicators.forEach((ind) => {
      if (!given.has(ind.id))
        issues.push({ path: `body.values`, message: `Thiếu số liệu: ${ind.code} — ${ind.name}` });
    });
  }
  return issues;
}

/** The day after which a period's form closes to late submissions, or null when it stays open. */
export function locksOn(plan: repo.PlanRow, periodKey: string): string | null {
  return plan.reportLockDays === null ? null : addDays(dueOn(plan, periodKey), plan.reportLockDays);
}

async function reportView(
  ctx: Ctx,
  tx: Tx | Ctx['db'],
  id: number,
  plan?: repo.PlanRow,
): Promise<ReportView> {
  const [[r], values] = await Promise.all([
    rows<Omit<ReportView, 'timeliness' | 'values'> & { firstSubmittedAt: string | null }>(
      tx,
      sql`SELECT r.id, r.plan_id AS "planId", r.org_id AS "orgId", o.name AS "orgName", r.period_key AS "periodKey", r.status,
                 r.due_on::text AS "dueOn", r.first_submitted_at AS "firstSubmittedAt", r.submitted_at AS "submittedAt",
                 r.review_comment AS "reviewComment", r.version
          FROM plan_reports r JOIN organisations o ON o.id = r.org_id WHERE r.id = ${id}`,
    ),
    rows<ReportView['values'][number]>(
      tx,
      sql`SELECT v.indicator_id AS "indicatorId", v.value::float8 AS value, v.denominator::float8 AS denominator,
                 (SELECT json_agg(json_build_object('category', b.category, 'value', b.value::float8) ORDER BY b.category)
                  FROM plan_report_breakdowns b WHERE b.report_id = v.report_id AND b.indicator_id = v.indicator_id) AS breakdown
          FROM plan_report_values v WHERE v.report_id = ${id} ORDER BY v.indicator_id`,
    ),
  ]);
  const p = plan ?? (await repo.findPlan(tx, { all: true }, r!.planId))!;
  const first = r!.firstSubmittedAt ? new Date(r!.firstSubmittedAt) : null;
  const { firstSubmittedAt: _f, ...rest } = r!;
  return {
    ...rest,
    submittedAt: r!.submittedAt ? new Date(r!.submittedAt).toISOString() : null,
    timeliness: timeliness(r!.dueOn, first, ctx.clock.now()),
    values,
    locksOn: locksOn(p, r!.periodKey),
  };
}

type SavedValue = ValueInput & { value: number };
type ExistingReport = typeof planReports.$inferSelect;

/** The answer of a save, from what the transaction wrote: the same shape `reportView` reads back. */
function savedView(
  ctx: Ctx,
  plan: repo.PlanRow,
  input: z.output<typeof saveReportBody>,
  saved: {
    id: number;
    orgName: string;
    row: Pick<
      ExistingReport,
      'status' | 'dueOn' | 'version' | 'reviewComment' | 'submittedAt' | 'firstSubmittedAt'
    >;
  },
  values: SavedValue[],
): ReportView {
  const { row } = saved;
  return {
    id: saved.id,
    planId: plan.id,
    orgId: input.orgId,
    orgName: saved.orgName,
    periodKey: input.periodKey,
    status: row.status,
    dueOn: row.dueOn,
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    timeliness: timeliness(row.dueOn, row.firstSubmittedAt, ctx.clock.now()),
    reviewComment: row.reviewComment,
    version: row.version,
    locksOn: locksOn(plan, input.periodKey),
    values: [...values]
      .sort((a, b) => a.indicatorId - b.indicatorId)
      .map((v) => ({
        indicatorId: v.indicatorId,
        value: v.value,
        denominator: v.denominator ?? null,
        breakdown: v.breakdown?.length
          ? [...v.breakdown].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
          : null,
      })),
  };
}

/**
 * The report row of a save: a first save (version 0) inserts at once; otherwise, or when another user created
 * it a moment ago, the row is read under lock and checked (version, locked, form closed) and updated.
 */
async function writeReportRow(
  tx: Tx,
  ctx: Ctx,
  plan: repo.PlanRow,
  reporterPath: string,
  input: z.output<typeof saveReportBody>,
) {
  const now = ctx.clock.now();
  // A returned report may always be corrected: the reviewer reopened it.
  const closesAfter = locksOn(plan, input.periodKey);
  const isClosed = closesAfter !== null && vnDay(now) > closesAfter;
  const submitted = (first: Date | null) =>
    input.submit ? { submittedAt: now, firstSubmittedAt: first ?? now } : {};
  if (input.version === 0) {
    const [created] = await tx
      .insert(planReports)
      .values({
        planId: plan.id,
        orgId: input.orgId,
        orgPath: reporterPath,
        periodKey: input.periodKey,
        status: input.submit ? 'submitted' : 'draft',
        dueOn: dueOn(plan, input.periodKey),
        ...submitted(null),
      })
      .onConflictDoNothing()
      .returning();
    if (created) {
      if (isClosed) throw planErrors.formClosed(closesAfter!); // rolls the insert back
      return { row: created, isNew: true };
    }
  }
  const [existing] = await tx
    .select()
    .from(planReports)
    .where(
      and(
        eq(planReports.planId, plan.id),
        eq(planReports.orgId, input.orgId),
        eq(planReports.periodKey, input.periodKey),
      ),
    )
    .for('update');
  if (!existing || existing.version !== input.version)
    throw planErrors.reportVersionConflict(existing?.version ?? 0);
  if (existing.status === 'submitted' || existing.status === 'accepted')
    throw planErrors.reportLocked(existing.status);
  if (isClosed && existing.status !== 'returned') throw planErrors.formClosed(closesAfter!);
  const [updated] = await tx
    .update(planReports)
    .set({
      status: input.submit ? 'submitted' : existing.status,
      ...submitted(existing.firstSubmittedAt),
      version: existing.version + 1,
      updatedAt: now,
    })
    .where(eq(planReports.id, existing.id))
    .returning();
  return { row: updated!, isNew: false };
}

/** Saves a draft or submits. Submitting adds the values to every total up to the issuer, in this transaction. */
export async function saveReport(
  ctx: Ctx,
  planId: number,
  input: z.output<typeof saveReportBody>,
): Promise<ReportView> {
  // The checks' reads go in parallel before the transaction: none takes a lock, so inside it they would read
  // the same committed rows, only one round trip after another.
  const [plan, reporter, indicators] = await Promise.all([
    repo.findPlan(ctx.db, scopeOf(ctx.actor), planId),
    repo.findRecipient(ctx.db, planId, input.orgId),
    repo.planIndicatorsOf(ctx.db, planId),
  ]);
  if (!plan) throw planErrors.notFound();
  if (plan.status !== 'issued') throw planErrors.notIssued();
  if (reporter?.role !== 'reporter') throw planErrors.notReporter();
  if (!hasPermission(ctx.actor, 'report.write', reporter.orgPath)) {
    throw pathInScope(scopeOf(ctx.actor), reporter.orgPath) ? errors.forbidden() : planErrors.notFound();
  }
  if (!isPlanPeriod(plan, input.periodKey))
    throw errors.validation([{ path: 'body.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  const issues = validateValues(indicators, input.values, input.submit);
  if (issues.length) throw errors.validation(issues);

  const values = input.values.filter((v): v is SavedValue => v.value !== null && v.value !== undefined);
  const { row } = await ctx.db.transaction(async (tx) => {
    const written = await writeReportRow(tx, ctx, plan, reporter.orgPath, input);
    const reportId = written.row.id;
    if (!written.isNew) {
      await tx.delete(planReportValues).where(eq(planReportValues.reportId, reportId));
      await tx.delete(planReportBreakdowns).where(eq(planReportBreakdowns.reportId, reportId));
    }
    if (values.length) {
      await tx.insert(planReportValues).values(
        values.map((v) => ({
          reportId,
          indicatorId: v.indicatorId,
          value: v.value,
          denominator: v.denominator ?? null,
        })),
      );
      const parts = values.flatMap((v) =>
        (v.breakdown ?? []).map((b) => ({ reportId, indicatorId: v.indicatorId, ...b })),
      );
      if (parts.length) await tx.insert(planReportBreakdowns).values(parts);
    }
    if (input.submit) {
      await applyRollup(
        tx,
        {
          planId,
          reportId,
          periodKey: input.periodKey,
          reporterPath: reporter.orgPath,
          issuerPath: plan.issuerPath,
        },
        1,
      );
    }
    await recordAudit(tx, ctx, {
      action: input.submit ? 'submit' : 'save_draft',
      entityType: 'plan_report',
      entityId: reportId,
      orgId: input.orgId,
      orgPath: reporter.orgPath,
      after: { planId, periodKey: input.periodKey, values },
    });
    return written;
  });
  return savedView(ctx, plan, input, { id: row.id, orgName: reporter.orgName, row }, values);
}

/** The issuer accepts (locks) or returns a report; returning takes its values back out of the totals. */
export async function reviewReport(
  ctx: Ctx,
  planId: number,
  reportId: number,
  input: z.output<typeof reviewReportBody>,
) {
  const plan = await ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, scopeOf(ctx.actor), planId);
    const [report] = await tx
      .select()
      .from(planReports)
      .where(and(eq(planReports.id, reportId), eq(planReports.planId, planId)))
      .for('update');
    if (!plan || !report) throw planErrors.notFound();
    if (!hasPermission(ctx.actor, 'plan.manage', plan.issuerPath))
      throw errors.forbidden('Chỉ cơ quan ban hành mới duyệt báo cáo.');
    if (report.version !== input.version) throw planErrors.reportVersionConflict(report.version);
    const counted = report.status === 'submitted' || report.status === 'accepted';
    if (!counted || (input.decision === 'accept' && report.status === 'accepted'))
      throw planErrors.notReviewable();
    if (input.decision === 'return' && !input.comment) {
      throw errors.validation([{ path: 'body.comment', message: 'Trả lại (mở khoá) cần ghi lý do' }]);
    }
    const status = input.decision === 'accept' ? ('accepted' as const) : ('returned' as const);
    await tx
      .update(planReports)
      .set({
        status,
        reviewedBy: ctx.actor.userId,
        reviewComment: input.comment ?? null,
        version: report.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(planReports.id, reportId));
    if (status === 'returned') {
      const users = await repo.usersGrantedAt(tx, [report.orgId], ['report.write']);
      await notifyUsers(
        tx,
        users.map((u) => ({
          userId: u.userId,
          kind: 'report_returned',
          title: `Báo cáo bị trả lại: ${plan.number}`,
          body: `Lý do: ${input.comment}. Hãy sửa và nộp lại.`,
          link: `/plans/${planId}/report?orgId=${report.orgId}&period=${report.periodKey}`,
          dedupeKey: `report:${reportId}:returned:v${report.version}`,
        })),
      );
      await applyRollup(
        tx,
        {
          planId,
          reportId,
          periodKey: report.periodKey,
          reporterPath: report.orgPath,
          issuerPath: plan.issuerPath,
        },
        -1,
      );
    }
    await recordAudit(tx, ctx, {
      action: input.decision,
      entityType: 'plan_report',
      entityId: reportId,
      orgId: report.orgId,
      orgPath: report.orgPath,
      before: { status: report.status },
      after: { status, comment: input.comment ?? null },
    });
    return plan;
  });
  return reportView(ctx, ctx.db, reportId, plan);
}

/** A submitted report, for whoever may read the plan and the unit: the issuer's reviewers, the unit itself. */
export async function getReport(ctx: Ctx, planId: number, reportId: number): Promise<ReportView> {
  const scope = scopeOf(ctx.actor);
  const plan = await repo.findPlan(ctx.db, scope, planId);
  const [report] = await rows<{ orgPath: string }>(
    ctx.db,
    sql`SELECT org_path::text AS "orgPath" FROM plan_reports WHERE id = ${reportId} AND plan_id = ${planId}`,
  );
  if (!plan || !report || !pathInScope(scope, report.orgPath)) throw planErrors.notFound();
  return reportView(ctx, ctx.db, reportId, plan);
}

/** The form of one unit and period: the report when started, else an empty one to fill (version 0). */
export async function reportForm(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const scope = scopeOf(ctx.actor);
  const plan = await repo.findPlan(ctx.db, scope, planId);
  if (!plan) throw planErrors.notFound();
  const reporter = await repo.findRecipient(ctx.db, planId, orgId);
  if (reporter?.role !== 'reporter' || !pathInScope(scope, reporter.orgPath)) throw planErrors.notReporter();
  if (!isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: 'querystring.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  const [existing] = await rows<{ id: number }>(
    ctx.db,
    sql`SELECT id FROM plan_reports WHERE plan_id = ${planId} AND org_id = ${orgId} AND period_key = ${periodKey}`,
  );
  if (existing) return { ...(await reportView(ctx, ctx.db, existing.id, plan)), prefilled: [] };
  const due = dueOn(plan, periodKey);
  // A new form opens with what the unit's own records say, for the indicators fed by a source.
  const range = periodRange(plan.reportPeriodType, periodKey)!;
  const query = {
    orgId,
    orgPath: reporter.orgPath,
    start: range.start > plan.periodStart ? range.start : plan.periodStart,
    end: range.end < plan.periodEnd ? range.end : plan.periodEnd,
  };
  const computed = await Promise.all(
    (await repo.planIndicatorsOf(ctx.db, planId))
      .filter((i) => i.source && indicatorSource(i.source))
      .map(async (i) => ({ indicatorId: i.id, v: await indicatorSource(i.source!)!.compute(ctx.db, query) })),
  );
  const values = computed.flatMap(({ indicatorId, v }) =>
    v
      ? [{ indicatorId, value: v.value, denominator: v.denominator ?? null, breakdown: v.breakdown ?? null }]
      : [],
  );
  return {
    id: null,
    planId,
    orgId,
    orgName: reporter.orgName,
    periodKey,
    status: 'draft' as const,
    dueOn: due,
    submittedAt: null,
    timeliness: timeliness(due, null, ctx.clock.now()),
    reviewComment: null,
    values,
    prefilled: values.map((v) => v.indicatorId),
    locksOn: locksOn(plan, periodKey),
    version: 0,
  };
}

type ListedStatus = 'none' | 'draft' | 'submitted' | 'accepted' | 'returned';

/**
 * The reviewer's queue: the expected reporters under an organisation (the issuer or one of its lines) for a
 * period with their report's state, a page at a time, filtered by state, timeliness and name.
 */
export async function listReports(
  ctx: Ctx,
  planId: number,
  query: z.output<typeof reportListQuery>,
): Promise<ReportListPage> {
  const { orgId, periodKey, page, pageSize, ...filter } = query;
  const { plan, org, due, dueState } = await dashboardScope(ctx, planId, orgId, periodKey);
  const got = await reviewPage(ctx.db, plan, periodKey, org.path, dueState, {
    ...filter,
    page,
    pageSize,
  });
  return {
    items: got.items.map((r) => ({
      ...r,
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      dueOn: due,
    })),
    total: got.total,
    page,
    pageSize,
  };
}

/**
 * The inbox: for every issued plan in which one of the caller's own organisations (where it holds a grant with
 * report.write) must report, each period that has begun — open ones only, or all.
 */
export async function dueReports(ctx: Ctx, state: 'open' | 'all') {
  const orgIds = [
    ...new Set(ctx.actor.grants.filter((g) => g.permissions.includes('report.write')).map((g) => g.orgId)),
  ];
  if (orgIds.length === 0) return [];
  const pairs = await rows<repo.PlanRow & { orgId: number; orgName: string }>(
    ctx.db,
    sql`SELECT pl.id, pl.number, pl.title, o.name AS "issuerName", pl.report_period_type AS "reportPeriodType",
               pl.period_start::text AS "periodStart", pl.period_end::text AS "periodEnd",
               pl.report_due_on::text AS "reportDueOn", pl.report_due_days AS "reportDueDays",
               pl.report_lock_days AS "reportLockDays", r.org_id AS "orgId", ro.name AS "orgName"
        FROM plan_recipients r JOIN plans pl ON pl.id = r.plan_id
        JOIN organisations o ON o.id = pl.issuer_org_id JOIN organisations ro ON ro.id = r.org_id
        WHERE r.role = 'reporter' AND pl.status = 'issued' AND r.org_id = ANY(${`{${orgIds.join(',')}}`}::int[])
        ORDER BY pl.id LIMIT 500`,
  );
  if (pairs.length === 0) return [];
  const reports = await rows<{
    planId: number;
    orgId: number;
    periodKey: string;
    status: ListedStatus;
    firstSubmittedAt: Date | string | null;
    reviewComment: string | null;
  }>(
    ctx.db,
    sql`SELECT plan_id AS "planId", org_id AS "orgId", period_key AS "periodKey", status,
               first_submitted_at AS "firstSubmittedAt", review_comment AS "reviewComment"
        FROM plan_reports WHERE plan_id = ANY(${`{${[...new Set(pairs.map((p) => p.id))].join(',')}}`}::int[])
          AND org_id = ANY(${`{${orgIds.join(',')}}`}::int[])`,
  );
  const byKey = new Map(reports.map((r) => [`${r.planId}:${r.orgId}:${r.periodKey}`, r]));
  const now = ctx.clock.now();
  const today = vnDay(now);
  const items = pairs.flatMap((p) =>
    planPeriodKeys(p)
      .filter((key) => p.reportPeriodType === 'once' || periodRange(p.reportPeriodType, key)!.start <= today)
      .map((key) => {
        const r = byKey.get(`${p.id}:${p.orgId}:${key}`);
        const due = dueOn(p, key);
        return {
          planId: p.id,
          planNumber: p.number,
          planTitle: p.title,
          issuerName: p.issuerName,
          orgId: p.orgId,
          orgName: p.orgName,
          periodKey: key,
          dueOn: due,
          locksOn: locksOn(p, key),
          status: r?.status ?? ('none' as const),
          timeliness: timeliness(due, r?.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null, now),
          reviewComment: r?.reviewComment ?? null,
        };
      }),
  );
  const open = (i: (typeof items)[number]) => i.status !== 'submitted' && i.status !== 'accepted';
  return (state === 'open' ? items.filter(open) : items).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

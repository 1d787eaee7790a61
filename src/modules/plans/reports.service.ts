import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReportView, reviewReportBody, saveReportBody } from '../../contracts/plans.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows, type Tx } from '../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { hasPermission, pathInScope, scopeOf } from '../../platform/scope.ts';
import { dueOn, isPlanPeriod, timeliness } from './periods.ts';
import { planErrors } from './plans.errors.ts';
import * as repo from './plans.repo.ts';
import { planReports, planReportValues } from './plans.tables.ts';

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

async function reportView(ctx: Ctx, tx: Tx | Ctx['db'], id: number): Promise<ReportView> {
  const [r] = await rows<Omit<ReportView, 'timeliness' | 'values'> & { firstSubmittedAt: string | null }>(
    tx,
    sql`SELECT r.id, r.plan_id AS "planId", r.org_id AS "orgId", o.name AS "orgName", r.period_key AS "periodKey", r.status,
               r.due_on::text AS "dueOn", r.first_submitted_at AS "firstSubmittedAt", r.submitted_at AS "submittedAt",
               r.review_comment AS "reviewComment", r.version
        FROM plan_reports r JOIN organisations o ON o.id = r.org_id WHERE r.id = ${id}`,
  );
  const values = await rows<{ indicatorId: number; value: number | null; denominator: number | null }>(
    tx,
    sql`SELECT indicator_id AS "indicatorId", value::float8 AS value, denominator::float8 AS denominator
        FROM plan_report_values WHERE report_id = ${id} ORDER BY indicator_id`,
  );
  const first = r!.firstSubmittedAt ? new Date(r!.firstSubmittedAt) : null;
  const { firstSubmittedAt: _f, ...rest } = r!;
  return {
    ...rest,
    submittedAt: r!.submittedAt ? new Date(r!.submittedAt).toISOString() : null,
    timeliness: timeliness(r!.dueOn, first, ctx.clock.now()),
    values,
  };
}

/** Saves a draft or submits. Submitting adds the values to every total up to the issuer, in this transaction. */
export async function saveReport(
  ctx: Ctx,
  planId: number,
  input: z.output<typeof saveReportBody>,
): Promise<ReportView> {
  const id = await ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, scopeOf(ctx.actor), planId);
    if (!plan) throw planErrors.notFound();
    if (plan.status !== 'issued') throw planErrors.notIssued();
    const reporter = (await repo.planRecipientsOf(tx, planId)).find(
      (r) => r.orgId === input.orgId && r.role === 'reporter',
    );
    if (!reporter) throw planErrors.notReporter();
    if (!hasPermission(ctx.actor, 'report.write', reporter.orgPath)) {
      throw pathInScope(scopeOf(ctx.actor), reporter.orgPath) ? errors.forbidden() : planErrors.notFound();
    }
    if (!isPlanPeriod(plan, input.periodKey))
      throw errors.validation([{ path: 'body.periodKey', message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
    const issues = validateValues(await repo.planIndicatorsOf(tx, planId), input.values, input.submit);
    if (issues.length) throw errors.validation(issues);

    const [existing] = await tx
      .select()
      .from(planReports)
      .where(
        and(
          eq(planReports.planId, planId),
          eq(planReports.orgId, input.orgId),
          eq(planReports.periodKey, input.periodKey),
        ),
      )
      .for('update');
    if ((existing?.version ?? 0) !== input.version)
      throw planErrors.reportVersionConflict(existing?.version ?? 0);
    if (existing && (existing.status === 'submitted' || existing.status === 'accepted'))
      throw planErrors.reportLocked(existing.status);
    const now = ctx.clock.now();
    const status = input.submit ? ('submitted' as const) : (existing?.status ?? 'draft');
    const submitted = input.submit
      ? { submittedAt: now, firstSubmittedAt: existing?.firstSubmittedAt ?? now }
      : {};
    let reportId: number;
    if (existing) {
      await tx
        .update(planReports)
        .set({ status, ...submitted, version: existing.version + 1, updatedAt: now })
        .where(eq(planReports.id, existing.id));
      reportId = existing.id;
    } else {
      const [created] = await tx
        .insert(planReports)
        .values({
          planId,
          orgId: input.orgId,
          orgPath: reporter.orgPath,
          periodKey: input.periodKey,
          status,
          dueOn: dueOn(plan, input.periodKey),
          ...submitted,
        })
        .onConflictDoNothing()
        .returning({ id: planReports.id });
      if (!created) throw planErrors.reportVersionConflict(1); // another user created it a moment ago
      reportId = created.id;
    }
    await tx.delete(planReportValues).where(eq(planReportValues.reportId, reportId));
    const values = input.values.filter((v) => v.value !== null && v.value !== undefined);
    if (values.length) {
      await tx.insert(planReportValues).values(
        values.map((v) => ({
          reportId,
          indicatorId: v.indicatorId,
          value: v.value!,
          denominator: v.denominator ?? null,
        })),
      );
    }
    if (input.submit) {
      await repo.applyRollup(
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
    return reportId;
  });
  return reportView(ctx, ctx.db, id);
}

/** The issuer accepts (locks) or returns a report; returning takes its values back out of the totals. */
export async function reviewReport(
  ctx: Ctx,
  planId: number,
  reportId: number,
  input: z.output<typeof reviewReportBody>,
) {
  await ctx.db.transaction(async (tx) => {
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
      await repo.applyRollup(
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
  });
  return reportView(ctx, ctx.db, reportId);
}

import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { isWithin, scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { dueOn, isPlanPeriod } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import { mayReportFor } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import { reportForm } from '../reports/report-form.service.ts';
import { periodLabel } from './consolidated.service.ts';
import { reportsOf } from './files.repo.ts';
import { templateWorkbook } from './report-template.ts';

/** The reporting template to download: the units under an organisation the caller reports for, one a line. */

/** The plan, organisation and period a template is for, and the reporters there the caller writes for. */
export async function templateScope(
  ctx: Ctx,
  planId: number,
  orgId: number,
  periodKey: string,
  where: 'querystring' | 'body',
) {
  const scope = scopeOf(ctx.actor);
  const plan = await repo.findPlan(ctx.db, scope, planId);
  if (!plan) throw planErrors.notFound();
  const org = await orgForField(ctx.db, scope, orgId, `${where}.orgId`);
  if (!isWithin(org.path, plan.issuerPath)) throw errors.idNotFound(`${where}.orgId`);
  if (plan.status !== 'issued') throw planErrors.notIssued();
  if (!isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: `${where}.periodKey`, message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  // The template lists the units expected to report for this period (not those merged or closed before it).
  const writable = (await repo.reportersUnder(ctx.db, plan, periodKey, org.path)).filter((r) =>
    mayReportFor(ctx.actor, r.orgPath),
  );
  return { plan, org, writable, indicators: await repo.planIndicatorsOf(ctx.db, planId) };
}

async function suggestedValues(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const form = await reportForm(ctx, planId, orgId, periodKey);
  return {
    values: form.values.map((v) => ({
      indicatorId: v.indicatorId,
      value: v.value,
      denominator: v.denominator,
    })),
    breakdowns: form.values.flatMap((v) =>
      (v.breakdown ?? []).map((b) => ({ indicatorId: v.indicatorId, category: b.category, value: b.value })),
    ),
  };
}

export async function reportTemplate(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const s = await templateScope(ctx, planId, orgId, periodKey, 'querystring');
  if (s.writable.length === 0)
    throw errors.forbidden(
      `Bạn không có quyền nhập báo cáo cho đơn vị nào thuộc ${s.org.name} trong kế hoạch này.`,
    );
  const reports = await reportsOf(
    ctx.db,
    planId,
    periodKey,
    s.writable.map((r) => r.orgId),
  );
  const hasSources = s.indicators.some((i) => i.source);
  const lines = await Promise.all(
    s.writable.map(async (r) => {
      const report = reports.get(r.orgId);
      // Units without a report get what the report form would offer them from their own records.
      const suggested =
        !report && hasSources ? await suggestedValues(ctx, planId, r.orgId, periodKey) : undefined;
      return { orgId: r.orgId, orgName: r.orgName, report, suggested };
    }),
  );
  lines.sort((a, b) => a.orgName.localeCompare(b.orgName, 'vi'));
  const buffer = await templateWorkbook(
    {
      planId,
      planNumber: s.plan.number,
      planTitle: s.plan.title,
      periodKey,
      periodLabel: periodLabel(s.plan, periodKey),
      dueOn: dueOn(s.plan, periodKey),
      indicators: s.indicators,
      lines,
    },
    ctx.clock.now(),
  );
  const period = periodKey === 'once' ? '' : ` ${periodKey}`;
  return { buffer, fileName: `Biểu mẫu báo cáo ${s.plan.number} - ${s.org.name}${period}.xlsx` };
}

import type { PlanView } from '@contracts/plans.ts';
import type { ReportForm } from '../api/reports.ts';
import type { ValueFields } from './report-indicator-input.tsx';

/** The report form's values: one row an indicator, read from and written back to the report. */
export type Values = { values: ValueFields[] };

export function initialValues(plan: PlanView, report: ReportForm): Values {
  return {
    values: plan.indicators.map((ind) => {
      const v = report.values.find((x) => x.indicatorId === ind.id);
      return {
        value: v?.value ?? (ind.kind === 'yes_no' ? 0 : null),
        denominator: v?.denominator ?? null,
        breakdown: ind.breakdown?.categories.map((c) => ({
          value: v?.breakdown?.find((b) => b.category === c.code)?.value ?? null,
        })),
      };
    }),
  };
}

export function bodyOf(plan: PlanView, report: ReportForm, values: Values, submit: boolean) {
  return {
    orgId: report.orgId,
    periodKey: report.periodKey,
    version: report.version,
    submit,
    values: plan.indicators.map((ind, n) => {
      const v = values.values?.[n] ?? {};
      const categories = ind.breakdown?.categories ?? [];
      const breakdown = categories
        .map((c, k) => ({ category: c.code, value: v.breakdown?.[k]?.value }))
        .filter((b): b is { category: string; value: number } => typeof b.value === 'number');
      return {
        indicatorId: ind.id,
        value: v.value ?? null,
        denominator: ind.kind === 'ratio' ? (v.denominator ?? null) : undefined,
        breakdown: breakdown.length > 0 ? breakdown : undefined,
      };
    }),
  };
}

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
        // A yes/no starts unanswered: a blank is not "no".
        value: v?.value ?? null,
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

type Texts = { required: string; needBoth: string; numeratorOver: string; mismatch: string };
const isGiven = (x: number | null | undefined): x is number => typeof x === 'number' && !Number.isNaN(x);

/**
 * What the form can tell before asking the server, each on its field (the server's submit rules, read the same
 * way): a number field refusing its text; on submit, a missing value, a ratio without both parts or with a
 * numerator above its denominator, and a breakdown that does not add up.
 */
export function formIssues(plan: PlanView, values: Values, isSubmit: boolean, texts: Texts) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const refused: (string | number)[][] = [];
  plan.indicators.forEach((ind, n) => {
    const v = values.values?.[n] ?? {};
    const at = (field: (string | number)[], message: string) =>
      issues.push({ path: ['values', n, ...field], message });
    const numbers: [(string | number)[], number | null | undefined][] = [
      [['value'], v.value],
      [['denominator'], v.denominator],
      ...(v.breakdown ?? []).map((b, k): [(string | number)[], number | null | undefined] => [
        ['breakdown', k, 'value'],
        b?.value,
      ]),
    ];
    for (const [field, x] of numbers) if (Number.isNaN(x)) refused.push(['values', n, ...field]);
    if (!isSubmit) return;
    if (!isGiven(v.value)) {
      if (!Number.isNaN(v.value)) at(['value'], texts.required);
      return;
    }
    if (ind.kind === 'ratio' && !isGiven(v.denominator) && !Number.isNaN(v.denominator))
      at(['denominator'], texts.needBoth);
    if (ind.kind === 'ratio' && isGiven(v.denominator) && v.value > v.denominator)
      at(['value'], texts.numeratorOver);
    const parts = (v.breakdown ?? []).map((b) => b?.value).filter(isGiven);
    if (ind.breakdown && parts.reduce((a, b) => a + b, 0) !== v.value && parts.length > 0)
      at(['breakdown', 0, 'value'], texts.mismatch);
    if (ind.breakdown && parts.length === 0) at(['breakdown', 0, 'value'], texts.required);
  });
  return { issues, refused };
}

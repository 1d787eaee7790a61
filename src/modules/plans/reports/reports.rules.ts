import type { z } from 'zod';
import type { saveReportBody } from '../../../contracts/plans.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { addDays, dueOn, type PlanPeriods } from '../periods.ts';
import type { IndicatorRow } from '../plans.repo.ts';

/** The report form's rules, pure: what a unit may enter for each indicator, and when its form closes. */

export type ValueInput = z.output<typeof saveReportBody>['values'][number];
type Rule = (ind: IndicatorRow, v: ValueInput, at: (field: string, message: string) => void) => void;

const given = (x: number | null | undefined): x is number => x !== null && x !== undefined;

/** What a value may be even in a draft: a denominator only for ratios, 0 or 1 for yes/no. */
const shapeRule: Rule = (ind, v, at) => {
  if (ind.kind !== 'ratio' && given(v.denominator))
    at('denominator', `${ind.name}: chỉ tiêu này không có mẫu số`);
  if (ind.kind === 'yes_no' && given(v.value) && v.value !== 0 && v.value !== 1)
    at('value', `${ind.name}: chỉ nhận 0 (không) hoặc 1 (có)`);
};

/** Numerator and denominator both or neither, numerator ≤ denominator. */
const ratioRule: Rule = (ind, v, at) => {
  const hasV = given(v.value);
  const hasD = given(v.denominator);
  if (ind.kind !== 'ratio') return;
  if (hasV !== hasD) at(hasV ? 'denominator' : 'value', `${ind.name}: cần nhập cả tử số và mẫu số`);
  else if (hasV && v.value! > v.denominator!)
    at('value', `${ind.name}: tử số (${v.value}) lớn hơn mẫu số (${v.denominator})`);
};

/** Counts and yes/no are whole numbers; the indicator's min and max hold. */
const valueRule: Rule = (ind, v, at) => {
  if (!given(v.value)) return;
  const value = v.value;
  if ((ind.kind === 'count' || ind.kind === 'yes_no') && !Number.isInteger(value))
    at('value', `${ind.name}: phải là số nguyên`);
  if (ind.minValue !== null && value < ind.minValue)
    at('value', `${ind.name}: không được nhỏ hơn ${ind.minValue}`);
  if (ind.maxValue !== null && value > ind.maxValue)
    at('value', `${ind.name}: không được lớn hơn ${ind.maxValue}`);
};

/** A disaggregation names the indicator's categories only and adds up to the value; on submit it is required. */
function breakdownRule(isSubmit: boolean): Rule {
  return (ind, v, at) => {
    const hasV = given(v.value);
    if (!v.breakdown?.length) {
      if (isSubmit && ind.breakdown && hasV)
        at('breakdown', `${ind.name}: cần nhập số liệu theo ${ind.breakdown.label.toLowerCase()}`);
      return;
    }
    if (!ind.breakdown) return at('breakdown', `${ind.name}: chỉ tiêu này không phân tổ`);
    const categories = new Set(ind.breakdown.categories.map((c) => c.code));
    v.breakdown.forEach((b, k) => {
      if (!categories.has(b.category))
        at(`breakdown.${k}.category`, `${ind.name}: không có nhóm ${b.category}`);
    });
    const sum = v.breakdown.reduce((a, b) => a + b.value, 0);
    if (isSubmit && hasV && Math.abs(sum - v.value!) > 1e-9)
      at(
        'breakdown',
        `${ind.name}: tổng theo ${ind.breakdown.label.toLowerCase()} (${sum}) khác số đã nhập (${v.value})`,
      );
  };
}

/**
 * The form's rules. A draft (lưu nháp) keeps whatever was typed, even figures that do not agree yet: only its
 * shape is checked (known indicators and categories, a denominator only for ratios, yes/no 0 or 1). On
 * submit every value must hold together and every indicator of the plan must have one. An import (the Excel
 * upload) is a finished statement: its figures must hold together even when it only saves (`isConsistent`), and
 * a wrong line saves nothing.
 */
export function validateValues(
  indicators: IndicatorRow[],
  values: ValueInput[],
  isSubmit: boolean,
  isConsistent = isSubmit,
): FieldIssue[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const rules = isConsistent
    ? [shapeRule, ratioRule, valueRule, breakdownRule(true)]
    : [shapeRule, breakdownRule(false)];
  const issues: FieldIssue[] = [];
  for (const [n, v] of values.entries()) {
    const at = (f: string, message: string) => {
      issues.push({ path: `body.values.${n}.${f}`, message });
    };
    const ind = byId.get(v.indicatorId);
    if (!ind) at('indicatorId', 'Chỉ tiêu không thuộc kế hoạch này');
    else for (const rule of rules) rule(ind, v, at);
  }
  if (isSubmit) {
    const filled = new Set(values.filter((v) => given(v.value)).map((v) => v.indicatorId));
    for (const ind of indicators) {
      if (filled.has(ind.id)) continue;
      // On the indicator's own field when the form sent it, so the form can mark that field.
      const n = values.findIndex((v) => v.indicatorId === ind.id);
      const path = n < 0 ? 'body.values' : `body.values.${n}.value`;
      issues.push({ path, message: `Thiếu số liệu: ${ind.code} — ${ind.name}` });
    }
  }
  return issues;
}

/** The day after which a period's form closes to late submissions, or null when it stays open. */
export function locksOn(
  plan: PlanPeriods & { reportLockDays: number | null },
  periodKey: string,
): string | null {
  return plan.reportLockDays === null ? null : addDays(dueOn(plan, periodKey), plan.reportLockDays);
}

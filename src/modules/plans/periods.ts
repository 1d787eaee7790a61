import { vnDay } from '../../platform/clock.ts';

/**
 * Reporting periods of a plan and their deadlines. Keys: `once`, `2024` (yearly), `2024-H1`
 * (6-monthly), `2024-Q2` (quarterly), `2024-05` (monthly). Dates are ISO calendar days.
 */
export type PeriodType = 'once' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
export type PlanPeriods = {
  reportPeriodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  reportDueOn: string | null;
  reportDueDays: number;
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first and last day a period key covers, or null when the key does not fit the type. */
export function periodRange(type: PeriodType, key: string): { start: string; end: string } | null {
  if (type === 'once') return key === 'once' ? { start: '0001-01-01', end: '9999-12-31' } : null;
  const m = /^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]))?$/.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  const part = m[2];
  const months = (from: number, to: number) => ({
    start: `${y}-${pad(from)}-01`,
    end: `${y}-${pad(to)}-${pad(lastDay(y, to))}`,
  });
  if (type === 'yearly') return part ? null : months(1, 12);
  if (type === 'half_yearly')
    return part?.startsWith('H') ? (part === 'H1' ? months(1, 6) : months(7, 12)) : null;
  if (type === 'quarterly') {
    if (!part?.startsWith('Q')) return null;
    const q = Number(part.slice(1));
    return months(q * 3 - 2, q * 3);
  }
  if (!part || !/^\d{2}$/.test(part) || Number(part) < 1 || Number(part) > 12) return null;
  return months(Number(part), Number(part));
}

/** A key is valid for a plan when it has the plan's type and overlaps the plan's period. */
export function isPlanPeriod(plan: PlanPeriods, key: string): boolean {
  const r = periodRange(plan.reportPeriodType, key);
  return r !== null && r.start <= plan.periodEnd && r.end >= plan.periodStart;
}

/** Due date: the plan's date for a one-off report, else N days after the period ends (or the plan ends). */
export function dueOn(plan: PlanPeriods, key: string): string {
  if (plan.reportPeriodType === 'once') return plan.reportDueOn ?? plan.periodEnd;
  const r = periodRange(plan.reportPeriodType, key)!;
  const end = r.end < plan.periodEnd ? r.end : plan.periodEnd;
  return addDays(end, plan.reportDueDays);
}

/** Every period key of the plan, in order. */
export function planPeriodKeys(plan: PlanPeriods): string[] {
  if (plan.reportPeriodType === 'once') return ['once'];
  const keys: string[] = [];
  const [y0, y1] = [Number(plan.periodStart.slice(0, 4)), Number(plan.periodEnd.slice(0, 4))];
  const parts: Record<Exclude<PeriodType, 'once'>, string[]> = {
    yearly: [''],
    half_yearly: ['-H1', '-H2'],
    quarterly: ['-Q1', '-Q2', '-Q3', '-Q4'],
    monthly: Array.from({ length: 12 }, (_, i) => `-${pad(i + 1)}`),
  };
  for (let y = y0; y <= y1; y++) {
    for (const p of parts[plan.reportPeriodType]) if (isPlanPeriod(plan, `${y}${p}`)) keys.push(`${y}${p}`);
  }
  return keys;
}

/**
 * on_time / late by the first submission's Vietnamese calendar day against the due date; without a
 * submission, missing once the due date has passed, else pending.
 */
export function timeliness(
  due: string,
  firstSubmittedAt: Date | null,
  now: Date,
): 'on_time' | 'late' | 'missing' | 'pending' {
  if (firstSubmittedAt) return vnDay(firstSubmittedAt) <= due ? 'on_time' : 'late';
  return vnDay(now) > due ? 'missing' : 'pending';
}

/**
 * The first instant that is late for a due day: midnight after it in Vietnam (UTC+7, no DST). A first
 * submission before it is on time, the same rule as `timeliness`, for queries that count in SQL.
 */
export function lateFrom(due: string): Date {
  return new Date(`${addDays(due, 1)}T00:00:00+07:00`);
}

/**
 * The period a plan's tabs open on: the latest one with a report waiting for review (given when the caller
 * reviews), else the period under way today, else the last one begun, else the first.
 */
export function activePeriod(plan: PlanPeriods, today: string, waiting: string | null): string {
  const keys = planPeriodKeys(plan);
  if (waiting && keys.includes(waiting)) return waiting;
  if (plan.reportPeriodType === 'once') return 'once';
  const ranges = keys.map((key) => ({ key, ...periodRange(plan.reportPeriodType, key)! }));
  const current = ranges.find((r) => r.start <= today && today <= r.end);
  const begun = ranges.filter((r) => r.start <= today);
  return (current ?? begun[begun.length - 1] ?? ranges[0])?.key ?? 'once';
}

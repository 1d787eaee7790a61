import { describe, expect, it } from 'vitest';
import { dueOn, isPlanPeriod, lateFrom, periodRange, planPeriodKeys, timeliness } from './periods.ts';

const osh = {
  reportPeriodType: 'yearly' as const,
  periodStart: '2022-01-01',
  periodEnd: '2025-12-31',
  reportDueOn: null,
  reportDueDays: 15,
};

describe('reporting periods', () => {
  it('knows the days each key covers, leap years included', () => {
    expect(periodRange('monthly', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('quarterly', '2021-Q2')).toEqual({ start: '2021-04-01', end: '2021-06-30' });
    expect(periodRange('half_yearly', '2023-H2')).toEqual({ start: '2023-07-01', end: '2023-12-31' });
    expect(periodRange('monthly', '2024-13')).toBeNull();
    expect(periodRange('yearly', '2024-Q1')).toBeNull();
  });

  it('lists a 2022–2025 programme’s yearly reports and their deadlines', () => {
    expect(planPeriodKeys(osh)).toEqual(['2022', '2023', '2024', '2025']);
    expect(dueOn(osh, '2023')).toBe('2024-01-15');
    expect(isPlanPeriod(osh, '2026')).toBe(false);
  });

  it('gives a one-off report the plan’s due date (Điện Biên: 30/4/2021)', () => {
    const plan = {
      reportPeriodType: 'once' as const,
      periodStart: '2021-04-01',
      periodEnd: '2021-04-30',
      reportDueOn: '2021-04-30',
      reportDueDays: 0,
    };
    expect(planPeriodKeys(plan)).toEqual(['once']);
    expect(dueOn(plan, 'once')).toBe('2021-04-30');
  });

  it('judges timeliness on the Vietnamese calendar day', () => {
    // 23:30 in Hà Nội on the due day is still on time, though it is already the 30th in UTC only until 17:00.
    expect(timeliness('2021-04-30', new Date('2021-04-30T16:30:00Z'), new Date('2021-05-02T00:00:00Z'))).toBe(
      'on_time',
    );
    expect(timeliness('2021-04-30', new Date('2021-04-30T17:30:00Z'), new Date('2021-05-02T00:00:00Z'))).toBe(
      'late',
    );
    expect(timeliness('2021-04-30', null, new Date('2021-04-30T16:59:00Z'))).toBe('pending');
    expect(timeliness('2021-04-30', null, new Date('2021-04-30T17:00:00Z'))).toBe('missing');
  });

  it('puts the first late instant where timeliness turns late (the SQL counts use it)', () => {
    const from = lateFrom('2021-04-30');
    expect(from.toISOString()).toBe('2021-04-30T17:00:00.000Z');
    const judge = (ms: number) => timeliness('2021-04-30', new Date(from.getTime() + ms), from);
    expect([judge(-1), judge(0)]).toEqual(['on_time', 'late']);
    expect(lateFrom('2024-12-31').toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../plans.repo.ts';
import { locksOn, validateValues } from './reports.rules.ts';

const indicator = (id: number, over: Partial<IndicatorRow>): IndicatorRow => ({
  id,
  code: `CT${id}`,
  name: `Chỉ tiêu ${id}`,
  unit: 'người',
  kind: 'count',
  numeratorLabel: null,
  denominatorLabel: null,
  goalPercent: 100,
  minValue: null,
  maxValue: null,
  source: null,
  breakdown: null,
  ...over,
});

const trained = indicator(1, { name: 'Người được huấn luyện' });
const coverage = indicator(2, { name: 'Tỷ lệ doanh nghiệp', kind: 'ratio' });
const hasPlan = indicator(3, { name: 'Có kế hoạch', kind: 'yes_no' });
const byGender = indicator(4, {
  name: 'Người sơ cứu',
  breakdown: {
    label: 'Giới tính',
    categories: [
      { code: 'nam', label: 'Nam' },
      { code: 'nu', label: 'Nữ' },
    ],
  },
});
const all = [trained, coverage, hasPlan, byGender];
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);
/** The issues of a submit, without the indicators the test leaves out on purpose. */
const onSubmit = (inds: IndicatorRow[], values: Parameters<typeof validateValues>[1]) =>
  validateValues(inds, values, true).filter((i) => !i.message.startsWith('Thiếu số liệu'));

describe('report form rules', () => {
  it('refuses a numerator above its denominator, and one without the other', () => {
    const over = onSubmit(all, [{ indicatorId: 2, value: 12, denominator: 10 }]);
    expect(over).toEqual([
      { path: 'body.values.0.value', message: 'Tỷ lệ doanh nghiệp: tử số (12) lớn hơn mẫu số (10)' },
    ]);
    expect(paths(onSubmit(all, [{ indicatorId: 2, value: 3 }]))).toEqual(['body.values.0.denominator']);
    expect(paths(onSubmit(all, [{ indicatorId: 2, value: null, denominator: 4 }]))).toEqual([
      'body.values.0.value',
    ]);
    expect(onSubmit(all, [{ indicatorId: 2, value: 10, denominator: 10 }])).toEqual([]);
    expect(paths(onSubmit(all, [{ indicatorId: 1, value: 3, denominator: 4 }]))).toEqual([
      'body.values.0.denominator',
    ]);
  });

  it('takes only 0 or 1 for a yes/no indicator and whole numbers for counts', () => {
    expect(onSubmit(all, [{ indicatorId: 3, value: 1 }])).toEqual([]);
    expect(onSubmit(all, [{ indicatorId: 3, value: 0 }])).toEqual([]);
    expect(onSubmit(all, [{ indicatorId: 3, value: 2 }])[0]?.message).toBe(
      'Có kế hoạch: chỉ nhận 0 (không) hoặc 1 (có)',
    );
    expect(onSubmit(all, [{ indicatorId: 1, value: 2.5 }])[0]?.message).toBe(
      'Người được huấn luyện: phải là số nguyên',
    );
  });

  it('keeps values within the indicator’s minimum and maximum', () => {
    const bounded = [indicator(9, { name: 'Số buổi', minValue: 1, maxValue: 12 })];
    expect(onSubmit(bounded, [{ indicatorId: 9, value: 0 }])[0]?.message).toBe(
      'Số buổi: không được nhỏ hơn 1',
    );
    expect(onSubmit(bounded, [{ indicatorId: 9, value: 13 }])[0]?.message).toBe(
      'Số buổi: không được lớn hơn 12',
    );
  });

  it('lets a draft be partial but asks every indicator on submit', () => {
    const some = [{ indicatorId: 1, value: 5 }];
    expect(validateValues(all, some, false)).toEqual([]);
    const missing = validateValues(all, some, true).map((i) => i.message);
    expect(missing).toEqual([
      'Thiếu số liệu: CT2 — Tỷ lệ doanh nghiệp',
      'Thiếu số liệu: CT3 — Có kế hoạch',
      'Thiếu số liệu: CT4 — Người sơ cứu',
    ]);
  });

  it('wants a disaggregation that adds up to the value, and asks for it on submit', () => {
    const ok = [
      {
        indicatorId: 4,
        value: 7,
        breakdown: [
          { category: 'nam', value: 3 },
          { category: 'nu', value: 4 },
        ],
      },
    ];
    expect(validateValues([byGender], ok, true)).toEqual([]);
    const off = [
      {
        indicatorId: 4,
        value: 8,
        breakdown: [
          { category: 'nam', value: 3 },
          { category: 'nu', value: 4 },
        ],
      },
    ];
    expect(validateValues([byGender], off, true)).toEqual([
      {
        path: 'body.values.0.breakdown',
        message: 'Người sơ cứu: tổng theo giới tính (7) khác số đã nhập (8)',
      },
    ]);
    const unknown = [{ indicatorId: 4, value: 3, breakdown: [{ category: 'khac', value: 3 }] }];
    expect(paths(validateValues([byGender], unknown, false))).toEqual(['body.values.0.breakdown.0.category']);
    expect(validateValues([byGender], [{ indicatorId: 4, value: 7 }], false)).toEqual([]);
    expect(validateValues([byGender], [{ indicatorId: 4, value: 7 }], true)[0]?.message).toBe(
      'Người sơ cứu: cần nhập số liệu theo giới tính',
    );
    const notSplit = [{ indicatorId: 1, value: 3, breakdown: [{ category: 'nam', value: 3 }] }];
    expect(validateValues([trained], notSplit, false)[0]?.message).toBe(
      'Người được huấn luyện: chỉ tiêu này không phân tổ',
    );
  });

  it('lets a draft keep figures that do not agree yet, and checks them on submit', () => {
    const typed = [
      { indicatorId: 1, value: 2.5 },
      { indicatorId: 2, value: 12, denominator: 10 },
      { indicatorId: 4, value: 8, breakdown: [{ category: 'nam', value: 3 }] },
    ];
    expect(validateValues(all, typed, false)).toEqual([]);
    expect(paths(validateValues(all, typed, true))).toEqual([
      'body.values.0.value',
      'body.values.1.value',
      'body.values.2.breakdown',
      'body.values',
    ]);
    // An uploaded file is a finished statement: saved as a draft, its figures must still agree (not complete).
    expect(paths(validateValues(all, typed, false, true))).toEqual([
      'body.values.0.value',
      'body.values.1.value',
      'body.values.2.breakdown',
    ]);
  });

  it('puts a missing value on the field the form sent for it', () => {
    expect(
      validateValues(
        [trained, hasPlan],
        [
          { indicatorId: 1, value: 3 },
          { indicatorId: 3, value: null },
        ],
        true,
      ),
    ).toEqual([{ path: 'body.values.1.value', message: 'Thiếu số liệu: CT3 — Có kế hoạch' }]);
  });

  it('refuses an indicator of another plan', () => {
    expect(validateValues(all, [{ indicatorId: 99, value: 1 }], false)).toEqual([
      { path: 'body.values.0.indicatorId', message: 'Chỉ tiêu không thuộc kế hoạch này' },
    ]);
  });
});

describe('when a form closes', () => {
  const quarterly = {
    reportPeriodType: 'quarterly' as const,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    reportDueOn: null,
    reportDueDays: 10,
  };

  it('closes the lock days after the due date, or never', () => {
    expect(locksOn({ ...quarterly, reportLockDays: 20 }, '2024-Q2')).toBe('2024-07-30');
    expect(locksOn({ ...quarterly, reportLockDays: null }, '2024-Q2')).toBeNull();
  });
});

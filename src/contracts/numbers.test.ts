import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, numberLocale, parseNumber } from './numbers.ts';

const vi = (text: string, rules = {}) => parseNumber(text, 'vi', rules);
const en = (text: string, rules = {}) => parseNumber(text, 'en', rules);

describe('parseNumber', () => {
  it('reads Vietnamese thousands and decimals', () => {
    expect(vi('1.234')).toEqual({ value: 1234 });
    expect(vi('1.234.567')).toEqual({ value: 1234567 });
    expect(vi('1.234,5')).toEqual({ value: 1234.5 });
    expect(vi('1,5')).toEqual({ value: 1.5 });
    expect(vi('1 234,5')).toEqual({ value: 1234.5 });
    expect(vi('1234')).toEqual({ value: 1234 });
    expect(vi('  42 ')).toEqual({ value: 42 });
  });

  it('reads English thousands and decimals', () => {
    expect(en('1,234')).toEqual({ value: 1234 });
    expect(en('1,234.5')).toEqual({ value: 1234.5 });
    expect(en('1.5')).toEqual({ value: 1.5 });
    expect(en('1.234')).toEqual({ value: 1.234 });
  });

  it('takes a typed point as the decimal mark where it cannot group', () => {
    expect(vi('6.5', { min: 0, max: 10 })).toEqual({ value: 6.5 });
    expect(vi('0.75')).toEqual({ value: 0.75 });
    expect(vi('12.3456')).toEqual({ value: 12.3456 });
    expect(en('1,5')).toEqual({ value: 1.5 });
  });

  it('reads "1.234" as a thousand for a count, as a decimal only when a thousand cannot fit', () => {
    expect(vi('1.234', { isInteger: true, min: 0 })).toEqual({ value: 1234 });
    expect(vi('9.125', { min: 0, max: 10 })).toEqual({ value: 9.125 });
    expect(vi('1.234', { isInteger: true, max: 10 })).toEqual({ issue: { code: 'too_large', max: 10 } });
  });

  it('reads negatives and a blank', () => {
    expect(vi('-5')).toEqual({ value: -5 });
    expect(vi('−1.234,5')).toEqual({ value: -1234.5 });
    expect(vi('')).toEqual({ value: null });
    expect(vi('   ')).toEqual({ value: null });
  });

  it('refuses what is not a number instead of coercing it', () => {
    for (const text of [
      '12a0',
      'abc',
      '1.23.4',
      '1,2,3',
      '1.',
      ',5',
      '1..2',
      '1,234.5,6',
      '--1',
      '1e3',
      'NaN',
    ])
      expect(vi(text), text).toEqual({ issue: { code: 'not_a_number' } });
    expect(en('1,2')).toEqual({ value: 1.2 });
    expect(en('12,34,567')).toEqual({ issue: { code: 'not_a_number' } });
  });

  it('refuses what is out of range or not whole, never clamps or rounds', () => {
    expect(vi('-5', { min: 0 })).toEqual({ issue: { code: 'too_small', min: 0 } });
    expect(vi('11', { min: 0, max: 10 })).toEqual({ issue: { code: 'too_large', max: 10 } });
    expect(vi('1,5', { isInteger: true })).toEqual({ issue: { code: 'not_integer' } });
    expect(vi('6.5', { isInteger: true })).toEqual({ issue: { code: 'not_integer' } });
    expect(vi('10', { min: 0, max: 10, isInteger: true })).toEqual({ value: 10 });
  });
});

describe('formatNumber and formatPercent', () => {
  it('write each language its own way', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(-1234, 'vi')).toBe('-1.234');
    expect(formatNumber(null, 'vi')).toBe('');
    expect(formatPercent(82.44, 'vi')).toBe('82,4%');
    expect(formatPercent(28.8, 'en')).toBe('28.8%');
  });

  it('reads back what it writes', () => {
    for (const n of [0, 7, 1234, 1234.5, 1234567.25, -42.5])
      for (const l of ['vi', 'en'] as const) expect(parseNumber(formatNumber(n, l), l)).toEqual({ value: n });
  });

  it('names the locale of the interface language', () => {
    expect(numberLocale('en-GB')).toBe('en');
    expect(numberLocale('vi')).toBe('vi');
  });
});

import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../contracts/numbers.ts';
import { reportValueRules } from '../../../contracts/plans.ts';
import { readNumber } from './report-template.parse.ts';

const count = { kind: 'count', minValue: null, maxValue: null };
const score = { kind: 'sum', minValue: 0, maxValue: 10 };

describe('readNumber: a template cell read as the report form reads a typed number', () => {
  it('accepts Vietnamese thousands and decimals typed as text', () => {
    expect(readNumber('1.234', reportValueRules(count, 'value'))).toEqual({ value: 1234 });
    expect(readNumber('1.234.567', reportValueRules(count, 'value'))).toEqual({ value: 1234567 });
    expect(readNumber('6.5', reportValueRules(score, 'value'))).toEqual({ value: 6.5 });
    expect(readNumber('6,5', reportValueRules(score, 'value'))).toEqual({ value: 6.5 });
    expect(readNumber(1234, reportValueRules(count, 'value'))).toEqual({ value: 1234 });
  });

  it('refuses, with the reason, what the form refuses', () => {
    expect(readNumber('12a0', reportValueRules(count, 'value'))).toEqual({
      error: '“12a0” không phải là số',
    });
    expect(readNumber('1,5', reportValueRules(count, 'value'))).toEqual({ error: '“1,5” phải là số nguyên' });
    expect(readNumber('-5', reportValueRules(count, 'value'))).toEqual({
      error: '“-5” không được nhỏ hơn 0',
    });
    expect(readNumber('11', reportValueRules(score, 'value'))).toEqual({
      error: '“11” không được lớn hơn 10',
    });
  });

  it('agrees with the form on every text', () => {
    for (const text of ['1.234', '1.234,5', '1,5', '6.5', '12a0', '-5', '11', '0', ''])
      for (const ind of [count, score]) {
        const rules = reportValueRules(ind, 'value');
        const form = parseNumber(text, 'vi', rules);
        const file = readNumber(text, rules);
        expect('value' in file ? file.value : 'refused', text).toEqual(
          'value' in form ? form.value : 'refused',
        );
      }
  });
});

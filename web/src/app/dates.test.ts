import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './dates.ts';

describe('typed dates in the date pickers', () => {
  it('understands the short ways people type 1 January 2027', () => {
    for (const typed of [
      '01/01/2027',
      '1/1/27',
      '1/1/2027',
      '01012027',
      '010127',
      '1-1-2027',
      '1.1.27',
      ' 2027-01-01 ',
    ])
      expect(parseTypedDate(typed)?.format('YYYY-MM-DD'), typed).toBe('2027-01-01');
  });

  it('reads a two-digit year as 20xx up to 68 and 19xx from 69 (a birth year)', () => {
    expect(parseTypedDate('31/12/68')?.year()).toBe(2068);
    expect(parseTypedDate('15/6/85')?.format('YYYY-MM-DD')).toBe('1985-06-15');
  });

  it('refuses what is not a date instead of guessing', () => {
    for (const typed of ['32/1/2027', '29/2/2027', '1/13/27', 'abc', '2027', '1/1', '0101202'])
      expect(parseTypedDate(typed), typed).toBeNull();
  });
});

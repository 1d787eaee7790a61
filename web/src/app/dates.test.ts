import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DATE_PICKER_FORMATS, parseShortTypedDate, parseTypedDate } from './dates.ts';

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

  it('never takes a date from the first characters of a longer one while it is typed', () => {
    // The picker commits as soon as its text is a date: "27/03/20" must not be one, or 27/03/2027 typed key by key
    // becomes 27/03/2020 and then 27/03/202027.
    for (const full of ['27/03/2027', '1/1/2027', '27-3-2027', '1.1.2027', '27032027', '2027-03-27'])
      for (let n = 1; n < full.length; n++) {
        const prefix = full.slice(0, n);
        const taken = DATE_PICKER_FORMATS.filter((f) => dayjs(prefix, f, true).isValid());
        expect(taken, `${prefix} (of ${full})`).toEqual([]);
      }
    // The short forms are still understood, on Enter or on leaving the field.
    expect(parseShortTypedDate('1/1/27')?.format('YYYY-MM-DD')).toBe('2027-01-01');
    expect(parseShortTypedDate('010127')?.format('YYYY-MM-DD')).toBe('2027-01-01');
    expect(parseShortTypedDate('01/01/2027')).toBeNull();
  });
});

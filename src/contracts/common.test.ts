import { describe, expect, it } from 'vitest';
import { birthDate, eventDate, historicDate, INT4_MAX, id, idText, intText, pageQuery } from './common.ts';

const issueOf = (r: {
  success: boolean;
  error?: { issues: { code: string; message: string; params?: unknown }[] };
}) => r.error?.issues[0];

describe('ids and integers fit int4', () => {
  it('a body id is 1..2147483647', () => {
    expect(id.parse(1)).toBe(1);
    expect(id.parse(INT4_MAX)).toBe(2_147_483_647);
    expect(issueOf(id.safeParse(INT4_MAX + 1))).toMatchObject({ code: 'too_big', maximum: INT4_MAX });
    expect(issueOf(id.safeParse(0))).toMatchObject({ code: 'too_small' });
    expect(id.safeParse(1.5).success).toBe(false);
  });

  it('a path or query id is canonical decimal only', () => {
    expect(idText.parse('12')).toBe(12);
    expect(idText.parse('2147483647')).toBe(INT4_MAX);
    for (const bad of [' 1', '1 ', '0x10', '01', '1e3', '+1', '-1', '0', '1.0', '', 'a\u0000', '99999999999'])
      expect(issueOf(idText.safeParse(bad)), JSON.stringify(bad)).toMatchObject({
        message: 'common.id_invalid',
      });
    expect(issueOf(idText.safeParse('2147483648'))).toMatchObject({ code: 'too_big', maximum: INT4_MAX });
  });

  it('other integers read from text keep their own range', () => {
    expect(intText(0, 10).parse('0')).toBe(0);
    expect(issueOf(intText(0, 10).safeParse('11'))).toMatchObject({ code: 'too_big', maximum: 10 });
    expect(issueOf(intText(0, 10).safeParse('00'))).toMatchObject({ message: 'common.int_invalid' });
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(pageQuery.safeParse({ page: '2147483648' }).success).toBe(false);
  });
});

describe('dates have a range per kind', () => {
  it('event dates and filters: 2000-01-01..2100-12-31, by common.date_range with the bounds', () => {
    expect(eventDate.parse('2026-05-04')).toBe('2026-05-04');
    expect(eventDate.parse('2000-01-01')).toBe('2000-01-01');
    expect(eventDate.parse('2100-12-31')).toBe('2100-12-31');
    for (const bad of ['0000-01-01', '1999-12-31', '2101-01-01'])
      expect(issueOf(eventDate.safeParse(bad))).toMatchObject({
        message: 'common.date_range',
        params: { min: '2000-01-01', max: '2100-12-31' },
      });
    expect(issueOf(eventDate.safeParse('2026-02-30'))).toMatchObject({ message: 'common.date_invalid' });
  });

  it('a birth date is from 1900; an organisation may be founded in 1946', () => {
    expect(birthDate.parse('1950-03-02')).toBe('1950-03-02');
    expect(issueOf(birthDate.safeParse('1899-12-31'))).toMatchObject({ message: 'common.date_range' });
    expect(issueOf(birthDate.safeParse('0000-01-01'))).toMatchObject({
      message: 'common.date_range',
      params: { min: '1900-01-01' },
    });
    // A birth date after today passes the contract: the people rules refuse it against the injected clock.
    expect(birthDate.safeParse('2099-06-01').success).toBe(true);
    expect(historicDate.parse('1946-01-01')).toBe('1946-01-01');
    expect(historicDate.safeParse('0000-01-01').success).toBe(false);
  });
});

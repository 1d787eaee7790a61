import { describe, expect, it } from 'vitest';
import { sessionNotHeldYet } from '../attendance/attendance.rules.ts';
import { issueRefusal } from '../certificates/certificates.rules.ts';
import { canMoveClass, sessionDay, statusCalendarRefusal } from './classes.rules.ts';

/** Class QV-SCC-04 of the tester's report: one session on 19/12/2026, 07:30–11:30 in Vietnam. */
const on19th = { startsAt: '2026-12-19T00:30:00Z' };
/** A session that starts at 23:30 UTC on the 18th: already the 19th (06:30) in Vietnam. */
const early19th = { startsAt: '2026-12-18T23:30:00Z' };
const twoDays = [{ startsAt: '2026-12-20T01:00:00Z' }, on19th];

describe('the class calendar (Vietnam’s days, the day itself counts)', () => {
  it('dates a session by Vietnam’s day, not UTC’s', () => {
    expect(sessionDay(on19th)).toBe('2026-12-19');
    expect(sessionDay(early19th)).toBe('2026-12-19');
    expect(sessionDay({ startsAt: '2026-12-19T16:59:00Z' })).toBe('2026-12-19');
    expect(sessionDay({ startsAt: '2026-12-19T17:00:00Z' })).toBe('2026-12-20');
  });

  it('starts a class from its first session’s day, not the day before', () => {
    expect(statusCalendarRefusal('in_progress', twoDays, '2026-12-05')).toEqual({
      reason: 'not_started',
      day: '2026-12-19',
    });
    expect(statusCalendarRefusal('in_progress', twoDays, '2026-12-18')).toMatchObject({ day: '2026-12-19' });
    expect(statusCalendarRefusal('in_progress', twoDays, '2026-12-19')).toBeNull();
    expect(statusCalendarRefusal('in_progress', [early19th], '2026-12-19')).toBeNull();
  });

  it('ends a class from its last session’s day, and late is fine', () => {
    expect(statusCalendarRefusal('completed', twoDays, '2026-12-19')).toEqual({
      reason: 'not_ended',
      day: '2026-12-20',
    });
    expect(statusCalendarRefusal('completed', twoDays, '2026-12-20')).toBeNull();
    expect(statusCalendarRefusal('completed', twoDays, '2027-03-01')).toBeNull();
  });

  it('needs a session to start or end; opening and cancelling have no date', () => {
    expect(statusCalendarRefusal('in_progress', [], '2026-12-19')).toEqual({ reason: 'no_sessions' });
    expect(statusCalendarRefusal('completed', [], '2026-12-19')).toEqual({ reason: 'no_sessions' });
    expect(statusCalendarRefusal('open', twoDays, '2026-12-05')).toBeNull();
    expect(statusCalendarRefusal('cancelled', twoDays, '2026-12-05')).toBeNull();
    expect(canMoveClass('open', 'completed')).toBe(true);
  });

  it('takes attendance on the session’s day or after it', () => {
    expect(sessionNotHeldYet(on19th, '2026-12-05')).toBe('2026-12-19');
    expect(sessionNotHeldYet(on19th, '2026-12-18')).toBe('2026-12-19');
    expect(sessionNotHeldYet(on19th, '2026-12-19')).toBeNull();
    expect(sessionNotHeldYet(early19th, '2026-12-19')).toBeNull();
    expect(sessionNotHeldYet(on19th, '2027-01-10')).toBeNull();
  });

  it('issues certificates only for an ended class, never dated before its last session', () => {
    expect(issueRefusal('in_progress', [on19th], '2026-12-19')).toEqual({ reason: 'not_completed' });
    expect(issueRefusal('open', [on19th], '2026-12-05')).toEqual({ reason: 'not_completed' });
    expect(issueRefusal('completed', twoDays, '2026-12-19')).toEqual({
      reason: 'before_last_session',
      day: '2026-12-20',
    });
    expect(issueRefusal('completed', twoDays, '2026-12-20')).toBeNull();
    expect(issueRefusal('completed', [], '2026-12-20')).toBeNull();
  });
});

import type { TrainingClass } from '../api/classes.ts';

/**
 * What the calendar does not allow yet, by the sessions' days in Vietnam and the server's today (as the server
 * decides, see `statusCalendarRefusal`): the day from which a class can start or end, null when it already can.
 */
export function notBefore(c: TrainingClass, to: 'in_progress' | 'completed'): string | 'no_sessions' | null {
  const days = c.sessions.map((s) => s.day).sort();
  const day = to === 'in_progress' ? days[0] : days[days.length - 1];
  if (day === undefined) return 'no_sessions';
  return day > c.today ? day : null;
}

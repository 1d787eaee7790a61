import { vnDay } from '../../../platform/clock.ts';
import { isWithin } from '../../../platform/scope.ts';

/** A provider's course is a built-in rule or a custom course of an organisation on its branch. */
export function courseUsableBy(ownerPath: string | null, providerPath: string) {
  return ownerPath === null || isWithin(providerPath, ownerPath) || isWithin(ownerPath, providerPath);
}

const transitions: Record<string, string[]> = {
  planned: ['open', 'cancelled'],
  open: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
};

/** The class lifecycle: planned → open → in progress → completed, cancellable until completed. */
export function canMoveClass(from: string, to: string): boolean {
  return transitions[from]?.includes(to) ?? false;
}

// ——— The calendar: what a class may do before its sessions happen ———

type Dated = { startsAt: string };

/** A session's day in Vietnam (UTC+7): a session starting at 23:30 UTC on the 18th is on the 19th. */
export const sessionDay = (s: Dated): string => vnDay(new Date(s.startsAt));

/** A day has happened once it has begun in Vietnam: the day itself counts (attendance is taken during it). */
export const hasHappened = (day: string, today: string): boolean => day <= today;

export type CalendarRefusal =
  | { reason: 'no_sessions' }
  | { reason: 'not_started'; day: string }
  | { reason: 'not_ended'; day: string };

/**
 * Whether a class may move to `to` today: starting (in progress) needs its first session's day, ending
 * (completed) its last session's day — later is fine, a provider often records afterwards. Opening and
 * cancelling have no date.
 */
export function statusCalendarRefusal(to: string, sessions: Dated[], today: string): CalendarRefusal | null {
  if (to !== 'in_progress' && to !== 'completed') return null;
  if (sessions.length === 0) return { reason: 'no_sessions' };
  const days = sessions.map(sessionDay).sort();
  const day = to === 'in_progress' ? days[0]! : days[days.length - 1]!;
  if (hasHappened(day, today)) return null;
  return to === 'in_progress' ? { reason: 'not_started', day } : { reason: 'not_ended', day };
}

import { vnDay } from '../../../platform/clock.ts';

/** Pure rules of shifts: days in Vietnam, hours worked, when check-in is open. */

/** The Vietnamese calendar day of an instant. */
export const dayOf = (iso: string) => vnDay(new Date(iso));

const HOUR = 3600_000;

/**
 * Hours between check-in and check-out, capped at the shift's length (an early arrival or a late departure
 * adds nothing), to the hundredth.
 */
export function hoursWorked(
  checkIn: string,
  checkOut: Date,
  shift: { startsAt: string; endsAt: string },
): number {
  const worked = Math.max(0, checkOut.getTime() - Date.parse(checkIn));
  const span = Date.parse(shift.endsAt) - Date.parse(shift.startsAt);
  return Math.round((Math.min(worked, span) / HOUR) * 100) / 100;
}

/** Check-in opens an hour before the shift and closes at its end. */
export function checkInOpen(now: Date, shift: { startsAt: string; endsAt: string }): boolean {
  const t = now.getTime();
  return t >= Date.parse(shift.startsAt) - HOUR && t <= Date.parse(shift.endsAt);
}

/** Past this, a missing check-out is flagged (the job), and a late check-out is refused: an officer enters hours. */
export function checkoutDeadline(shift: { endsAt: string }): number {
  return Date.parse(shift.endsAt) + 2 * HOUR;
}

/** Pure rules of a drive's time: its slots from the opening hours, and what counts as a late cancellation. */

const HOUR = 3_600_000;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Vietnamese wall-clock time on a day as an ISO instant with its offset (Vietnam: UTC+7, no DST). */
export const vnInstant = (day: string, time: string) => `${day}T${time}:00+07:00`;

/**
 * The slots of a drive: from opening to closing, `slotMinutes` each, `capacity` places each (beds × staff); the
 * last one ends at closing time when the hours do not divide evenly.
 */
export function generateSlots(
  day: string,
  opensAt: string,
  closesAt: string,
  slotMinutes: number,
  capacity: number,
): { startsAt: string; endsAt: string; capacity: number }[] {
  const out: { startsAt: string; endsAt: string; capacity: number }[] = [];
  const close = minutesOf(closesAt);
  for (let t = minutesOf(opensAt); t < close; t += slotMinutes) {
    const end = Math.min(t + slotMinutes, close);
    out.push({ startsAt: vnInstant(day, hhmm(t)), endsAt: vnInstant(day, hhmm(end)), capacity });
  }
  return out;
}

/** A cancellation less than 24 hours before the slot starts is late (recorded as such, for the funnel). */
export function isLateCancellation(slotStartsAt: string | null, now: Date): boolean {
  if (!slotStartsAt) return false;
  return Date.parse(slotStartsAt) - now.getTime() < 24 * HOUR;
}

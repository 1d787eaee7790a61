/** Injected everywhere a date matters, so deadlines, lockouts and expiry are testable at any date. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  iso: string,
): Clock & { set: (iso: string) => void; advance: (ms: number) => void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** The calendar day in Vietnam (UTC+7, no DST) of an instant, as YYYY-MM-DD. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** "Today" for effective dates and deadlines. */
export function vnToday(clock: Clock): string {
  return vnDay(clock.now());
}

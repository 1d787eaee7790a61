import { VOLUNTEER_MIN_AGE, type VolunteerStatusCode } from '../../../contracts/volunteers/common.ts';
import { statusTransitions } from '../../../contracts/volunteers/registry.ts';

/** Pure rules of the registry: the age floor and the manual status transitions. */

/** 18 years old on `today` (born on 29/02: the birthday is 01/03 in a common year). */
export function isAdult(birthDate: string, today: string, minAge = VOLUNTEER_MIN_AGE): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y + minAge, m - 1, d)).toISOString().slice(0, 10);
  return day <= today;
}

/** The statuses a manual change may reach from `from` ('deployed' only through an assignment). */
export function nextStatuses(from: VolunteerStatusCode): VolunteerStatusCode[] {
  return statusTransitions[from];
}

export const isExpired = (until: string | null, today: string) => until !== null && until < today;

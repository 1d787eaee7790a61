import { hasHappened, sessionDay } from '../classes/classes.rules.ts';

export type IssueRefusal = { reason: 'not_completed' } | { reason: 'before_last_session'; day: string };

/**
 * Certificates are issued once the class has ended, and never dated before its last session: a certificate
 * issued on the 5th for training on the 19th would be verified as valid for training that had not happened.
 */
export function issueRefusal(
  status: string,
  sessions: { startsAt: string }[],
  today: string,
): IssueRefusal | null {
  if (status !== 'completed') return { reason: 'not_completed' };
  const last = sessions.map(sessionDay).sort().at(-1);
  if (last && !hasHappened(last, today)) return { reason: 'before_last_session', day: last };
  return null;
}

import type { z } from 'zod';
import type { resultsBody } from '../../../contracts/training.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { hasHappened, sessionDay } from '../classes/classes.rules.ts';

type ResultInput = z.output<typeof resultsBody>['results'][number];

/** pass when both theory and practice reach the course's pass mark (10-point scale); absences as recorded. */
export function outcomeOf(r: ResultInput, passMark: number): 'pass' | 'fail' | 'no_show' | 'left_early' {
  if (r.absence) return r.absence;
  return (r.theoryScore ?? 0) >= passMark && (r.practiceScore ?? 0) >= passMark ? 'pass' : 'fail';
}

/** Field issues of a results form: learners not in the class, missing scores, scores outside 0–10. */
export function resultIssues(results: ResultInput[], enrolled: ReadonlySet<number>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [i, r] of results.entries()) {
    const at = `body.results.${i}`;
    if (!enrolled.has(r.personId))
      issues.push({ path: `${at}.personId`, message: 'Người này không ghi danh trong lớp' });
    if (r.absence) continue;
    for (const k of ['theoryScore', 'practiceScore'] as const) {
      const v = r[k];
      if (v == null)
        issues.push({
          path: `${at}.${k}`,
          message: k === 'theoryScore' ? 'Nhập điểm lý thuyết' : 'Nhập điểm thực hành',
        });
      else if (v < 0 || v > 10) issues.push({ path: `${at}.${k}`, message: 'Điểm từ 0 đến 10' });
    }
  }
  return issues;
}

/** The session's day (Vietnam) when it has not come yet — attendance is recorded on the day or afterwards. */
export function sessionNotHeldYet(session: { startsAt: string }, today: string): string | null {
  const day = sessionDay(session);
  return hasHappened(day, today) ? null : day;
}

/** Attendance and results of a class. */
import { z } from 'zod';
import { id } from './fields.ts';
import { trainingIssues } from './issues.ts';

export const attendanceStatus = z.enum(['present', 'absent', 'late', 'left_early']);
export const attendanceBody = z.object({
  entries: z.array(z.object({ personId: id, status: attendanceStatus })).max(1000),
});
export const attendanceView = z.object({
  sessionId: id,
  entries: z.array(z.object({ personId: id, fullName: z.string(), status: attendanceStatus.nullable() })),
});

const score = z.number().min(0, trainingIssues.score_range).max(10, trainingIssues.score_range).nullish();
export const resultsBody = z.object({
  results: z
    .array(
      z.object({
        personId: id,
        theoryScore: score,
        practiceScore: score,
        /** Set only for a learner who did not sit the test; pass/fail comes from the scores. */
        absence: z.enum(['no_show', 'left_early']).nullish(),
      }),
    )
    .max(1000),
});

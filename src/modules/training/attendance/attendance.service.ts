import type { z } from 'zod';
import type { attendanceBody, resultsBody } from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findCourse } from '../catalogue/catalogue.repo.ts';
import * as classes from '../classes/classes.repo.ts';
import { classForWrite } from '../classes/classes.service.ts';
import { sessionNotHeldError, trainingErrors } from '../training.errors.ts';
import * as repo from './attendance.repo.ts';
import { outcomeOf, resultIssues, sessionNotHeldYet } from './attendance.rules.ts';

export async function getAttendance(ctx: Ctx, classId: number, sessionId: number) {
  const c = await classes.findClass(ctx.db, scopeOf(ctx.actor), classId);
  if (!c) throw trainingErrors['class.not_found']();
  const entries = await repo.attendanceOf(ctx.db, classId, sessionId);
  const session = (await classes.sessionsOf(ctx.db, classId)).find((s) => s.id === sessionId);
  if (!session) throw trainingErrors['session.not_found']();
  return { sessionId, entries };
}

/**
 * Records a session's attendance (present / absent / late / left early) for enrolled learners: on the session's
 * day or afterwards, never before it.
 */
export async function putAttendance(
  ctx: Ctx,
  classId: number,
  sessionId: number,
  input: z.output<typeof attendanceBody>,
) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, classId);
    const session = (await classes.sessionsOf(tx, classId)).find((s) => s.id === sessionId);
    if (!session) throw trainingErrors['session.not_found']();
    const notYet = sessionNotHeldYet(session, vnToday(ctx.clock));
    if (notYet) throw sessionNotHeldError(notYet);
    const enrolled = new Map(
      (await classes.enrolmentsOf(tx, classId))
        .filter((e) => e.status === 'enrolled')
        .map((e) => [e.personId, e.id]),
    );
    const issues: FieldIssue[] = input.entries.flatMap((x, i) =>
      enrolled.has(x.personId)
        ? []
        : [{ path: `body.entries.${i}.personId`, message: 'Người này không ghi danh trong lớp' }],
    );
    if (issues.length) throw errors.validation(issues);
    for (const x of input.entries)
      await repo.saveAttendance(tx, enrolled.get(x.personId)!, sessionId, x.status);
    await recordAudit(tx, ctx, {
      action: 'training.attendance.save',
      entityType: 'training_class',
      entityId: classId,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      after: { sessionId, entries: input.entries },
    });
  });
  return getAttendance(ctx, classId, sessionId);
}

/** Records theory and practice scores and the outcome of each learner, with field-named errors. */
export async function putResults(ctx: Ctx, classId: number, input: z.output<typeof resultsBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, classId);
    if (c.status === 'planned') throw trainingErrors.class_transition({ from: 'planned', to: 'results' });
    const course = (await findCourse(tx, c.courseTypeId))!;
    const enrolled = new Map(
      (await classes.enrolmentsOf(tx, classId))
        .filter((e) => e.status === 'enrolled')
        .map((e) => [e.personId, e]),
    );
    const issues = resultIssues(input.results, new Set(enrolled.keys()));
    if (issues.length) throw errors.validation(issues);
    const after = [];
    for (const r of input.results) {
      const result = {
        theoryScore: r.theoryScore ?? null,
        practiceScore: r.practiceScore ?? null,
        outcome: outcomeOf(r, course.passMark),
      };
      await repo.saveResult(tx, enrolled.get(r.personId)!.id, result);
      after.push({ personId: r.personId, ...result });
    }
    await recordAudit(tx, ctx, {
      action: 'training.results.save',
      entityType: 'training_class',
      entityId: classId,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      after,
    });
  });
  return classes.enrolmentsOf(ctx.db, classId);
}

import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { attendanceBody, resultsBody } from '../../contracts/training.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/scope.ts';
import { classForWrite } from './classes.service.ts';
import { trainingErrors } from './training.errors.ts';
import * as repo from './training.repo.ts';
import { attendance, enrolments } from './training.tables.ts';

export async function getAttendance(ctx: Ctx, classId: number, sessionId: number) {
  const c = await repo.findClass(ctx.db, scopeOf(ctx.actor), classId);
  if (!c) throw trainingErrors.classNotFound();
  const entries = await rows<{
    personId: number;
    fullName: string;
    status: 'present' | 'absent' | 'late' | 'left_early' | null;
  }>(
    ctx.db,
    sql`SELECT e.person_id AS "personId", p.full_name AS "fullName", a.status
        FROM enrolments e JOIN people p ON p.id = e.person_id
        JOIN class_sessions s ON s.id = ${sessionId} AND s.class_id = e.class_id
        LEFT JOIN attendance a ON a.enrolment_id = e.id AND a.session_id = s.id
        WHERE e.class_id = ${classId} AND e.status = 'enrolled' ORDER BY p.full_name, e.id`,
  );
  const session = (await repo.sessionsOf(ctx.db, classId)).find((s) => s.id === sessionId);
  if (!session) throw errors.notFound('training.session', 'Không có buổi học này.');
  return { sessionId, entries };
}

/** Records a session's attendance (present / absent / late / left early) for enrolled learners. */
export async function putAttendance(
  ctx: Ctx,
  classId: number,
  sessionId: number,
  input: z.output<typeof attendanceBody>,
) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, classId);
    if (!(await repo.sessionsOf(tx, classId)).some((s) => s.id === sessionId))
      throw errors.notFound('training.session', 'Không có buổi học này.');
    const enrolled = new Map(
      (await repo.enrolmentsOf(tx, classId))
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
      await tx
        .insert(attendance)
        .values({ enrolmentId: enrolled.get(x.personId)!, sessionId, status: x.status })
        .onConflictDoUpdate({
          target: [attendance.enrolmentId, attendance.sessionId],
          set: { status: x.status },
        });
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

type ResultInput = z.output<typeof resultsBody>['results'][number];

/** pass when both theory and practice reach the course's pass mark (10-point scale); absences as recorded. */
export function outcomeOf(r: ResultInput, passMark: number): 'pass' | 'fail' | 'no_show' | 'left_early' {
  if (r.absence) return r.absence;
  return (r.theoryScore ?? 0) >= passMark && (r.practiceScore ?? 0) >= passMark ? 'pass' : 'fail';
}

/** Records theory and practice scores and the outcome of each learner, with field-named errors. */
export async function putResults(ctx: Ctx, classId: number, input: z.output<typeof resultsBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, classId);
    if (c.status === 'planned') throw trainingErrors.badTransition('planned', 'results');
    const course = (await repo.findCourse(tx, c.courseTypeId))!;
    const enrolled = new Map(
      (await repo.enrolmentsOf(tx, classId))
        .filter((e) => e.status === 'enrolled')
        .map((e) => [e.personId, e]),
    );
    const issues: FieldIssue[] = [];
    for (const [i, r] of input.results.entries()) {
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
    if (issues.length) throw errors.validation(issues);
    const after = [];
    for (const r of input.results) {
      const e = enrolled.get(r.personId)!;
      const outcome = outcomeOf(r, course.passMark);
      await tx
        .update(enrolments)
        .set({
          theoryScore: r.theoryScore ?? null,
          practiceScore: r.practiceScore ?? null,
          outcome,
          version: sql`${enrolments.version} + 1`,
        })
        .where(eq(enrolments.id, e.id));
      after.push({
        personId: r.personId,
        theoryScore: r.theoryScore ?? null,
        practiceScore: r.practiceScore ?? null,
        outcome,
      });
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
  return repo.enrolmentsOf(ctx.db, classId);
}

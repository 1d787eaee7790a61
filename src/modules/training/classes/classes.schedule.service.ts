import type { z } from 'zod';
import type { setSessionsBody, setTrainersBody } from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findCourse } from '../catalogue/catalogue.repo.ts';
import * as trainers from '../trainers/trainers.repo.ts';
import { trainerBusy, trainersBelowMinimum } from '../training.errors.ts';
import { noticeClassScheduled } from '../training.notices.ts';
import * as repo from './classes.repo.ts';
import { classForWrite, getClass } from './classes.service.ts';

/** Checks, under the trainers' row locks, that none of the class's trainers teaches elsewhere at the same time. */
async function assertTrainersFree(
  tx: Tx,
  classId: number,
  list: trainers.TrainerRow[],
  field: 'sessions' | 'trainerIds',
  ids: number[] = [],
) {
  const busy = await trainers.trainerOverlaps(
    tx,
    classId,
    list.map((t) => t.id),
  );
  if (busy.length === 0) return;
  const t = list.find((x) => x.id === busy[0]!.trainerId)!;
  throw trainerBusy(t.fullName, busy[0]!.classCode, field === 'trainerIds' ? ids.indexOf(t.id) : undefined);
}

/** Refused (naming the learner) when a learner of the class is booked elsewhere at the same time. */
async function assertLearnersFree(tx: Tx, classId: number) {
  const people = (await repo.enrolmentsOf(tx, classId)).filter((e) => e.status !== 'cancelled');
  const clash = await repo.personOverlaps(
    tx,
    classId,
    people.map((p) => p.personId),
  );
  if (clash.length === 0) return;
  const who = people.find((p) => p.personId === clash[0]!.personId)!;
  throw errors.validation([
    {
      path: 'body.sessions',
      message: `Học viên ${who.fullName} đã có lịch học trùng giờ ở lớp ${clash[0]!.classCode}`,
    },
  ]);
}

/** Replaces the class's sessions; refused if a trainer or a learner would be booked twice at once. */
export async function setSessions(ctx: Ctx, id: number, input: z.output<typeof setSessionsBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    const before = await repo.sessionsOf(tx, id);
    const assigned = await repo.classTrainersOf(tx, id);
    const locked = await trainers.lockTrainers(
      tx,
      { all: true },
      assigned.map((t) => t.id),
    );
    await repo.replaceSessions(tx, id, input.sessions);
    await assertTrainersFree(tx, id, locked, 'sessions');
    await assertLearnersFree(tx, id);
    await noticeClassScheduled(tx, c, input.sessions);
    await recordAudit(tx, ctx, {
      action: 'training.class.sessions',
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before,
      after: input.sessions,
    });
  });
  return getClass(ctx, id);
}

/** Assigns the class's trainers (whole list). Trainer rows are locked first, in id order. */
export async function setTrainers(ctx: Ctx, id: number, input: z.output<typeof setTrainersBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = await classForWrite(ctx, tx, id);
    const ids = [...new Set(input.trainerIds)];
    const locked = await trainers.lockTrainers(tx, scopeOf(ctx.actor), ids);
    const issues = ids.flatMap((tid) => {
      const i = input.trainerIds.indexOf(tid); // where the body has it, repeats before it counted
      const t = locked.find((x) => x.id === tid);
      if (!t?.active) return [{ path: `body.trainerIds.${i}`, message: 'Không có giảng viên này' }];
      if (t.courseCodes.length && !t.courseCodes.includes(c.courseCode))
        return [
          {
            path: `body.trainerIds.${i}`,
            message: `Giảng viên ${t.fullName} không được phân công dạy khoá ${c.courseCode}`,
          },
        ];
      return [];
    });
    if (issues.length) throw errors.validation(issues);
    const before = (await repo.classTrainersOf(tx, id)).map((t) => t.id);
    // A class that is open or running keeps the course's minimum: a trainer is replaced, not just removed.
    if ((c.status === 'open' || c.status === 'in_progress') && ids.length < before.length) {
      const course = (await findCourse(tx, c.courseTypeId))!;
      if (ids.length < course.minTrainers) throw trainersBelowMinimum(ids.length, course, c.status);
    }
    await assertTrainersFree(tx, id, locked, 'trainerIds', input.trainerIds);
    await repo.replaceTrainers(tx, id, ids);
    await recordAudit(tx, ctx, {
      action: 'training.class.trainers',
      entityType: 'training_class',
      entityId: id,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      before: { trainerIds: before },
      after: { trainerIds: ids },
    });
  });
  return getClass(ctx, id);
}

import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTrainerBody, trainerQuery } from '../../contracts/training.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { hasPermission, pathInScope, scopeOf } from '../../platform/scope.ts';
import * as repo from './training.repo.ts';
import { trainers } from './training.tables.ts';

const view = ({ orgPath: _p, ...t }: repo.TrainerRow) => t;

export async function listTrainers(ctx: Ctx, q: z.output<typeof trainerQuery>) {
  const scope = scopeOf(ctx.actor);
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.findOrgRef(ctx.db, q.orgId);
    if (!org || !pathInScope(scope, org.path)) return [];
    orgPath = org.path;
  }
  return (await repo.listTrainers(ctx.db, scope, orgPath)).map(view);
}

/** Registers a person of the registry as a trainer of an organisation, with a qualification and courses. */
export async function createTrainer(ctx: Ctx, input: z.output<typeof createTrainerBody>) {
  const scope = scopeOf(ctx.actor);
  const org = await repo.findOrgRef(ctx.db, input.orgId);
  if (!org || !pathInScope(scope, org.path))
    throw errors.validation([{ path: 'body.orgId', message: 'Không có tổ chức này' }]);
  if (!hasPermission(ctx.actor, 'training.manage', org.path)) throw errors.forbidden();
  return ctx.db.transaction(async (tx) => {
    const [person] = await rows<{ id: number }>(
      tx,
      sql`SELECT id FROM people WHERE id = ${input.personId} AND status = 'active'
          AND (org_path <@ ${org.path}::ltree OR ${sql.raw(scope.all ? 'true' : 'false')}
               OR EXISTS (SELECT 1 FROM organisations e WHERE e.id = people.employer_org_id AND e.path <@ ${org.path}::ltree)
               OR org_path @> ${org.path}::ltree)`,
    );
    const issues = [];
    if (!person)
      issues.push({ path: 'body.personId', message: 'Không có người này trong danh sách của tổ chức' });
    for (const [i, code] of input.courseCodes.entries())
      if (!(await repo.findCourseByCode(tx, code)))
        issues.push({ path: `body.courseCodes.${i}`, message: 'Không có khoá học với mã này' });
    if (issues.length) throw errors.validation(issues);
    const [row] = await tx
      .insert(trainers)
      .values({ ...input, orgPath: org.path })
      .onConflictDoNothing()
      .returning({ id: trainers.id });
    if (!row)
      throw errors.validation([{ path: 'body.personId', message: 'Người này đã là giảng viên của tổ chức' }]);
    const [created] = await repo.lockTrainers(tx, { all: true }, [row.id]);
    await recordAudit(tx, ctx, {
      action: 'training.trainer.create',
      entityType: 'trainer',
      entityId: row.id,
      orgId: org.id,
      orgPath: org.path,
      after: view(created!),
    });
    return view(created!);
  });
}

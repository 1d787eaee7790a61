import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { workforceBody, workforceView } from '../../contracts/training.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { hasPermission, pathInScope, scopeOf } from '../../platform/scope.ts';
import * as repo from './training.repo.ts';
import { workforceCounts } from './training.tables.ts';

type WorkforceView = z.infer<typeof workforceView>;

/**
 * An enterprise's declared headcount, dated (the TT 19/2016 first-aider rule needs it; the person registry
 * holds only the workers sent to training). Declared by whoever reports for the enterprise (its HR:
 * `report.write`) or manages training there; one declaration per day, a same-day correction replaces it.
 */
async function orgFor(ctx: Ctx, orgId: number, path: string) {
  const org = await repo.findOrgRef(ctx.db, orgId);
  if (!org || !pathInScope(scopeOf(ctx.actor), org.path))
    throw errors.validation([{ path, message: 'Không có tổ chức này' }]);
  return org;
}

export async function listWorkforce(ctx: Ctx, orgId: number): Promise<WorkforceView[]> {
  const org = await repo.findOrgRef(ctx.db, orgId);
  if (!org || !pathInScope(scopeOf(ctx.actor), org.path))
    throw errors.notFound('orgs', 'Không tìm thấy tổ chức hoặc bạn không có quyền truy cập.');
  return rows<WorkforceView>(
    ctx.db,
    sql`SELECT w.id, w.org_id AS "orgId", w.as_of::text AS "asOf", w.workers, w.strict_osh AS "strictOsh", w.note,
          u.full_name AS "recordedBy", to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
        FROM workforce_counts w LEFT JOIN users u ON u.id = w.recorded_by
        WHERE w.org_id = ${org.id} ORDER BY w.as_of DESC`,
  );
}

export async function recordWorkforce(ctx: Ctx, input: z.output<typeof workforceBody>) {
  const org = await orgFor(ctx, input.orgId, 'body.orgId');
  if (
    !hasPermission(ctx.actor, 'report.write', org.path) &&
    !hasPermission(ctx.actor, 'training.manage', org.path)
  )
    throw errors.forbidden();
  await ctx.db.transaction(async (tx) => {
    const [before] = await rows<{ workers: number; strictOsh: boolean; note: string | null }>(
      tx,
      sql`SELECT workers, strict_osh AS "strictOsh", note FROM workforce_counts
          WHERE org_id = ${org.id} AND as_of = ${input.asOf}::date FOR UPDATE`,
    );
    const values = { workers: input.workers, strictOsh: input.strictOsh, note: input.note ?? null };
    await tx
      .insert(workforceCounts)
      .values({ ...values, orgId: org.id, orgPath: org.path, asOf: input.asOf, recordedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [workforceCounts.orgId, workforceCounts.asOf],
        set: { ...values, recordedBy: ctx.actor.userId },
      });
    await recordAudit(tx, ctx, {
      action: before ? 'training.workforce.update' : 'training.workforce.declare',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      orgPath: org.path,
      before: before ?? null,
      after: { asOf: input.asOf, ...values },
    });
  });
  return (await listWorkforce(ctx, org.id)).find((w) => w.asOf === input.asOf)!;
}

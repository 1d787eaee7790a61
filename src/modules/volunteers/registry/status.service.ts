import { formatViDate } from '../../../contracts/dates.ts';
import type { StatusBody } from '../../../contracts/volunteers/registry.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { registryErrors } from './registry.errors.ts';
import * as repo from './registry.repo.ts';
import { nextStatuses } from './registry.rules.ts';
import { loadProfile } from './registry.service.ts';
import { changeProfileStatuses } from './status.repo.ts';

/**
 * A manual status change, dated and with its reason: only the allowed transitions (`statusTransitions`);
 * 'deployed' comes from an assignment in a wave, never from this form. Audited in the same transaction.
 */
export async function changeStatus(ctx: Ctx, id: number, body: StatusBody) {
  const today = vnToday(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const p = await loadProfile(ctx, tx, id, true, true);
    if (body.to === 'deployed') throw registryErrors.deployed_by_assignment();
    if (!nextStatuses(p.status).includes(body.to))
      throw registryErrors.transition_refused({ from: p.status, to: body.to });
    if (body.onDate > today)
      throw errors.validation([
        { path: 'body.onDate', message: 'Ngày chuyển trạng thái không được sau hôm nay' },
      ]);
    if (body.onDate < p.statusSince)
      throw errors.validation([
        {
          path: 'body.onDate',
          message: `Ngày chuyển trạng thái không được trước ngày của trạng thái hiện tại (${formatViDate(p.statusSince)})`,
        },
      ]);
    await changeProfileStatuses(tx, {
      profileIds: [id],
      to: body.to,
      onDate: body.onDate,
      reason: body.reason ?? null,
      by: ctx.actor?.userId ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'volunteers.status',
      entityType: 'volunteer_profile',
      entityId: id,
      entityLabel: p.fullName,
      orgId: p.orgId,
      orgPath: p.orgPath,
      before: { status: p.status },
      after: { status: body.to, onDate: body.onDate, reason: body.reason ?? null },
    });
  });
  return statusHistory(ctx, id);
}

export async function statusHistory(ctx: Ctx, id: number) {
  await loadProfile(ctx, ctx.db, id);
  return repo.historyOf(ctx.db, id);
}

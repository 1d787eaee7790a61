import type { FunnelView } from '../../../contracts/blood/drives.ts';
import type { Ctx } from '../../../platform/context.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { drivesErrors } from './drives.errors.ts';
import { canReadHealth } from './drives.service.ts';
import * as repo from './funnel.repo.ts';

const KEYS = [
  'registered',
  'checkedIn',
  'screened',
  'donated',
  'deferred',
  'noShow',
  'cancelled',
  'lateCancelled',
  'walkIns',
] as const;

/** The drive's funnel (registered → checked in → screened → donated / deferred; no-shows; walk-ins), per slot. */
export async function getFunnel(ctx: Ctx, driveId: number): Promise<FunnelView> {
  const scope = scopeOf(ctx.actor);
  const list = await repo.funnel(ctx.db, scope, driveId);
  if (list.length === 0 && !(await repo.driveVisible(ctx.db, scope, driveId))) throw drivesErrors.not_found();
  // Deferrals are health data: a caller without blood.health on the drive sees them among the screened only (per
  // slot, a count of one would name the donor of a small slot).
  const health = list.length > 0 && canReadHealth(ctx.actor, list[0]!);
  const totals = Object.fromEntries(
    KEYS.map((k) => [k, list.reduce((n, r) => n + r[k], 0)]),
  ) as FunnelView['totals'];
  return {
    driveId,
    targetUnits: list[0]?.targetUnits ?? null,
    totals: { ...totals, deferred: health ? totals.deferred : null },
    slots: list.map(({ targetUnits: _t, organiserPath: _p, ...r }) => ({
      ...r,
      deferred: health ? r.deferred : null,
    })),
  };
}

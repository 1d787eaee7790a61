import type { z } from 'zod';
import type {
  closeOrgBody,
  mergeOrgBody,
  moveOrgBody,
  OrgDetail,
  reopenOrgBody,
} from '../../contracts/orgs.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { isWithin } from '../../platform/scope.ts';
import { orgErrors } from './orgs.errors.ts';
import * as repo from './orgs.repo.ts';
import { getOrg } from './orgs.service.ts';
import { audited, lockForWrite, logEvent, saveRow } from './orgs.writes.ts';

/** The dated changes to the tree: move, merge, close, reopen. Each leaves an event in the history. */

type OrgRow = Awaited<ReturnType<typeof lockForWrite>>;
type Named = { id: number; name: string };

/**
 * One dated change: the organisation locked at the version the caller saw, the change applied, the write audited,
 * all in one transaction; the answer is the organisation as it now reads.
 */
async function changeOrg(
  ctx: Ctx,
  id: number,
  version: number,
  action: string,
  apply: (tx: Tx, before: OrgRow) => Promise<OrgRow>,
): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, version);
    await audited(ctx, tx, action, before, await apply(tx, before));
  });
  return getOrg(ctx, id);
}

/** A unit's move under a new parent, in its history. */
function logMoved(ctx: Ctx, tx: Tx, orgId: number, on: string, from: Named | null, to: Named) {
  return logEvent(ctx, tx, orgId, 'moved', on, {
    fromParentId: from?.id ?? null,
    fromParentName: from?.name ?? null,
    toParentId: to.id,
    toParentName: to.name,
  });
}

export function moveOrg(ctx: Ctx, id: number, input: z.output<typeof moveOrgBody>): Promise<OrgDetail> {
  return changeOrg(ctx, id, input.version, 'move', async (tx, before) => {
    const target = await lockForWrite(ctx, tx, input.newParentId, undefined, 'body.newParentId');
    if (before.status !== 'active' || target.status !== 'active') throw orgErrors.notActive();
    if (isWithin(target.path, before.path)) throw orgErrors.moveCycle();
    const from = before.parentId ? await repo.findOrgRow(tx, { all: true }, before.parentId) : undefined;
    await repo.movePaths(tx, before.path, target.path);
    const after = await saveRow(tx, { ...before }, { parentId: target.id });
    await logMoved(ctx, tx, id, input.effectiveOn, from ?? null, target);
    return after;
  });
}

/** Merging A into B: A's active units move under B, A stays readable with status "merged". */
export function mergeOrg(ctx: Ctx, id: number, input: z.output<typeof mergeOrgBody>): Promise<OrgDetail> {
  return changeOrg(ctx, id, input.version, 'merge', async (tx, before) => {
    const into = await lockForWrite(ctx, tx, input.intoId, undefined, 'body.intoId');
    if (before.status !== 'active' || into.status !== 'active') throw orgErrors.notActive();
    if (isWithin(into.path, before.path)) throw orgErrors.moveCycle();
    // Unscoped on purpose: the children are in the subtree of A, which the caller may write.
    const children = await repo.activeChildren(tx, { all: true }, id);
    for (const child of children) {
      await repo.movePaths(tx, child.path, into.path);
      await repo.setParent(tx, child.id, into.id);
      await logMoved(ctx, tx, child.id, input.effectiveOn, before, into);
    }
    const after = await saveRow(tx, before, {
      status: 'merged',
      closedOn: input.effectiveOn,
      mergedIntoId: into.id,
    });
    await logEvent(ctx, tx, id, 'merged', input.effectiveOn, { intoId: into.id, intoName: into.name });
    await logEvent(ctx, tx, into.id, 'absorbed', input.effectiveOn, { fromId: id, fromName: before.name });
    return after;
  });
}

export function closeOrg(ctx: Ctx, id: number, input: z.output<typeof closeOrgBody>): Promise<OrgDetail> {
  return changeOrg(ctx, id, input.version, 'close', async (tx, before) => {
    if (before.status !== 'active') throw orgErrors.notActive();
    const active = await repo.countActiveChildren(tx, id);
    if (active > 0) throw orgErrors.hasActiveChildren(active);
    const after = await saveRow(tx, before, { status: 'closed', closedOn: input.effectiveOn });
    await logEvent(ctx, tx, id, 'closed', input.effectiveOn, { reason: input.reason ?? null });
    return after;
  });
}

export function reopenOrg(ctx: Ctx, id: number, input: z.output<typeof reopenOrgBody>): Promise<OrgDetail> {
  return changeOrg(ctx, id, input.version, 'reopen', async (tx, before) => {
    if (before.status !== 'closed') throw orgErrors.notActive();
    if (before.parentId) {
      const parent = await repo.findOrgRow(tx, { all: true }, before.parentId);
      if (parent?.status !== 'active') throw orgErrors.notActive();
    }
    const after = await saveRow(tx, before, { status: 'active', closedOn: null });
    await logEvent(ctx, tx, id, 'reopened', input.effectiveOn);
    return after;
  });
}

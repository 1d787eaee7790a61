import type { z } from 'zod';
import type {
  closeOrgBody,
  mergeOrgBody,
  moveOrgBody,
  OrgDetail,
  reopenOrgBody,
} from '../../contracts/orgs.ts';
import type { Ctx } from '../../platform/context.ts';
import { isWithin } from '../../platform/scope.ts';
import { orgErrors } from './orgs.errors.ts';
import * as repo from './orgs.repo.ts';
import { getOrg } from './orgs.service.ts';
import { audited, lockForWrite, logEvent, saveRow } from './orgs.writes.ts';

/** The dated changes to the tree: move, merge, close, reopen. Each leaves an event in the history. */

export async function moveOrg(ctx: Ctx, id: number, input: z.output<typeof moveOrgBody>): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, input.version);
    const target = await lockForWrite(ctx, tx, input.newParentId, undefined, 'body.newParentId');
    if (before.status !== 'active' || target.status !== 'active') throw orgErrors.notActive();
    if (isWithin(target.path, before.path)) throw orgErrors.moveCycle();
    const from = before.parentId ? await repo.findOrgRow(tx, { all: true }, before.parentId) : undefined;
    await repo.movePaths(tx, before.path, target.path);
    const after = await saveRow(tx, { ...before }, { parentId: target.id });
    await logEvent(ctx, tx, id, 'moved', input.effectiveOn, {
      fromParentId: before.parentId,
      fromParentName: from?.name ?? null,
      toParentId: target.id,
      toParentName: target.name,
    });
    await audited(ctx, tx, 'move', before, after);
  });
  return getOrg(ctx, id);
}

/** Merging A into B: A's active units move under B, A stays readable with status "merged". */
export async function mergeOrg(
  ctx: Ctx,
  id: number,
  input: z.output<typeof mergeOrgBody>,
): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, input.version);
    const into = await lockForWrite(ctx, tx, input.intoId, undefined, 'body.intoId');
    if (before.status !== 'active' || into.status !== 'active') throw orgErrors.notActive();
    if (isWithin(into.path, before.path)) throw orgErrors.moveCycle();
    // Unscoped on purpose: the children are in the subtree of A, which the caller may write.
    const children = await repo.activeChildren(tx, { all: true }, id);
    for (const child of children) {
      await repo.movePaths(tx, child.path, into.path);
      await repo.setParent(tx, child.id, into.id);
      await logEvent(ctx, tx, child.id, 'moved', input.effectiveOn, {
        fromParentId: id,
        fromParentName: before.name,
        toParentId: into.id,
        toParentName: into.name,
      });
    }
    const after = await saveRow(tx, before, {
      status: 'merged',
      closedOn: input.effectiveOn,
      mergedIntoId: into.id,
    });
    await logEvent(ctx, tx, id, 'merged', input.effectiveOn, { intoId: into.id, intoName: into.name });
    await logEvent(ctx, tx, into.id, 'absorbed', input.effectiveOn, { fromId: id, fromName: before.name });
    await audited(ctx, tx, 'merge', before, after);
  });
  return getOrg(ctx, id);
}

export async function closeOrg(
  ctx: Ctx,
  id: number,
  input: z.output<typeof closeOrgBody>,
): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, input.version);
    if (before.status !== 'active') throw orgErrors.notActive();
    const active = await repo.countActiveChildren(tx, id);
    if (active > 0) throw orgErrors.hasActiveChildren(active);
    const after = await saveRow(tx, before, { status: 'closed', closedOn: input.effectiveOn });
    await logEvent(ctx, tx, id, 'closed', input.effectiveOn, { reason: input.reason ?? null });
    await audited(ctx, tx, 'close', before, after);
  });
  return getOrg(ctx, id);
}

export async function reopenOrg(
  ctx: Ctx,
  id: number,
  input: z.output<typeof reopenOrgBody>,
): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, input.version);
    if (before.status !== 'closed') throw orgErrors.notActive();
    if (before.parentId) {
      const parent = await repo.findOrgRow(tx, { all: true }, before.parentId);
      if (parent?.status !== 'active') throw orgErrors.notActive();
    }
    const after = await saveRow(tx, before, { status: 'active', closedOn: null });
    await logEvent(ctx, tx, id, 'reopened', input.effectiveOn);
    await audited(ctx, tx, 'reopen', before, after);
  });
  return getOrg(ctx, id);
}

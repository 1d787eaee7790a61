import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  closeOrgBody,
  createOrgBody,
  mergeOrgBody,
  moveOrgBody,
  OrgDetail,
  OrgEvent,
  OrgEventData,
  reopenOrgBody,
  updateOrgBody,
} from '../../contracts/orgs.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { hasPermission, isWithin, scopeOf } from '../../platform/scope.ts';
import { orgErrors } from './orgs.errors.ts';
import * as repo from './orgs.repo.ts';
import { organisations } from './orgs.tables.ts';

type OrgRow = repo.OrgRow;
type OrgEventType = OrgEvent['type'];

/** The public view of an organisation, as the API and the audit log show it. */
export async function getOrg(ctx: Ctx, id: number): Promise<OrgDetail> {
  const scope = scopeOf(ctx.actor);
  const row = await repo.findOrgRow(ctx.db, scope, id);
  if (!row) throw orgErrors.notFound();
  const [[summary], ancestors, mergedInto] = await Promise.all([
    repo.findOrgSummaries(ctx.db, scope, [id]),
    repo.ancestorsOf(ctx.db, row.path),
    row.mergedIntoId ? repo.findOrgRow(ctx.db, { all: true }, row.mergedIntoId) : undefined,
  ]);
  return {
    ...summary!,
    address: row.address,
    phone: row.phone,
    email: row.email,
    contacts: row.contacts,
    establishedOn: row.establishedOn,
    closedOn: row.closedOn,
    mergedIntoId: row.mergedIntoId,
    mergedIntoName: mergedInto?.name ?? null,
    // Ancestors above the caller's scope are named (breadcrumb), never opened: opening them answers 404.
    ancestors,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canWrite: hasPermission(ctx.actor, 'org.write', row.path),
  };
}

/** The top of what the caller sees: the real roots for a system admin, else the nodes of their grants. */
export async function listRoots(ctx: Ctx, includeInactive: boolean) {
  const scope = scopeOf(ctx.actor);
  if (scope.all) return repo.listTopLevel(ctx.db, includeInactive);
  const ids = ctx.actor.grants.filter((g) => scope.paths.includes(g.orgPath)).map((g) => g.orgId);
  return repo.findOrgSummaries(ctx.db, scope, [...new Set(ids)]);
}

export async function listChildren(ctx: Ctx, id: number, includeInactive: boolean) {
  const scope = scopeOf(ctx.actor);
  if (!(await repo.findOrgRow(ctx.db, scope, id))) throw orgErrors.notFound();
  return repo.listChildren(ctx.db, scope, id, includeInactive);
}

export async function searchOrgs(ctx: Ctx, q: Omit<repo.OrgFilter, 'underPath'> & { under?: number }) {
  const scope = scopeOf(ctx.actor);
  let underPath: string | undefined;
  if (q.under) {
    const under = await repo.findOrgRow(ctx.db, scope, q.under);
    if (!under) throw orgErrors.notFound();
    underPath = under.path;
  }
  const { items, total } = await repo.searchOrgs(ctx.db, scope, { ...q, underPath });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function orgHistory(ctx: Ctx, id: number) {
  if (!(await repo.findOrgRow(ctx.db, scopeOf(ctx.actor), id))) throw orgErrors.notFound();
  return repo.listEvents(ctx.db, id);
}

/** Loads an organisation for writing: 404 outside the read scope, 403 without write permission there. */
async function lockForWrite(ctx: Ctx, tx: Tx, id: number, version?: number): Promise<OrgRow> {
  const row = await repo.findOrgRow(tx, scopeOf(ctx.actor), id, true);
  if (!row) throw orgErrors.notFound();
  if (!hasPermission(ctx.actor, 'org.write', row.path)) throw errors.forbidden();
  if (version !== undefined && row.version !== version) throw orgErrors.versionConflict(row.version);
  return row;
}

function publicFields(r: OrgRow) {
  return {
    parentId: r.parentId,
    name: r.name,
    shortName: r.shortName,
    code: r.code,
    kind: r.kind,
    adminUnitCode: r.adminUnitCode,
    address: r.address,
    phone: r.phone,
    email: r.email,
    contacts: r.contacts,
    status: r.status,
    establishedOn: r.establishedOn,
    closedOn: r.closedOn,
    mergedIntoId: r.mergedIntoId,
  };
}

async function checkReferences(
  tx: Tx,
  input: { adminUnitCode?: string | null; code?: string | null },
  selfId?: number,
) {
  if (input.adminUnitCode && !(await repo.adminUnitExists(tx, input.adminUnitCode))) {
    throw orgErrors.unknownAdminUnit(input.adminUnitCode);
  }
  if (input.code) {
    const owner = await repo.codeTakenBy(tx, input.code);
    if (owner !== null && owner !== selfId) throw orgErrors.codeTaken(input.code);
  }
}

/** A dated entry in an organisation's history, by the acting user. */
function logEvent(
  ctx: Ctx,
  tx: Tx,
  orgId: number,
  type: OrgEventType,
  effectiveOn: string,
  data: OrgEventData = {},
) {
  return repo.insertEvent(tx, { orgId, type, effectiveOn, data, actorUserId: ctx.actor.userId });
}

async function audited(ctx: Ctx, tx: Tx, action: string, before: OrgRow | null, after: OrgRow) {
  const changes = before
    ? diff(publicFields(before), publicFields(after))
    : { before: null, after: publicFields(after) };
  await recordAudit(tx, ctx, {
    action,
    entityType: 'organisation',
    entityId: after.id,
    orgId: after.id,
    orgPath: after.path,
    before: changes.before,
    after: changes.after,
  });
}

export async function createOrg(ctx: Ctx, input: z.output<typeof createOrgBody>): Promise<OrgDetail> {
  const id = await ctx.db.transaction(async (tx) => {
    let parentPath: string | null = null;
    if (input.parentId === null) {
      if (!ctx.actor.isSystemAdmin) throw orgErrors.rootNeedsSystemAdmin();
    } else {
      const parent = await lockForWrite(ctx, tx, input.parentId);
      if (parent.status !== 'active') throw orgErrors.notActive();
      parentPath = parent.path;
    }
    await checkReferences(tx, input);
    const [inserted] = await tx
      .insert(organisations)
      .values({
        ...input,
        path: '0',
        contacts: input.contacts ?? [],
        establishedOn: input.establishedOn ?? null,
      })
      .returning({ id: organisations.id });
    const newId = inserted!.id;
    const path = parentPath ? `${parentPath}.${newId}` : String(newId);
    const [row] = await tx.update(organisations).set({ path }).where(eq(organisations.id, newId)).returning();
    await logEvent(ctx, tx, newId, 'created', input.establishedOn ?? vnToday(ctx.clock), {
      name: input.name,
    });
    await audited(ctx, tx, 'create', null, row!);
    return newId;
  });
  return getOrg(ctx, id);
}

async function saveRow(
  tx: Tx,
  before: OrgRow,
  set: Partial<typeof organisations.$inferInsert>,
): Promise<OrgRow> {
  const [row] = await tx
    .update(organisations)
    .set({ ...set, version: before.version + 1, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, before.id), eq(organisations.version, before.version)))
    .returning();
  if (!row) throw orgErrors.versionConflict(before.version + 1);
  return row;
}

export async function updateOrg(
  ctx: Ctx,
  id: number,
  input: z.output<typeof updateOrgBody>,
): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, input.version);
    const { version: _v, effectiveOn, ...fields } = input;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await checkReferences(tx, set, id);
    const after = await saveRow(tx, before, set);
    const when = effectiveOn ?? vnToday(ctx.clock);
    if (fields.name && fields.name !== before.name) {
      await logEvent(ctx, tx, id, 'renamed', when, { oldName: before.name, name: fields.name });
    }
    const changes = diff(publicFields(before), publicFields(after));
    const otherChanges = Object.keys(changes.after).filter((k) => k !== 'name');
    if (otherChanges.length > 0) {
      const detail = Object.fromEntries(
        otherChanges.map((k) => [k, { from: changes.before[k as 'name'], to: changes.after[k as 'name'] }]),
      );
      await logEvent(ctx, tx, id, 'updated', when, { changes: detail });
    }
    await audited(ctx, tx, 'update', before, after);
  });
  return getOrg(ctx, id);
}

export async function moveOrg(ctx: Ctx, id: number, input: z.output<typeof moveOrgBody>): Promise<OrgDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(ctx, tx, id, input.version);
    const target = await lockForWrite(ctx, tx, input.newParentId);
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
    const into = await lockForWrite(ctx, tx, input.intoId);
    if (before.status !== 'active' || into.status !== 'active') throw orgErrors.notActive();
    if (isWithin(into.path, before.path)) throw orgErrors.moveCycle();
    const children = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.parentId, id), eq(organisations.status, 'active')));
    for (const child of children) {
      await repo.movePaths(tx, child.path, into.path);
      await tx.update(organisations).set({ parentId: into.id }).where(eq(organisations.id, child.id));
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

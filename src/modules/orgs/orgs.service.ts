import type { z } from 'zod';
import type { createOrgBody, OrgDetail, updateOrgBody } from '../../contracts/orgs.ts';
import { diff } from '../../platform/audit.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { type Scope, scopeOf } from '../../platform/scope.ts';
import { orgErrors } from './orgs.errors.ts';
import { canCreateRoot, orgCan } from './orgs.policy.ts';
import * as repo from './orgs.repo.ts';
import { audited, lockForWrite, logEvent, publicFields, saveRow } from './orgs.writes.ts';

/**
 * THE lookup of an organisation named by a field of a body or a query (`body.issuerOrgId`, `querystring.orgId`):
 * through the caller's scope, as `GET /api/orgs/:id`; outside it, or missing, a 400 naming the field.
 */
export async function orgForField(
  db: Db | Tx,
  scope: Scope,
  id: number,
  field: string,
): Promise<repo.OrgRow> {
  const row = await repo.findOrgRow(db, scope, id);
  if (!row) throw errors.idNotFound(field);
  return row;
}

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
    can: orgCan(ctx.actor, row.path),
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

export async function createOrg(ctx: Ctx, input: z.output<typeof createOrgBody>): Promise<OrgDetail> {
  const id = await ctx.db.transaction(async (tx) => {
    let parentPath: string | null = null;
    if (input.parentId === null) {
      if (!canCreateRoot(ctx.actor)) throw orgErrors.rootNeedsSystemAdmin();
    } else {
      const parent = await lockForWrite(ctx, tx, input.parentId, undefined, 'body.parentId');
      if (parent.status !== 'active') throw orgErrors.notActive();
      parentPath = parent.path;
    }
    await checkReferences(tx, input);
    const row = await repo.insertOrg(
      tx,
      { ...input, contacts: input.contacts ?? [], establishedOn: input.establishedOn ?? null },
      parentPath,
    );
    await logEvent(ctx, tx, row.id, 'created', input.establishedOn ?? vnToday(ctx.clock), {
      name: input.name,
    });
    await audited(ctx, tx, 'create', null, row);
    return row.id;
  });
  return getOrg(ctx, id);
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

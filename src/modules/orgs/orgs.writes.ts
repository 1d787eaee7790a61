import type { OrgEvent, OrgEventData } from '../../contracts/orgs.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/scope.ts';
import { orgErrors } from './orgs.errors.ts';
import { assertCanManageOrg } from './orgs.policy.ts';
import * as repo from './orgs.repo.ts';
import type { organisations } from './orgs.tables.ts';

/** The steps every write to an organisation shares: lock and check, save, dated event, audit entry. */

type OrgRow = repo.OrgRow;

/**
 * Loads an organisation for writing: outside the read scope it is not found — 404 for the path's id, 400 on
 * the field for one a body names (`field`: a parent, a new parent, a successor) — and 403 without write
 * permission there.
 */
export async function lockForWrite(
  ctx: Ctx,
  tx: Tx,
  id: number,
  version?: number,
  field?: string,
): Promise<OrgRow> {
  const row = await repo.findOrgRow(tx, scopeOf(ctx.actor), id, true);
  if (!row) throw field ? errors.idNotFound(field) : orgErrors.notFound();
  assertCanManageOrg(ctx.actor, row.path);
  if (version !== undefined && row.version !== version) throw orgErrors.versionConflict(row.version);
  return row;
}

export function publicFields(r: OrgRow) {
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

/** Saves changed fields under the optimistic lock: a row changed meanwhile is a 409. */
export async function saveRow(
  tx: Tx,
  before: OrgRow,
  set: Partial<typeof organisations.$inferInsert>,
): Promise<OrgRow> {
  const row = await repo.saveOrgRow(tx, before, set);
  if (!row) throw orgErrors.versionConflict(before.version + 1);
  return row;
}

/** A dated entry in an organisation's history, by the acting user. */
export function logEvent(
  ctx: Ctx,
  tx: Tx,
  orgId: number,
  type: OrgEvent['type'],
  effectiveOn: string,
  data: OrgEventData = {},
) {
  return repo.insertEvent(tx, { orgId, type, effectiveOn, data, actorUserId: ctx.actor.userId });
}

export async function audited(ctx: Ctx, tx: Tx, action: string, before: OrgRow | null, after: OrgRow) {
  const changes = before
    ? diff(publicFields(before), publicFields(after))
    : { before: null, after: publicFields(after) };
  await recordAudit(tx, ctx, {
    action,
    entityType: 'organisation',
    entityId: after.id,
    orgId: after.id,
    orgPath: after.path,
    entityLabel: after.name,
    before: changes.before,
    after: changes.after,
  });
}

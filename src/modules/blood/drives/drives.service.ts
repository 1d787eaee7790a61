import type { z } from 'zod';
import type {
  createDriveBody,
  DriveListItem,
  DriveView,
  driveQuery,
  updateDriveBody,
} from '../../../contracts/blood/drives.ts';
import { commonIssues } from '../../../contracts/common.ts';
import { diff, recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { type Actor, hasPermission, scopeOf } from '../../../platform/scope.ts';
import { orgForField, orgNames } from '../../orgs/index.ts';
import { drivesErrors } from './drives.errors.ts';
import * as repo from './drives.repo.ts';
import { generateSlots } from './slots.rules.ts';

/** Drives: plan, open, close or cancel; their slots generated from the hours or edited one by one. */

const TRANSITIONS: Record<string, string[]> = {
  planned: ['open', 'cancelled'],
  open: ['closed', 'cancelled', 'planned'],
  closed: ['open'],
  cancelled: [],
};

export const canManageDrive = (actor: Actor, d: { organiserPath: string }) =>
  hasPermission(actor, 'blood.manage', d.organiserPath);
export const canReadHealth = (actor: Actor, d: { organiserPath: string }) =>
  hasPermission(actor, 'blood.health', d.organiserPath);

export function listItem(d: repo.DriveRow): DriveListItem {
  return {
    id: d.id,
    title: d.title,
    site: d.site,
    provinceCode: d.provinceCode,
    driveDate: d.driveDate,
    opensAt: d.opensAt,
    closesAt: d.closesAt,
    status: d.status,
    organiser: { id: d.organiserOrgId, name: d.organiserName },
    establishment:
      d.establishmentOrgId === null ? null : { id: d.establishmentOrgId, name: d.establishmentName ?? '' },
    targetUnits: d.targetUnits,
    capacity: d.capacity,
    booked: d.booked,
  };
}

function view(actor: Actor, d: repo.DriveRow, slots: repo.SlotRow[]): DriveView {
  return {
    ...listItem(d),
    address: d.address,
    version: d.version,
    slots: slots.map(({ driveId: _d, ...s }) => s),
    can: {
      manage: canManageDrive(actor, d),
      desk: canManageDrive(actor, d) && d.status === 'open',
      health: canReadHealth(actor, d),
    },
  };
}

const auditView = ({ capacity: _c, booked: _b, organiserPath: _p, ...d }: repo.DriveRow) => d;

/** The drive in the caller's scope, or the 404 a missing one gets. */
export async function driveInScope(db: Db | Tx, actor: Actor, id: number, forUpdate = false) {
  const d = await repo.findDrive(db, scopeOf(actor), id, forUpdate);
  if (!d) throw drivesErrors.not_found();
  return d;
}

/** The establishments a drive may name (named parties), for whoever organises drives somewhere. */
export async function listEstablishments(ctx: Ctx, q: string | undefined) {
  if (!hasPermission(ctx.actor, 'blood.manage')) throw errors.forbidden();
  return repo.searchEstablishments(ctx.db, q || undefined);
}

export async function listDrives(ctx: Ctx, q: z.output<typeof driveQuery>) {
  const scope = scopeOf(ctx.actor);
  const orgPath = q.orgId ? (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path : undefined;
  return (await repo.listDrives(ctx.db, scope, { ...q, orgPath })).map(listItem);
}

export async function getDrive(ctx: Ctx, id: number) {
  const d = await driveInScope(ctx.db, ctx.actor, id);
  return view(ctx.actor, d, await repo.listSlots(ctx.db, id));
}

type DriveFields = Omit<z.output<typeof createDriveBody>, 'organiserOrgId'>;

/** Hours in order; a receiving establishment is a named party (any organisation), but it must exist. */
async function checkFields(db: Db | Tx, f: DriveFields) {
  const issues = [];
  if (f.closesAt <= f.opensAt)
    issues.push({ path: 'body.closesAt', message: 'Giờ đóng cửa phải sau giờ mở cửa' });
  if (f.establishmentOrgId && !(await orgNames(db, [f.establishmentOrgId])).size)
    issues.push({ path: 'body.establishmentOrgId', message: commonIssues.id_not_found });
  if (issues.length) throw errors.validation(issues);
}

const writeOf = (f: DriveFields) => ({
  establishmentOrgId: f.establishmentOrgId ?? null,
  title: f.title,
  site: f.site,
  address: f.address ?? null,
  provinceCode: f.provinceCode ?? null,
  driveDate: f.driveDate,
  opensAt: f.opensAt,
  closesAt: f.closesAt,
  targetUnits: f.targetUnits ?? null,
});

export async function createDrive(ctx: Ctx, body: z.output<typeof createDriveBody>) {
  const org = await orgForField(ctx.db, scopeOf(ctx.actor), body.organiserOrgId, 'body.organiserOrgId');
  if (!hasPermission(ctx.actor, 'blood.manage', org.path)) throw errors.forbidden();
  await checkFields(ctx.db, body);
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertDrive(
      tx,
      { ...writeOf(body), organiserOrgId: org.id, organiserPath: org.path },
      ctx.actor.userId,
    );
    await repo.replaceSlots(
      tx,
      newId,
      generateSlots(body.driveDate, body.opensAt, body.closesAt, body.slotMinutes, body.capacityPerSlot),
    );
    const created = (await repo.findDrive(tx, { all: true }, newId))!;
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'blood_drive',
      entityId: newId,
      orgId: org.id,
      orgPath: org.path,
      after: { ...auditView(created), slotMinutes: body.slotMinutes, capacityPerSlot: body.capacityPerSlot },
    });
    return newId;
  });
  return getDrive(ctx, id);
}

/**
 * Edits a drive. Its day, hours or slot length regenerate the slots — only while no booking names one (then the
 * slots are edited one by one); the status follows planned → open → closed, or cancelled.
 */
export async function updateDrive(ctx: Ctx, id: number, body: z.output<typeof updateDriveBody>) {
  await ctx.db.transaction(async (tx) => {
    const d = await driveInScope(tx, ctx.actor, id, true);
    if (!canManageDrive(ctx.actor, d)) throw errors.forbidden();
    if (d.version !== body.version) throw drivesErrors.version_conflict({ version: d.version });
    await checkFields(tx, body);
    const status = body.status ?? d.status;
    if (status !== d.status && !TRANSITIONS[d.status]!.includes(status))
      throw drivesErrors.status_change({ from: d.status, to: status });
    const slots = await repo.listSlots(tx, id);
    const first = slots[0];
    const slotMinutes = first ? (Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000 : 0;
    const reshaped =
      body.driveDate !== d.driveDate ||
      body.opensAt !== d.opensAt ||
      body.closesAt !== d.closesAt ||
      body.slotMinutes !== slotMinutes ||
      slots.some((s) => s.capacity !== body.capacityPerSlot);
    if (reshaped) {
      if (await repo.slotsInUse(tx, id)) throw drivesErrors.hours_locked();
      await repo.replaceSlots(
        tx,
        id,
        generateSlots(body.driveDate, body.opensAt, body.closesAt, body.slotMinutes, body.capacityPerSlot),
      );
    }
    await repo.updateDrive(tx, id, { ...writeOf(body), status });
    const after = (await repo.findDrive(tx, { all: true }, id))!;
    const changes = diff(auditView(d), auditView(after));
    await recordAudit(tx, ctx, {
      action: status !== d.status ? `blood.drive.${status}` : 'update',
      entityType: 'blood_drive',
      entityId: id,
      orgId: d.organiserOrgId,
      orgPath: d.organiserPath,
      before: changes.before,
      after: changes.after,
    });
  });
  return getDrive(ctx, id);
}

/** Sets one slot's capacity (never below the places already booked). */
export async function updateSlot(ctx: Ctx, id: number, slotId: number, capacity: number) {
  await ctx.db.transaction(async (tx) => {
    const d = await driveInScope(tx, ctx.actor, id, true);
    if (!canManageDrive(ctx.actor, d)) throw errors.forbidden();
    const slot = await repo.findSlot(tx, id, slotId);
    if (!slot) throw drivesErrors['slot.not_found']();
    if (!(await repo.setSlotCapacity(tx, slotId, capacity)))
      throw drivesErrors.capacity_below_booked({ booked: slot.booked });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'drive_slot',
      entityId: slotId,
      orgId: d.organiserOrgId,
      orgPath: d.organiserPath,
      before: { capacity: slot.capacity },
      after: { capacity },
    });
  });
  return getDrive(ctx, id);
}

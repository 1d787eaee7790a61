import type { z } from 'zod';
import type {
  CreatePersonBody,
  duplicatePair,
  PersonView,
  personListQuery,
  UpdatePersonBody,
} from '../../contracts/people.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { type Actor, hasPermission, pathInScope, type Scope, scopeOf } from '../../platform/scope.ts';
import { findOrgRow, orgForField } from '../orgs/index.ts';
import { peopleErrors } from './people.errors.ts';
import * as repo from './people.repo.ts';
import { checkPerson, identityDecision, identityKeys, maskCccd, type PersonFields } from './people.rules.ts';

/** Whether the actor may read full CCCDs of people kept at (any of) these paths: 'person.sensitive' there. */
export function canReveal(actor: Actor, orgPaths: string | readonly string[]): boolean {
  const paths = typeof orgPaths === 'string' ? [orgPaths] : orgPaths;
  return paths.some((path) => hasPermission(actor, 'person.sensitive', path));
}

const keeperPaths = (p: repo.PersonRow) => p.keepers.map((k) => k.orgPath);

/**
 * The keeper the actor acts through: the first link (oldest) where it holds `permission`, else the first it sees.
 * The view names this one, so a keeper never learns which other organisations keep the person.
 */
function keeperFor(actor: Actor, p: repo.PersonRow, permission: 'person.manage' | 'org.read' = 'org.read') {
  const scope = scopeOf(actor);
  return (
    p.keepers.find((k) => hasPermission(actor, permission, k.orgPath)) ??
    p.keepers.find((k) => pathInScope(scope, k.orgPath)) ?? {
      orgId: p.orgId,
      orgName: p.orgName,
      orgPath: p.orgPath,
    }
  );
}

const mayManage = (actor: Actor, p: repo.PersonRow) =>
  p.keepers.some((k) => hasPermission(actor, 'person.manage', k.orgPath));

export function toView(actor: Actor, p: repo.PersonRow, reveal = false): PersonView {
  const showFull = reveal && canReveal(actor, keeperPaths(p));
  const keeper = keeperFor(actor, p);
  return {
    id: p.id,
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    cccd: showFull ? p.cccd : maskCccd(p.cccd),
    cccdMasked: !showFull && p.cccd !== null,
    phone: p.phone,
    email: p.email,
    jobTitle: p.jobTitle,
    employerOrgId: p.employerOrgId,
    employerName: p.employerName,
    orgId: keeper.orgId,
    orgName: keeper.orgName,
    status: p.status,
    mergedIntoId: p.mergedIntoId,
    version: p.version,
    can: {
      manage: mayManage(actor, p),
      revealCccd: canReveal(actor, keeperPaths(p)),
    },
  };
}

/** What the audit log keeps of a person: never the full CCCD (Decree 13/2023). */
export function auditView(p: Omit<repo.PersonWrite, 'orgPath'> & { id?: number }) {
  return { ...p, cccd: maskCccd(p.cccd) };
}

export async function listPeople(ctx: Ctx, q: z.output<typeof personListQuery>) {
  const scope = scopeOf(ctx.actor);
  let orgPath: string | undefined;
  if (q.orgId) {
    orgPath = (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path;
  }
  const page = await repo.listPeople(ctx.db, scope, { ...q, orgPath });
  return {
    items: page.items.map((p) => toView(ctx.actor, p)),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getPerson(ctx: Ctx, id: number, reveal?: 'cccd') {
  const p = await repo.findPerson(ctx.db, scopeOf(ctx.actor), id);
  if (!p) throw peopleErrors.notFound();
  if (reveal === 'cccd') {
    if (!canReveal(ctx.actor, keeperPaths(p)))
      throw errors.forbidden('Bạn không có quyền xem đầy đủ số CCCD (dữ liệu cá nhân nhạy cảm).');
    // Every full read of the national ID is recorded: who, when, whose (the number itself is not logged).
    const k = p.keepers.find((x) => canReveal(ctx.actor, x.orgPath))!;
    await recordAudit(ctx.db, ctx, {
      action: 'read_sensitive',
      entityType: 'person',
      entityId: p.id,
      orgId: k.orgId,
      orgPath: k.orgPath,
      after: { field: 'cccd', cccd: maskCccd(p.cccd) },
    });
  }
  return toView(ctx.actor, p, reveal === 'cccd');
}

/** Domain checks with field paths (`body.cccd`), or the normalised values. */
function checked(fields: PersonFields, ctx: Ctx): PersonFields {
  const { value, issues } = checkPerson(fields, vnToday(ctx.clock));
  if (issues.length)
    throw errors.validation(issues.map((i) => ({ path: `body.${i.field}`, message: i.message })));
  return value;
}

async function checkEmployer(db: Db | Tx, employerOrgId: number | null | undefined) {
  if (!employerOrgId) return;
  // Unscoped on purpose: an employer is a named party, often of another tree (a centre trains an enterprise's
  // workers); the person's view shows only its name (ARCHITECTURE.md, "Ids in requests").
  if (!(await findOrgRow(db, { all: true }, employerOrgId)))
    throw errors.validation([
      { path: 'body.employerOrgId', message: 'Không tìm thấy đơn vị sử dụng lao động' },
    ]);
}

/**
 * The stored identity these fields repeat, decided by `identityDecision` (a duplicate the caller sees, a person
 * to link, or a refusal that says nothing about a person it does not see). Takes the identity locks first: a
 * concurrent registration of the same identity waits here, then its search sees this one's row.
 */
async function matchIdentity(tx: Tx, scope: Scope, p: PersonFields, exceptId: number | null) {
  await repo.lockIdentities(tx, identityKeys(p));
  const [m] = await repo.findIdentityMatches(
    tx,
    scope,
    [{ key: 0, cccd: p.cccd, fullName: p.fullName!, birthDate: p.birthDate, phone: p.phone }],
    exceptId,
  );
  if (!m) return undefined;
  const decision = identityDecision(p, m);
  if (decision === 'duplicate') throw peopleErrors.duplicate(m.id, m.matchedBy);
  if (decision === 'conflict') throw peopleErrors.identityConflict();
  return m;
}

export async function createPerson(ctx: Ctx, body: CreatePersonBody) {
  const scope = scopeOf(ctx.actor);
  const org = await orgForField(ctx.db, scope, body.orgId, 'body.orgId');
  if (!hasPermission(ctx.actor, 'person.manage', org.path)) throw errors.forbidden();
  const v = checked(
    {
      fullName: body.fullName,
      birthDate: body.birthDate ?? null,
      sex: body.sex ?? null,
      cccd: body.cccd ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
    },
    ctx,
  );
  await checkEmployer(ctx.db, body.employerOrgId);
  const id = await ctx.db.transaction(async (tx) => {
    const same = await matchIdentity(tx, scope, v, null);
    if (same) {
      // One person stays one person: this keeper is linked to the stored identity, which it now sees (as any
      // keeper does); what it typed is not written over what other keepers keep.
      await repo.linkPeople(tx, [
        { personId: same.id, orgId: org.id, orgPath: org.path, purpose: 'keeper', since: vnToday(ctx.clock) },
      ]);
      await recordAudit(tx, ctx, {
        action: 'link',
        entityType: 'person',
        entityId: same.id,
        orgId: org.id,
        orgPath: org.path,
        after: { orgId: org.id, purpose: 'keeper', matchedBy: same.matchedBy },
      });
      return same.id;
    }
    const write: repo.PersonWrite = {
      ...v,
      fullName: v.fullName!,
      jobTitle: body.jobTitle?.trim() ?? null,
      employerOrgId: body.employerOrgId ?? null,
      orgId: org.id,
      orgPath: org.path,
    };
    const [newId] = await repo.insertPeople(tx, [write]);
    const { orgPath: _omit, ...rest } = write;
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'person',
      entityId: newId!,
      orgId: org.id,
      orgPath: org.path,
      after: auditView(rest),
    });
    return newId!;
  });
  return getPerson(ctx, id);
}

export async function updatePerson(ctx: Ctx, id: number, body: UpdatePersonBody) {
  const scope = scopeOf(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, scope, id, true);
    if (!p) throw peopleErrors.notFound();
    if (!mayManage(ctx.actor, p)) throw errors.forbidden();
    if (p.status !== 'active') throw peopleErrors.notActive();
    if (p.version !== body.version) throw peopleErrors.versionConflict(p.version);
    const pick = <K extends keyof UpdatePersonBody>(k: K, current: unknown) =>
      body[k] === undefined ? current : body[k];
    const v = checked(
      {
        fullName: pick('fullName', p.fullName) as string,
        birthDate: pick('birthDate', p.birthDate) as string | null,
        sex: pick('sex', p.sex) as PersonFields['sex'],
        cccd: pick('cccd', p.cccd) as string | null,
        phone: pick('phone', p.phone) as string | null,
        email: pick('email', p.email) as string | null,
      },
      ctx,
    );
    const employerOrgId = pick('employerOrgId', p.employerOrgId) as number | null;
    if (employerOrgId !== p.employerOrgId) await checkEmployer(tx, employerOrgId);
    // An edit never links: it may only repeat nobody (the CCCD is unique; another person the caller cannot see
    // repeating name, birth date and phone is left for a keeper who sees both to merge).
    const same = await matchIdentity(tx, scope, v, p.id);
    if (same?.matchedBy === 'cccd') throw peopleErrors.identityConflict();
    const next = {
      ...v,
      fullName: v.fullName!,
      jobTitle: ((pick('jobTitle', p.jobTitle) as string | null) ?? null)?.trim() || null,
      employerOrgId,
    };
    const before = {
      fullName: p.fullName,
      birthDate: p.birthDate,
      sex: p.sex,
      cccd: p.cccd,
      phone: p.phone,
      email: p.email,
      jobTitle: p.jobTitle,
      employerOrgId: p.employerOrgId,
    };
    await repo.updatePerson(tx, p.id, next, ctx.clock.now());
    const d = diff(
      { ...before, cccd: maskCccd(before.cccd) } as Record<string, unknown>,
      { ...next, cccd: maskCccd(next.cccd) } as Record<string, unknown>,
    );
    // A changed CCCD shows as changed even when both masks look alike.
    if (before.cccd !== next.cccd && !('cccd' in d.after)) {
      d.before.cccd = maskCccd(before.cccd);
      d.after.cccd = maskCccd(next.cccd);
    }
    const k = keeperFor(ctx.actor, p, 'person.manage');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'person',
      entityId: p.id,
      orgId: k.orgId,
      orgPath: k.orgPath,
      ...d,
    });
  });
  return getPerson(ctx, id);
}

export async function mergePerson(ctx: Ctx, id: number, body: { intoId: number; version: number }) {
  if (id === body.intoId) throw peopleErrors.mergeSelf();
  const scope = scopeOf(ctx.actor);
  const result = await ctx.db.transaction(async (tx) => {
    // Lock both rows in id order, so two opposite merges cannot deadlock.
    const [first, second] = id < body.intoId ? [id, body.intoId] : [body.intoId, id];
    const a = await repo.findPerson(tx, scope, first, true);
    const b = await repo.findPerson(tx, scope, second, true);
    const from = id === first ? a : b;
    const into = id === first ? b : a;
    if (!from) throw peopleErrors.notFound();
    if (!into)
      throw errors.validation([{ path: 'body.intoId', message: 'Không tìm thấy hồ sơ được giữ lại' }]);
    for (const p of [from, into]) if (!mayManage(ctx.actor, p)) throw errors.forbidden();
    if (from.status !== 'active') throw peopleErrors.notActive();
    if (into.status !== 'active')
      throw errors.validation([
        { path: 'body.intoId', message: 'Hồ sơ được giữ lại đã bị gộp vào hồ sơ khác' },
      ]);
    if (from.version !== body.version) throw peopleErrors.versionConflict(from.version);
    const clashes = await repo.mergeClashes(tx, from.id, into.id);
    if (clashes.length)
      throw peopleErrors.mergeClash(
        clashes.filter((c) => c.kind === 'class').map((c) => c.ref),
        clashes.filter((c) => c.kind === 'trainer').map((c) => c.ref),
      );
    const moved = await repo.mergeInto(tx, from.id, into.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'merge',
      entityType: 'person',
      entityId: from.id,
      orgId: from.orgId,
      orgPath: from.orgPath,
      before: { status: 'active', fullName: from.fullName, cccd: maskCccd(from.cccd) },
      after: { status: 'merged', mergedIntoId: into.id, moved },
    });
    await recordAudit(tx, ctx, {
      action: 'merge_into',
      entityType: 'person',
      entityId: into.id,
      orgId: into.orgId,
      orgPath: into.orgPath,
      after: { absorbedId: from.id, moved },
    });
    return { moved, intoId: into.id, mergedId: from.id };
  });
  return { kept: await getPerson(ctx, result.intoId), mergedId: result.mergedId, moved: result.moved };
}

export async function listDuplicates(ctx: Ctx, orgId: number): Promise<z.infer<typeof duplicatePair>[]> {
  const scope = scopeOf(ctx.actor);
  const org = await orgForField(ctx.db, scope, orgId, 'querystring.orgId');
  const pairs = await repo.duplicatePairs(ctx.db, scope, org.path);
  const ids = [...new Set(pairs.flatMap((p) => [p.aId, p.bId]))];
  const byId = new Map((await repo.findPeopleInScope(ctx.db, scope, ids)).map((p) => [p.id, p]));
  return pairs.map((p) => ({
    a: toView(ctx.actor, byId.get(p.aId)!),
    b: toView(ctx.actor, byId.get(p.bId)!),
    reason: p.reason,
  }));
}

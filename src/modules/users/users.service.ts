import type { z } from 'zod';
import type { createUserBody, grantInput, UserView, updateUserBody } from '../../contracts/users.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { type Actor, scopeOf } from '../../platform/scope.ts';
import { findOrgInScope, orgForField } from '../orgs/index.ts';
import { grantErrors, userErrors } from './users.errors.ts';
import { assertManagesAt, assertRoleGrantable, userManageScope } from './users.policy.ts';
import * as repo from './users.repo.ts';

export function listRoles(db: Db) {
  return repo.listRoles(db);
}

const scopesOf = (ctx: Ctx): repo.UserScopes => ({
  manage: userManageScope(ctx.actor),
  view: scopeOf(ctx.actor),
  now: ctx.clock.now(),
});

/**
 * Changing a user's account (password, activity, lockout) needs authority over all of it: every grant
 * the user holds must lie in the manager's subtree. Otherwise a provincial admin could take over an
 * account that also works elsewhere — a national one, say.
 */
async function assertFullyManaged(ctx: Ctx, id: number) {
  await getUser(ctx, id);
  const scope = userManageScope(ctx.actor);
  if (scope.all) return;
  if (await repo.hasGrantOutside(ctx.db, id, scope)) throw userErrors.managed_elsewhere();
}

export async function listUsers(ctx: Ctx, q: { q?: string; page: number; pageSize: number }) {
  const { items, total } = await repo.searchUsers(ctx.db, scopesOf(ctx), q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: number, db: Db | Tx = ctx.db): Promise<UserView> {
  const user = await repo.findUser(db, scopesOf(ctx), id);
  if (!user) throw userErrors.not_found();
  return user;
}

/**
 * THE lookup of a user named by a field of another module's request (the audit log's `userId` filter): the
 * users the caller sees, as `GET /api/users/:id`; any other id is a 400 on the field.
 */
export async function userForField(ctx: Ctx, id: number, field: string): Promise<UserView> {
  const user = await repo.findUser(ctx.db, scopesOf(ctx), id);
  if (!user) throw errors.idNotFound(field);
  return user;
}

/**
 * May the actor grant `role` on `orgId`? Never more than they hold there; system_admin only by one. `at` is
 * where the grant sits in the body (`body.grants.1.`, or `body.` for one grant), for the fields' names.
 */
async function checkGrantable(ctx: Ctx, tx: Tx, g: z.output<typeof grantInput>, at: string) {
  const org = await orgForField(tx, scopeOf(ctx.actor), g.orgId, `${at}orgId`);
  assertManagesAt(ctx.actor, org.path);
  const role = await repo.findRole(tx, g.role);
  if (!role) throw errors.validation([{ path: `${at}role`, message: `Không có vai trò ${g.role}` }]);
  assertRoleGrantable(ctx.actor, org.path, role.permissions);
  return org;
}

async function insertGrant(ctx: Ctx, tx: Tx, userId: number, g: z.output<typeof grantInput>, at: string) {
  const org = await checkGrantable(ctx, tx, g, at);
  const row = await repo.insertGrant(tx, {
    userId,
    orgId: g.orgId,
    role: g.role,
    grantedBy: ctx.actor.userId,
  });
  if (row) {
    await recordAudit(tx, ctx, {
      action: 'grant',
      entityType: 'role_grant',
      entityId: row.id,
      orgId: org.id,
      orgPath: org.path,
      after: { userId, orgId: g.orgId, role: g.role },
    });
  }
}

export async function createUser(ctx: Ctx, input: z.output<typeof createUserBody>): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    if (await repo.usernameTaken(tx, input.username))
      throw userErrors.username_taken({ username: input.username });
    const user = await repo.insertUser(tx, {
      username: input.username,
      fullName: input.fullName,
      email: input.email ?? null,
      locale: input.locale,
      passwordHash,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, fullName: user.fullName, email: user.email },
    });
    for (const [i, g] of input.grants.entries()) await insertGrant(ctx, tx, user.id, g, `body.grants.${i}.`);
    return user.id;
  });
  return getUser(ctx, id);
}

export async function updateUser(
  ctx: Ctx,
  id: number,
  input: z.output<typeof updateUserBody>,
): Promise<UserView> {
  await assertFullyManaged(ctx, id);
  const before = await getUser(ctx, id);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await ctx.db.transaction(async (tx) => {
    const { password: _p, ...fields } = input;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await repo.updateUserRow(tx, id, { ...set, ...(passwordHash ? { passwordHash } : {}) });
    if (passwordHash || input.isActive === false) await repo.deleteSessionsOf(tx, id);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof UserView]])),
      after: { ...set, ...(passwordHash ? { password: '(đặt lại)' } : {}) },
    });
  });
  return getUser(ctx, id);
}

export async function addGrant(ctx: Ctx, userId: number, g: z.output<typeof grantInput>): Promise<UserView> {
  await getUser(ctx, userId);
  await ctx.db.transaction((tx) => insertGrant(ctx, tx, userId, g, 'body.'));
  return getUser(ctx, userId);
}

export async function removeGrant(ctx: Ctx, userId: number, grantId: number): Promise<UserView> {
  await ctx.db.transaction(async (tx) => {
    const grant = await repo.findGrant(tx, userId, grantId);
    const org = grant ? await findOrgInScope(tx, userManageScope(ctx.actor), grant.orgId) : undefined;
    if (!grant || !org) throw grantErrors.not_found();
    if (grant.userId === ctx.actor.userId && grant.role === 'system_admin')
      throw userErrors.cannot_remove_own_admin();
    await repo.deleteGrant(tx, grantId);
    await recordAudit(tx, ctx, {
      action: 'revoke',
      entityType: 'role_grant',
      entityId: grantId,
      orgId: org.id,
      orgPath: org.path,
      before: { userId, orgId: grant.orgId, role: grant.role },
    });
  });
  return getUser(ctx, userId);
}

export async function unlockUser(ctx: Ctx, id: number): Promise<UserView> {
  await assertFullyManaged(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.clearLockout(tx, id);
    await recordAudit(tx, ctx, { action: 'unlock', entityType: 'user', entityId: id });
  });
  return getUser(ctx, id);
}

/** Used by the CLI before any user exists: a system administrator on every root. */
export async function createSystemAdmin(
  db: Db,
  input: { username: string; password: string; fullName?: string },
  actor: Pick<Actor, 'userId' | 'username'> | null = null,
): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await repo.usernameTaken(tx, input.username))
      throw userErrors.username_taken({ username: input.username, cli: true });
    const user = await repo.insertUser(tx, {
      username: input.username,
      fullName: input.fullName ?? 'Quản trị hệ thống',
      passwordHash,
    });
    const root = await repo.firstRootOrCreate(tx);
    await repo.insertGrant(tx, { userId: user.id, orgId: root.id, role: 'system_admin' });
    const meta = { ip: null, userAgent: 'cli', requestId: null };
    await recordAudit(
      tx,
      { actor, meta },
      {
        action: 'create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, role: 'system_admin' },
      },
    );
    return user.id;
  });
}

/**
 * An account for a person of the registry, for their own pages (a volunteer's): linked by `users.person_id`, with
 * no grant, so every staff page refuses it. `username` is taken as given (`exact`, 409 when taken) or as a base
 * the first free variant of which is used (annv, annv2…). The caller audits, in its transaction.
 */
export async function createPersonAccount(
  tx: Tx,
  input: {
    username: string;
    exact: boolean;
    fullName: string;
    email: string | null;
    personId: number;
    passwordHash: string;
  },
): Promise<{ id: number; username: string }> {
  if (input.exact && (await repo.usernameTaken(tx, input.username)))
    throw userErrors.username_taken({ username: input.username });
  const username = input.exact ? input.username : await repo.firstFreeUsername(tx, input.username);
  const user = await repo.insertUser(tx, {
    username,
    fullName: input.fullName,
    email: input.email,
    personId: input.personId,
    passwordHash: input.passwordHash,
  });
  return { id: user.id, username: user.username };
}

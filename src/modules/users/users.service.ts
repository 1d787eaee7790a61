import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUserBody, grantInput, UserView, updateUserBody } from '../../contracts/users.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/context.ts';
import { type Db, fetchPage, rows, type Tx } from '../../platform/db/database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { type Actor, hasPermission, scopeOf, scopeSql } from '../../platform/scope.ts';
import { findOrgRow } from '../orgs/orgs.repo.ts';
import { roleGrants, roles, sessions, users } from './users.tables.ts';

const usersNotFound = () => errors.notFound('users', 'Không tìm thấy người dùng hoặc bạn không có quyền.');

export async function listRoles(db: Db) {
  return db
    .select({ key: roles.key, nameVi: roles.nameVi, nameEn: roles.nameEn, permissions: roles.permissions })
    .from(roles)
    .orderBy(roles.key);
}

/** Users are visible to a user manager when they hold a grant inside the manager's subtree. */
function visibleUsersSql(ctx: Ctx) {
  const scope = scopeOf(ctx.actor, 'user.manage');
  if (scope.all) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM role_grants g JOIN organisations o ON o.id = g.org_id
                     WHERE g.user_id = u.id AND ${scopeSql(scope, sql`o.path`)})`;
}

const userColumns = (ctx: Ctx) => sql`
  u.id, u.username, u.full_name AS "fullName", u.email, u.locale, u.is_active AS "isActive",
  (u.locked_until IS NOT NULL AND u.locked_until > ${ctx.clock.now().toISOString()}::timestamptz) AS "isLocked",
  to_char(u.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastLoginAt",
  to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('id', g.id, 'orgId', o.id, 'orgName', o.name, 'role', g.role) ORDER BY g.id)
            FROM role_grants g JOIN organisations o ON o.id = g.org_id
            WHERE g.user_id = u.id AND ${scopeSql(scopeOf(ctx.actor), sql`o.path`)}), '[]'::json) AS grants`;

/**
 * Changing a user's account (password, activity, lockout) needs authority over all of it: every grant
 * the user holds must lie in the manager's subtree. Otherwise a provincial admin could take over an
 * account that also works elsewhere — a national one, say.
 */
async function assertFullyManaged(ctx: Ctx, id: number) {
  await getUser(ctx, id);
  const scope = scopeOf(ctx.actor, 'user.manage');
  if (scope.all) return;
  const [outside] = await rows(
    ctx.db,
    sql`SELECT 1 FROM role_grants g JOIN organisations o ON o.id = g.org_id
        WHERE g.user_id = ${id} AND NOT (${scopeSql(scope, sql`o.path`)}) LIMIT 1`,
  );
  if (outside) {
    throw new AppError({
      code: 'users.managed_elsewhere',
      status: 403,
      message:
        'Người dùng này còn có quyền ở tổ chức ngoài phạm vi của bạn: chỉ cấp quản lý chung mới sửa được tài khoản.',
    });
  }
}

export async function listUsers(ctx: Ctx, q: { q?: string; page: number; pageSize: number }) {
  const filter = q.q
    ? sql`AND (u.username ILIKE ${`%${q.q}%`} OR ct_unaccent(lower(u.full_name)) LIKE ct_unaccent(lower(${`%${q.q}%`})))`
    : sql``;
  const where = sql`${visibleUsersSql(ctx)} ${filter}`;
  const { items, total } = await fetchPage<UserView>(
    ctx.db,
    sql`SELECT ${userColumns(ctx)} FROM users u WHERE ${where} ORDER BY u.username
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    sql`SELECT count(*)::int AS total FROM users u WHERE ${where}`,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: number, db: Db | Tx = ctx.db): Promise<UserView> {
  const [user] = await rows<UserView>(
    db,
    sql`SELECT ${userColumns(ctx)} FROM users u WHERE u.id = ${id} AND ${visibleUsersSql(ctx)}`,
  );
  if (!user) throw usersNotFound();
  return user;
}

/** May the actor grant `role` on `orgId`? Never more than they hold there; system_admin only by one. */
async function checkGrantable(ctx: Ctx, tx: Tx, g: z.output<typeof grantInput>, index: number) {
  const org = await findOrgRow(tx, scopeOf(ctx.actor), g.orgId);
  if (!org)
    throw errors.validation([
      { path: `body.grants.${index}.orgId`, message: 'Không có tổ chức này trong phạm vi của bạn' },
    ]);
  if (!hasPermission(ctx.actor, 'user.manage', org.path))
    throw errors.forbidden('Bạn không quản lý người dùng ở tổ chức này.');
  const [role] = await tx.select().from(roles).where(eq(roles.key, g.role));
  if (!role)
    throw errors.validation([{ path: `body.grants.${index}.role`, message: `Không có vai trò ${g.role}` }]);
  const exceeds = role.permissions.some((p) => !hasPermission(ctx.actor, p as never, org.path));
  if (exceeds) throw errors.forbidden('Không thể cấp vai trò có nhiều quyền hơn quyền của bạn.');
  return org;
}

async function insertGrant(ctx: Ctx, tx: Tx, userId: number, g: z.output<typeof grantInput>, index: number) {
  const org = await checkGrantable(ctx, tx, g, index);
  const [row] = await tx
    .insert(roleGrants)
    .values({ userId, orgId: g.orgId, role: g.role, grantedBy: ctx.actor.userId })
    .onConflictDoNothing()
    .returning();
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
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken)
      throw new AppError({
        code: 'users.username_taken',
        status: 409,
        message: `Tên đăng nhập "${input.username}" đã có người dùng.`,
      });
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        locale: input.locale,
        passwordHash,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: user!.id,
      after: { username: user!.username, fullName: user!.fullName, email: user!.email },
    });
    for (const [i, g] of input.grants.entries()) await insertGrant(ctx, tx, user!.id, g, i);
    return user!.id;
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
    await tx
      .update(users)
      .set({ ...set, ...(passwordHash ? { passwordHash } : {}), updatedAt: sql`now()` })
      .where(eq(users.id, id));
    if (passwordHash || input.isActive === false) await tx.delete(sessions).where(eq(sessions.userId, id));
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
  await ctx.db.transaction((tx) => insertGrant(ctx, tx, userId, g, 0));
  return getUser(ctx, userId);
}

export async function removeGrant(ctx: Ctx, userId: number, grantId: number): Promise<UserView> {
  await ctx.db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
    const org = grant ? await findOrgRow(tx, scopeOf(ctx.actor, 'user.manage'), grant.orgId) : undefined;
    if (!grant || !org) throw errors.notFound('grants', 'Không tìm thấy quyền này trong phạm vi của bạn.');
    if (grant.userId === ctx.actor.userId && grant.role === 'system_admin') {
      throw errors.badRequest(
        'users.cannot_remove_own_admin',
        'Không thể tự gỡ quyền quản trị hệ thống của chính mình.',
      );
    }
    await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
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
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
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
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken)
      throw new AppError({
        code: 'users.username_taken',
        status: 409,
        message: `Tên đăng nhập "${input.username}" đã có.`,
      });
    const [user] = await tx
      .insert(users)
      .values({ username: input.username, fullName: input.fullName ?? 'Quản trị hệ thống', passwordHash })
      .returning();
    const roots = await rows<{ id: number; path: string }>(
      tx,
      sql`SELECT id, path::text AS path FROM organisations WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
    );
    let root = roots[0];
    if (!root) {
      // An empty installation still needs a node to hold the grant.
      const [r] = await rows<{ id: number }>(
        tx,
        sql`INSERT INTO organisations (name, kind, path) VALUES ('Chung Tay — quản trị hệ thống', 'other', '0') RETURNING id`,
      );
      await tx.execute(sql`UPDATE organisations SET path = ${String(r!.id)}::ltree WHERE id = ${r!.id}`);
      root = { id: r!.id, path: String(r!.id) };
    }
    await tx.insert(roleGrants).values({ userId: user!.id, orgId: root.id, role: 'system_admin' });
    const meta = { ip: null, userAgent: 'cli', requestId: null };
    await recordAudit(
      tx,
      { actor, meta },
      {
        action: 'create',
        entityType: 'user',
        entityId: user!.id,
        after: { username: user!.username, role: 'system_admin' },
      },
    );
    return user!.id;
  });
}

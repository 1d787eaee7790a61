import { and, eq, sql } from 'drizzle-orm';
import type { UserView } from '../../contracts/users.ts';
import { type Db, fetchPage, rows, type Tx } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';
import { roleGrants, roles, sessions, users } from './users.tables.ts';

/**
 * The users, roles, grants and sessions queries. A user is visible to a manager when they hold a grant
 * inside the manager's `user.manage` scope; the grants shown are those inside the viewer's own scope.
 */
export type UserScopes = { manage: Scope; view: Scope; now: Date };

export async function listRoles(db: Db) {
  return db
    .select({ key: roles.key, nameVi: roles.nameVi, nameEn: roles.nameEn, permissions: roles.permissions })
    .from(roles)
    .orderBy(roles.key);
}

function visibleUsersSql(manage: Scope) {
  if (manage.all) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM role_grants g JOIN organisations o ON o.id = g.org_id
                     WHERE g.user_id = u.id AND ${scopeSql(manage, sql`o.path`)})`;
}

const userColumns = (s: UserScopes) => sql`
  u.id, u.username, u.full_name AS "fullName", u.email, u.locale, u.is_active AS "isActive",
  (u.locked_until IS NOT NULL AND u.locked_until > ${s.now.toISOString()}::timestamptz) AS "isLocked",
  to_char(u.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastLoginAt",
  to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('id', g.id, 'orgId', o.id, 'orgName', o.name, 'role', g.role) ORDER BY g.id)
            FROM role_grants g JOIN organisations o ON o.id = g.org_id
            WHERE g.user_id = u.id AND ${scopeSql(s.view, sql`o.path`)}), '[]'::json) AS grants`;

export async function searchUsers(db: Db, s: UserScopes, q: { q?: string; page: number; pageSize: number }) {
  const filter = q.q
    ? sql`AND (u.username ILIKE ${`%${q.q}%`} OR ct_unaccent(lower(u.full_name)) LIKE ct_unaccent(lower(${`%${q.q}%`})))`
    : sql``;
  const where = sql`${visibleUsersSql(s.manage)} ${filter}`;
  return fetchPage<UserView>(
    db,
    sql`SELECT ${userColumns(s)} FROM users u WHERE ${where} ORDER BY u.username
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    sql`SELECT count(*)::int AS total FROM users u WHERE ${where}`,
  );
}

export async function findUser(db: Db | Tx, s: UserScopes, id: number): Promise<UserView | undefined> {
  const [user] = await rows<UserView>(
    db,
    sql`SELECT ${userColumns(s)} FROM users u WHERE u.id = ${id} AND ${visibleUsersSql(s.manage)}`,
  );
  return user;
}

/** Does the user hold any grant outside `scope`? */
export async function hasGrantOutside(db: Db, userId: number, scope: Scope): Promise<boolean> {
  const [outside] = await rows(
    db,
    sql`SELECT 1 FROM role_grants g JOIN organisations o ON o.id = g.org_id
        WHERE g.user_id = ${userId} AND NOT (${scopeSql(scope, sql`o.path`)}) LIMIT 1`,
  );
  return outside !== undefined;
}

export async function findRole(db: Db | Tx, key: string) {
  const [role] = await db.select().from(roles).where(eq(roles.key, key));
  return role;
}

/** The grant's row, or nothing when the user already holds that role there. */
export async function insertGrant(tx: Tx, g: typeof roleGrants.$inferInsert) {
  const [row] = await tx.insert(roleGrants).values(g).onConflictDoNothing().returning();
  return row;
}

export async function findGrant(db: Db | Tx, userId: number, grantId: number) {
  const [grant] = await db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
  return grant;
}

export async function deleteGrant(tx: Tx, grantId: number): Promise<void> {
  await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
}

export async function usernameTaken(db: Db | Tx, username: string): Promise<boolean> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return taken !== undefined;
}

/** `base` when free, else the first free of base2, base3… (usernames are compared as stored, lower case). */
export async function firstFreeUsername(db: Db | Tx, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ username: users.username })
        .from(users)
        .where(sql`${users.username} LIKE ${`${base.replace(/[\\%_]/g, '\\$&')}%`}`)
    ).map((u) => u.username),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

export async function insertUser(tx: Tx, u: typeof users.$inferInsert) {
  const [user] = await tx.insert(users).values(u).returning();
  return user!;
}

export async function updateUserRow(
  tx: Tx,
  id: number,
  set: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await tx
    .update(users)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function clearLockout(tx: Tx, id: number): Promise<void> {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function deleteSessionsOf(tx: Tx, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * The first root organisation, to hold the first system administrator's grant; an empty installation
 * gets one made for it.
 */
export async function firstRootOrCreate(tx: Tx): Promise<{ id: number; path: string }> {
  const [root] = await rows<{ id: number; path: string }>(
    tx,
    sql`SELECT id, path::text AS path FROM organisations WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
  );
  if (root) return root;
  const [r] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO organisations (name, kind, path) VALUES ('Chung Tay — quản trị hệ thống', 'other', '0') RETURNING id`,
  );
  await tx.execute(sql`UPDATE organisations SET path = ${String(r!.id)}::ltree WHERE id = ${r!.id}`);
  return { id: r!.id, path: String(r!.id) };
}

/**
 * Active users who hold one of `permissions` over an organisation — a grant at the organisation itself or at
 * one of its ancestors (a grant holds for its subtree): whom to tell about work waiting there. Answers ids
 * only, so it leaks nothing to the caller that notifies them.
 */
export async function usersHoldingOver(db: Db | Tx, orgPath: string, permissions: string[]) {
  const list = await rows<{ userId: number }>(
    db,
    sql`SELECT DISTINCT g.user_id AS "userId"
        FROM role_grants g JOIN organisations o ON o.id = g.org_id
        JOIN roles ro ON ro.key = g.role JOIN users u ON u.id = g.user_id
        WHERE ${orgPath}::ltree <@ o.path AND u.is_active
          AND ro.permissions && ${`{${permissions.join(',')}}`}::text[]`,
  );
  return list.map((u) => u.userId);
}

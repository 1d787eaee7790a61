import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.ts';
import { apiTokens, sessions, users } from '../users/index.ts';

/**
 * All SQL of signing in and of the signed-in user's own account: a user is read by name or by their own id,
 * never by scope (the caller is that user, or nobody yet).
 */

export type UserRow = typeof users.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function findUserByUsername(db: Db | Tx, username: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user;
}

export async function findUserById(db: Db | Tx, id: number): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function setLoginFailures(
  tx: Tx,
  userId: number,
  failedLogins: number,
  lockedUntil: Date | null,
) {
  await tx.update(users).set({ failedLogins, lockedUntil }).where(eq(users.id, userId));
}

export async function openSession(tx: Tx, session: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(session);
  await tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: session.createdAt })
    .where(eq(users.id, session.userId));
}

export async function deleteSession(tx: Tx, idHash: string) {
  await tx.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function updateUser(tx: Tx, userId: number, set: Partial<Pick<UserRow, 'locale' | 'fullName'>>) {
  await tx
    .update(users)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/** Sets the new hash and ends the user's other sessions (all but `keepIdHash`). */
export async function setPassword(tx: Tx, userId: number, passwordHash: string, keepIdHash: string) {
  await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${keepIdHash}`));
}

export function listOwnTokens(db: Db, userId: number): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.id);
}

export async function insertToken(tx: Tx, token: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await tx.insert(apiTokens).values(token).returning();
  return row!;
}

/** Revokes the user's own live token; undefined when there is none with that id. */
export async function revokeOwnToken(tx: Tx, userId: number, id: number, at: Date) {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

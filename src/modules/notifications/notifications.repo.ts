import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import { notifications } from './notifications.tables.ts';

/** All SQL of the notices. A user reads and marks only their own: every query names the user. */

export type NotificationRow = typeof notifications.$inferSelect;
type NewRow = Pick<
  typeof notifications.$inferInsert,
  'userId' | 'kind' | 'title' | 'body' | 'link' | 'dedupeKey'
>;

/** Inserts the notices, skipping duplicates of (user, dedupeKey); answers the ids actually created. */
export async function insertNotifications(tx: Db | Tx, items: NewRow[]): Promise<number[]> {
  const created = await tx
    .insert(notifications)
    .values(items)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return created.map((r) => r.id);
}

export async function unreadCount(db: Db | Tx, userId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

/** A page of the user's notices, newest first, and how many there are. */
export async function listOwn(
  db: Db,
  userId: number,
  f: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ items: NotificationRow[]; total: number }> {
  const where = f.unreadOnly
    ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
    : eq(notifications.userId, userId);
  const items = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Marks one of the user's notices read, keeping the first reading time; undefined when it is not theirs. */
export async function markOwnRead(db: Db, userId: number, id: number, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

/** Marks all the user's unread notices read; answers how many. */
export async function markAllOwnRead(db: Db, userId: number, at: Date): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}

export type Outgoing = {
  id: number;
  email: string;
  fullName: string;
  title: string;
  body: string;
  link: string | null;
};

/**
 * Claims a batch of unread, un-mailed notices of the last 2 days whose user has an e-mail address (a notice
 * already read in the app needs no e-mail), by setting
 * `emailed_at` in one UPDATE (an instance that loses the race for a row skips it), so two instances never
 * mail the same notice. A failed send releases its claim and is retried on the next tick; a crash between
 * claim and send loses that e-mail (the in-app notice remains) rather than ever sending it twice.
 */
export async function claimEmailBatch(db: Db, limit: number, skip: number[]): Promise<Outgoing[]> {
  const claimed = await rows<Outgoing>(
    db,
    sql`UPDATE notifications n SET emailed_at = now()
        FROM users u
        WHERE n.id IN (
            SELECT n2.id FROM notifications n2 JOIN users u2 ON u2.id = n2.user_id
            WHERE n2.emailed_at IS NULL AND n2.read_at IS NULL AND n2.created_at > now() - interval '2 days'
              AND u2.is_active AND coalesce(u2.email, '') <> '' AND n2.id <> ALL(${`{${skip.join(',')}}`}::int[])
            ORDER BY n2.id LIMIT ${limit} FOR UPDATE OF n2 SKIP LOCKED)
          AND u.id = n.user_id AND n.emailed_at IS NULL
        RETURNING n.id, u.email, u.full_name AS "fullName", n.title, n.body, n.link`,
  );
  return claimed.sort((a, b) => a.id - b.id); // RETURNING has no order: mail in the order notices were made
}

/** Gives claimed notices back, to be mailed on a later tick. */
export async function releaseEmailClaims(db: Db, ids: number[]): Promise<void> {
  await db.execute(
    sql`UPDATE notifications SET emailed_at = NULL WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`,
  );
}

import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  NOTIFICATIONS_PAGE_SIZE,
  type NotificationPage,
  type NotificationView,
} from '../../contracts/notifications.ts';
import type { Ctx } from '../../platform/context.ts';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { isMessageError, type Mailer } from '../../platform/mailer.ts';
import type { SchedulerLog } from '../../platform/scheduler.ts';
import { notifications } from './notifications.tables.ts';

export type NewNotification = {
  userId: number;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /** One notice per user and key: sending the same reason twice creates nothing the second time. */
  dedupeKey: string;
};

/**
 * Creates notices in the caller's transaction (the caller's own audit entry covers the write that caused
 * them). Answers the ids of the notices actually created; duplicates of (user, dedupeKey) are skipped.
 * E-mail follows on the scheduler's next tick when SMTP is configured.
 */
export async function notifyUsers(tx: Db | Tx, items: NewNotification[]): Promise<number[]> {
  if (items.length === 0) return [];
  const created = await tx
    .insert(notifications)
    .values(
      items.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
        dedupeKey: n.dedupeKey,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return created.map((r) => r.id);
}

type Row = typeof notifications.$inferSelect;
const view = (r: Row): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

async function unreadCount(db: Db | Tx, userId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

/** The caller's own notices, newest first, a page of 50, with the unread count for the bell. */
export async function listNotifications(
  ctx: Ctx,
  query: { unreadOnly: boolean; page: number },
): Promise<NotificationPage> {
  const userId = ctx.actor.userId;
  const where = query.unreadOnly
    ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
    : eq(notifications.userId, userId);
  const items = await ctx.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset((query.page - 1) * NOTIFICATIONS_PAGE_SIZE);
  const [total] = await ctx.db.select({ n: count() }).from(notifications).where(where);
  return {
    items: items.map(view),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    unreadCount: await unreadCount(ctx.db, userId),
  };
}

/**
 * Marks one of the caller's notices read (again: keeps the first reading time). Another user's notice does
 * not exist for the caller (404). Reading is the user's own inbox state, like a session's last-seen time,
 * so it is not audited.
 */
export async function markRead(ctx: Ctx, id: number): Promise<NotificationView> {
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now().toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId)))
    .returning();
  if (!row) throw errors.notFound('notifications', 'Không tìm thấy thông báo.');
  return view(row);
}

export async function markAllRead(ctx: Ctx): Promise<{ marked: number; unreadCount: number }> {
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length, unreadCount: 0 };
}

type Outgoing = {
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
async function claimBatch(db: Db, limit: number, skip: number[]): Promise<Outgoing[]> {
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

function mailText(m: Outgoing): string {
  return [
    `Kính gửi ${m.fullName},`,
    '',
    m.title,
    ...(m.body ? ['', m.body] : []),
    ...(m.link ? ['', `Xem trong Chung Tay: ${m.link}`] : []),
    '',
    '—',
    'Thư tự động từ hệ thống Chung Tay, vui lòng không trả lời thư này.',
  ].join('\n');
}

/** Mails pending notices (see claimBatch). Answers how many were sent and how many failed. */
export async function sendPendingEmails(
  db: Db,
  mailer: Mailer,
  log: SchedulerLog,
  batchSize = 100,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  const failed: number[] = [];
  const done = () => ({ sent, failed: failed.length });
  if (!mailer.isEnabled) return done();
  for (;;) {
    // Notices that failed in this pass are not claimed again until the next tick.
    const batch = await claimBatch(db, batchSize, failed);
    for (const [i, m] of batch.entries()) {
      try {
        await mailer.send({ to: m.email, subject: m.title, text: mailText(m) });
        sent++;
      } catch (err) {
        failed.push(m.id);
        log.error({ err, notificationId: m.id }, 'Sending a notification e-mail failed');
        // The server itself is failing: give back this and the rest of the batch, retry next tick.
        const release = isMessageError(err) ? [m.id] : batch.slice(i).map((b) => b.id);
        await db.execute(
          sql`UPDATE notifications SET emailed_at = NULL WHERE id = ANY(${`{${release.join(',')}}`}::int[])`,
        );
        if (!isMessageError(err)) return done();
      }
    }
    if (batch.length < batchSize) return done();
  }
}

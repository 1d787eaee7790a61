import {
  NOTIFICATIONS_PAGE_SIZE,
  type NotificationPage,
  type NotificationView,
} from '../../contracts/notifications.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { isMessageError, type Mailer } from '../../platform/mailer.ts';
import type { SchedulerLog } from '../../platform/scheduler.ts';
import * as repo from './notifications.repo.ts';

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
  return repo.insertNotifications(
    tx,
    items.map((n) => ({
      userId: n.userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
      dedupeKey: n.dedupeKey,
    })),
  );
}

const view = (r: repo.NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

/** The caller's own notices, newest first, a page of 50, with the unread count for the bell. */
export async function listNotifications(
  ctx: Ctx,
  query: { unreadOnly: boolean; page: number },
): Promise<NotificationPage> {
  const userId = ctx.actor.userId;
  const { items, total } = await repo.listOwn(ctx.db, userId, {
    ...query,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
  });
  return {
    items: items.map(view),
    total,
    page: query.page,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    unreadCount: await repo.unreadCount(ctx.db, userId),
  };
}

/**
 * Marks one of the caller's notices read (again: keeps the first reading time). Another user's notice does
 * not exist for the caller (404). Reading is the user's own inbox state, like a session's last-seen time,
 * so it is not audited.
 */
export async function markRead(ctx: Ctx, id: number): Promise<NotificationView> {
  const row = await repo.markOwnRead(ctx.db, ctx.actor.userId, id, ctx.clock.now());
  if (!row) throw errors.notFound('notifications', 'Không tìm thấy thông báo.');
  return view(row);
}

export async function markAllRead(ctx: Ctx): Promise<{ marked: number; unreadCount: number }> {
  const marked = await repo.markAllOwnRead(ctx.db, ctx.actor.userId, ctx.clock.now());
  return { marked, unreadCount: 0 };
}

function mailText(m: repo.Outgoing): string {
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

/** Mails pending notices (see repo.claimEmailBatch). Answers how many were sent and how many failed. */
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
    const batch = await repo.claimEmailBatch(db, batchSize, failed);
    for (const [i, m] of batch.entries()) {
      try {
        await mailer.send({ to: m.email, subject: m.title, text: mailText(m) });
        sent++;
      } catch (err) {
        failed.push(m.id);
        log.error({ err, notificationId: m.id }, 'Sending a notification e-mail failed');
        // The server itself is failing: give back this and the rest of the batch, retry next tick.
        const release = isMessageError(err) ? [m.id] : batch.slice(i).map((b) => b.id);
        await repo.releaseEmailClaims(db, release);
        if (!isMessageError(err)) return done();
      }
    }
    if (batch.length < batchSize) return done();
  }
}

import { vnDay } from '../../platform/clock.ts';
import { formatViDate } from '../../platform/dates.ts';
import type { Tx } from '../../platform/db/database.ts';
import { notifyUsers } from '../notifications/index.ts';
import { usersHoldingOver } from '../users/index.ts';

/**
 * Who training tells about work waiting for them: the provider about a new request, the enterprise's HR when
 * its class has dates. Run in the write's transaction (its audit entry covers them).
 */

/** A new request: whoever manages training at (or above) the provider is told. */
export async function noticeRequestReceived(
  tx: Tx,
  r: { id: number; providerPath: string; learners: number },
  requesterName: string,
) {
  const users = await usersHoldingOver(tx, r.providerPath, ['training.manage']);
  await notifyUsers(
    tx,
    users.map((userId) => ({
      userId,
      kind: 'training_request_received',
      title: `Đề nghị tập huấn mới: ${requesterName}`,
      body: `${requesterName} đề nghị tập huấn cho ${r.learners} người. Hãy xem và trả lời.`,
      link: `/training/requests/${r.id}`,
      dedupeKey: `training_request:${r.id}:received`,
    })),
  );
}

/** A class run for an enterprise got its sessions: the enterprise's HR (report.write there) is told when. */
export async function noticeClassScheduled(
  tx: Tx,
  c: { id: number; code: string; title: string; customerPath: string | null },
  sessions: { startsAt: string }[],
) {
  if (!c.customerPath || sessions.length === 0) return;
  const first = new Date(Math.min(...sessions.map((s) => Date.parse(s.startsAt)))).toISOString();
  const users = await usersHoldingOver(tx, c.customerPath, ['report.write']);
  const day = formatViDate(vnDay(new Date(first)));
  await notifyUsers(
    tx,
    users.map((userId) => ({
      userId,
      kind: 'training_class_scheduled',
      title: `Lớp ${c.code} đã có lịch học`,
      body: `${c.title}: buổi đầu ngày ${day}.`,
      link: `/training/classes/${c.id}`,
      dedupeKey: `training_class:${c.id}:scheduled:${first}`,
    })),
  );
}

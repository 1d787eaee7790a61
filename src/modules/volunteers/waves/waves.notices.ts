import { formatViDate } from '../../../platform/dates.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { usersHoldingOver } from '../../users/index.ts';
import { linkedVolunteerUsers } from './members.repo.ts';

/**
 * Who the waves tell: each institution's volunteer officers when a wave asks them (and when their names are due
 * soon), institutions and the volunteers concerned when a wave is stood down. Run in the write's transaction
 * (its audit entry covers them); e-mails follow through the notifications module when SMTP is set.
 */

type Wave = { id: number; title: string; issuerPath: string; startsOn: string; namesDueOn: string | null };
type Quota = { id: number; orgPath: string; quota: number };

/** The institution's officers (volunteer.manage at or above it), not the issuer's own staff. */
async function officersOf(tx: Db | Tx, w: Wave, q: Quota): Promise<number[]> {
  const [officers, issuers] = await Promise.all([
    usersHoldingOver(tx, q.orgPath, ['volunteer.manage']),
    usersHoldingOver(tx, w.issuerPath, ['wave.manage']),
  ]);
  const skip = new Set(issuers);
  return officers.filter((u) => !skip.has(u));
}

export async function noticeWaveOpened(tx: Tx, w: Wave, quotas: Quota[]): Promise<number> {
  let n = 0;
  for (const q of quotas) {
    const users = await officersOf(tx, w, q);
    const due = w.namesDueOn ? ` Hạn gửi danh sách: ${formatViDate(w.namesDueOn)}.` : '';
    const ids = await notifyUsers(
      tx,
      users.map((userId) => ({
        userId,
        kind: 'wave_request_received',
        title: `Yêu cầu huy động: ${w.title}`,
        body: `Cơ sở được giao chỉ tiêu ${q.quota} tình nguyện viên, từ ngày ${formatViDate(w.startsOn)}.${due} Hãy trả lời số lượng và đề cử danh sách.`,
        link: `/waves/${w.id}`,
        dedupeKey: `wave:${w.id}:quota:${q.id}:received`,
      })),
    );
    n += ids.length;
  }
  return n;
}

/** Names due within days and the quota not yet reached: a reminder, once per quota and due day. */
export async function noticeNamesDue(tx: Tx, w: Wave, q: Quota & { named: number }): Promise<number> {
  const users = await officersOf(tx, w, q);
  const ids = await notifyUsers(
    tx,
    users.map((userId) => ({
      userId,
      kind: 'wave_names_due',
      title: `Sắp hết hạn gửi danh sách: ${w.title}`,
      body: `Hạn ${formatViDate(w.namesDueOn ?? w.startsOn)}: cơ sở đã đề cử ${q.named}/${q.quota} tình nguyện viên.`,
      link: `/waves/${w.id}`,
      dedupeKey: `wave:${w.id}:quota:${q.id}:due:${w.namesDueOn}`,
    })),
  );
  return ids.length;
}

/** A stand-down: every institution asked, and each volunteer named who has an account. */
export async function noticeStoodDown(tx: Tx, w: Wave, quotas: Quota[], reason: string): Promise<number> {
  let n = 0;
  const title = `Dừng đợt huy động: ${w.title}`;
  for (const q of quotas) {
    const users = await officersOf(tx, w, q);
    n += (
      await notifyUsers(
        tx,
        users.map((userId) => ({
          userId,
          kind: 'wave_stood_down',
          title,
          body: `Lý do: ${reason}`,
          link: `/waves/${w.id}`,
          dedupeKey: `wave:${w.id}:stood_down`,
        })),
      )
    ).length;
  }
  const volunteers = await linkedVolunteerUsers(tx, w.id);
  n += (
    await notifyUsers(
      tx,
      volunteers.map((userId) => ({
        userId,
        kind: 'wave_stood_down',
        title,
        body: `Đợt huy động bạn có tên đã dừng. Lý do: ${reason}`,
        link: '/me/volunteering',
        dedupeKey: `wave:${w.id}:stood_down`,
      })),
    )
  ).length;
  return n;
}

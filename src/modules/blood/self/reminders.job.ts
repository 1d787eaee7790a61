import { formatViDate } from '../../../contracts/dates.ts';
import type { ModuleJob } from '../../../platform/modules.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { factsOf, rulesOn } from '../donors/eligibility.repo.ts';
import { addDays, eligibility } from '../donors/eligibility.rules.ts';
import * as repo from './self.repo.ts';

/**
 * The donors' daily reminders (a notice each; e-mail follows when SMTP_URL is set): the day before their slot,
 * and on the day they may donate again (eligible today, not yesterday). Dedupe keys make a rerun send nothing.
 */
export const donorRemindersJob: ModuleJob = {
  kind: 'daily',
  name: 'blood.donor_reminders',
  options: { notBeforeHour: 8 },
  run: async ({ db, today }) => {
    const tomorrow = addDays(today, 1);
    const slots = await repo.slotsOnDay(db, tomorrow);
    await notifyUsers(
      db,
      slots.map((s) => ({
        userId: s.userId,
        kind: 'blood.slot_reminder',
        title: `Nhắc lịch hiến máu ngày mai: ${s.startsAt.slice(11, 16)} tại ${s.site}`,
        body: `${s.driveTitle}, ngày ${formatViDate(tomorrow)}. Hãy ngủ đủ, ăn nhẹ và trả lời câu hỏi sức khỏe trước khi đến.`,
        link: '/me/blood',
        dedupeKey: `blood.slot_reminder:${s.bookingId}`,
      })),
    );
    const yesterday = addDays(today, -1);
    const [rules, rulesBefore] = await Promise.all([rulesOn(db, today), rulesOn(db, yesterday)]);
    let again = 0;
    for (const c of await repo.recentDonorsWithAccount(db, addDays(today, -200), addDays(today, -7))) {
      const facts = await factsOf(db, c.personId);
      const f = { ...facts, weightKg: facts.weightKg ?? 70 };
      if (!eligibility(f, rules, today).eligible || eligibility(f, rulesBefore, yesterday).eligible) continue;
      again += 1;
      await notifyUsers(
        db,
        c.userIds.map((userId) => ({
          userId,
          kind: 'blood.eligible_again',
          title: 'Bạn đã có thể hiến máu trở lại',
          body: `Từ hôm nay (${formatViDate(today)}) bạn đủ thời gian nghỉ giữa hai lần hiến. Hãy đặt lịch ở điểm hiến gần bạn.`,
          link: '/me/blood',
          dedupeKey: `blood.eligible_again:${c.personId}:${today}`,
        })),
      );
    }
    return `${slots.length} slot reminders, ${again} eligible again`;
  },
};

import { recordAudit } from '../../../platform/audit.ts';
import type { RequestMeta } from '../../../platform/context.ts';
import { HOME_ITEMS, type HomeSource } from '../../../platform/home.ts';
import type { ModuleJob } from '../../../platform/modules.ts';
import type { JobCtx } from '../../../platform/scheduler.ts';
import { hasPermission } from '../../../platform/scope.ts';
import { quotasDueSoon } from './fill.repo.ts';
import { getInbox } from './fill.service.ts';
import { noticeNamesDue } from './waves.notices.ts';

const schedulerMeta: RequestMeta = { ip: null, userAgent: 'scheduler', requestId: null };
/** Names due within this many days, quota not reached: the institution is reminded. */
export const NAMES_DUE_DAYS = 2;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The daily reminder: institutions whose names are due within two days and that have named fewer than their
 * quota. One transaction and one audit entry per wave that created notices; dedupe keys make a second run a no-op.
 */
export async function runNamesDueReminders(job: JobCtx): Promise<string> {
  const due = await quotasDueSoon(job.db, job.today, addDays(job.today, NAMES_DUE_DAYS));
  const byWave = Map.groupBy(due, (d) => d.waveId);
  let total = 0;
  for (const [waveId, quotas] of byWave) {
    const first = quotas[0]!;
    const w = {
      id: waveId,
      title: first.title,
      issuerPath: first.issuerPath,
      startsOn: first.startsOn,
      namesDueOn: first.namesDueOn,
    };
    await job.db.transaction(async (tx) => {
      let n = 0;
      for (const q of quotas)
        n += await noticeNamesDue(tx, w, {
          id: q.quotaId,
          orgPath: q.orgPath,
          quota: q.quota,
          named: q.named,
        });
      if (n === 0) return;
      await recordAudit(
        tx,
        { actor: null, meta: schedulerMeta },
        {
          action: 'wave.remind',
          entityType: 'mobilisation_wave',
          entityId: waveId,
          entityLabel: w.title,
          orgId: first.issuerOrgId,
          orgPath: first.issuerPath,
          after: { day: job.today, notices: n },
        },
      );
      total += n;
    });
  }
  return `${total} names-due notices`;
}

export const wavesReminderJob: ModuleJob = {
  kind: 'daily',
  name: 'waves-names-due',
  run: runNamesDueReminders,
  options: { notBeforeHour: 7 },
};

/**
 * "Yêu cầu huy động cần trả lời": the caller's institutions' quotas not yet fully named. Only for those an open
 * wave asks: an administrator holding volunteer.manage whose units no wave asks sees no block.
 */
export const wavesHomeBlocks: HomeSource[] = [
  {
    key: 'waves.requests_pending',
    async load(ctx) {
      if (!hasPermission(ctx.actor, 'volunteer.manage')) return null;
      const asked = await getInbox(ctx);
      if (asked.length === 0) return null;
      const list = asked.filter((r) => r.proposed + r.accepted < r.quota);
      return {
        count: list.length,
        urgent: null,
        link: '/waves/inbox',
        items: list.slice(0, HOME_ITEMS).map((r) => ({
          title: r.waveTitle,
          detail: `${r.orgName} · ${r.proposed + r.accepted}/${r.quota}`,
          period: null,
          date: r.namesDueOn ?? r.startsOn,
          link: `/waves/${r.waveId}`,
        })),
      };
    },
  },
];

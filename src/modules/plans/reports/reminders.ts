import { recordAudit } from '../../../platform/audit.ts';
import type { RequestMeta } from '../../../platform/context.ts';
import { formatViDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { ModuleJob } from '../../../platform/modules.ts';
import type { JobCtx } from '../../../platform/scheduler.ts';
import { notifyUsers } from '../../notifications/index.ts';
import { dueOn, planPeriodKeys } from '../periods.ts';
import { type DuePeriod, type PlanForReminder, pendingWriters, plansToRemind } from './reminders.repo.ts';

export const REMINDERS_JOB = 'plan-report-reminders';
export const REMINDERS_HOUR = 7;
/** A report is "due soon" from this many days before its due date to the due date itself. */
export const DUE_SOON_DAYS = 3;
/**
 * Overdue notices are created only for periods at most this many days past due (and never after the form
 * locks): a newly issued plan with old periods, a long outage or a newly granted clerk must not bring a flood
 * of notices about reports nobody will file any more; the dashboard lists those units as missing.
 */
export const OVERDUE_NOTICE_DAYS = 60;

const schedulerMeta: RequestMeta = { ip: null, userAgent: 'scheduler', requestId: null };
const DAY_MS = 86_400_000;
/** Notices written per statement (6 parameters each, well under PostgreSQL's 65,535). */
const NOTICES_PER_INSERT = 5000;
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** `2021-04` → "tháng 04/2021", `2024-Q2` → "quý II/2024", `once` → "" (the plan has one report). */
export function periodLabel(key: string): string {
  if (key === 'once') return '';
  const [y, part] = key.split('-');
  if (!part) return `năm ${y}`;
  if (part === 'H1') return `6 tháng đầu năm ${y}`;
  if (part === 'H2') return `6 tháng cuối năm ${y}`;
  if (part.startsWith('Q')) return `quý ${['I', 'II', 'III', 'IV'][Number(part.slice(1)) - 1]}/${y}`;
  return `tháng ${part}/${y}`;
}

/** The plan's periods whose reminder is due today: due within DUE_SOON_DAYS, or overdue within the cut-off. */
export function duePeriods(plan: PlanForReminder, today: string): DuePeriod[] {
  const overdueLimit = Math.min(OVERDUE_NOTICE_DAYS, plan.reportLockDays ?? OVERDUE_NOTICE_DAYS);
  return planPeriodKeys(plan).flatMap((key): DuePeriod[] => {
    const due = dueOn(plan, key);
    const days = daysFrom(today, due); // days left; negative once overdue
    if (days >= 0 && days <= DUE_SOON_DAYS) return [{ key, due, kind: 'due_soon', days }];
    if (days < 0 && -days <= overdueLimit) return [{ key, due, kind: 'overdue', days }];
    return [];
  });
}

function texts(plan: PlanForReminder, p: DuePeriod) {
  const title =
    p.kind === 'due_soon'
      ? `Sắp đến hạn báo cáo: ${plan.number} — hạn ${formatViDate(p.due)}`
      : `Quá hạn báo cáo: ${plan.number} — hạn ${formatViDate(p.due)}`;
  const when =
    p.kind === 'overdue'
      ? `đã quá hạn ${-p.days} ngày`
      : p.days === 0
        ? 'hạn là hôm nay'
        : `còn ${p.days} ngày`;
  const period = periodLabel(p.key);
  // The body is completed with the unit's name: `${before}<unit>${after}`.
  const before = `Báo cáo${period ? ` kỳ ${period}` : ''} của `;
  const after = ` theo ${plan.number} "${plan.title}" chưa được nộp. Hạn nộp: ${formatViDate(p.due)} (${when}).`;
  return { title, before, after };
}

/** Creates the notices of one plan period for the users responsible for its pending reporters (`pendingWriters`). */
async function remindPeriod(tx: Tx, plan: PlanForReminder, p: DuePeriod): Promise<number> {
  const { title, before, after } = texts(plan, p);
  const writers = await pendingWriters(tx, plan, p.key);
  let created = 0;
  for (let i = 0; i < writers.length; i += NOTICES_PER_INSERT) {
    const items = writers.slice(i, i + NOTICES_PER_INSERT).map((w) => ({
      userId: w.userId,
      kind: p.kind,
      title,
      body: `${before}${w.orgName}${after}`,
      link: `/plans/${plan.id}/report?orgId=${w.orgId}&period=${p.key}`,
      dedupeKey: `plan:${plan.id}:org:${w.orgId}:period:${p.key}:${p.kind}`,
    }));
    created += (await notifyUsers(tx, items)).length;
  }
  return created;
}

/**
 * The daily plan-report reminder job: due-soon and overdue notices for every issued plan. Each plan is one
 * transaction with one audit entry (on the issuer) when it created notices; running it twice a day creates
 * nothing the second time (dedupe keys).
 */
export async function runReportReminders(job: JobCtx): Promise<string> {
  const plans = await plansToRemind(job.db, job.today, OVERDUE_NOTICE_DAYS);
  const totals = { due_soon: 0, overdue: 0 };
  for (const plan of plans) {
    const periods = duePeriods(plan, job.today);
    if (periods.length === 0) continue;
    await job.db.transaction(async (tx) => {
      const counts = { due_soon: 0, overdue: 0 };
      for (const p of periods) counts[p.kind] += await remindPeriod(tx, plan, p);
      if (counts.due_soon + counts.overdue === 0) return;
      await recordAudit(
        tx,
        { actor: null, meta: schedulerMeta },
        {
          action: 'remind',
          entityType: 'plan',
          entityId: plan.id,
          orgId: plan.issuerOrgId,
          orgPath: plan.issuerPath,
          after: { day: job.today, dueSoon: counts.due_soon, overdue: counts.overdue },
        },
      );
      totals.due_soon += counts.due_soon;
      totals.overdue += counts.overdue;
    });
  }
  return `${totals.due_soon} due-soon, ${totals.overdue} overdue notices`;
}

/** From 07:00 in Vietnam, not at midnight: notices and their e-mails arrive at the start of the working day. */
export const reminderJob: ModuleJob = {
  kind: 'daily',
  name: REMINDERS_JOB,
  run: runReportReminders,
  options: { notBeforeHour: REMINDERS_HOUR },
};

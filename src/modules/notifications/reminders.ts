import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestMeta } from '../../platform/context.ts';
import { rows, type Tx } from '../../platform/db/database.ts';
import type { ModuleJob } from '../../platform/modules.ts';
import type { JobCtx } from '../../platform/scheduler.ts';
import { dueOn, expectedSql, type PlanPeriods, planPeriodKeys } from '../plans/index.ts';
import { sendPendingEmails } from './notifications.service.ts';

export const REMINDERS_JOB = 'plan-report-reminders';
export const EMAIL_TASK = 'notification-emails';
export const REMINDERS_HOUR = 7;
/** A report is "due soon" from this many days before its due date to the due date itself. */
export const DUE_SOON_DAYS = 3;
/**
 * Overdue notices are created only for periods at most this many days past due (and never after the form
 * locks): a newly issued plan with old periods, a long outage or a newly granted clerk must not bring a flood
 * of notices about reports nobody will file any more; the dashboard lists those units as missing.
 */
export const OVERDUE_NOTICE_DAYS = 60;

type ReminderKind = 'due_soon' | 'overdue';
type PlanForReminder = PlanPeriods & {
  id: number;
  number: string;
  title: string;
  issuerOrgId: number;
  issuerPath: string;
  reportLockDays: number | null;
};
type DuePeriod = { key: string; due: string; kind: ReminderKind; days: number };

const schedulerMeta: RequestMeta = { ip: null, userAgent: 'scheduler', requestId: null };
const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

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
      ? `Sắp đến hạn báo cáo: ${plan.number} — hạn ${viDate(p.due)}`
      : `Quá hạn báo cáo: ${plan.number} — hạn ${viDate(p.due)}`;
  const when =
    p.kind === 'overdue'
      ? `đã quá hạn ${-p.days} ngày`
      : p.days === 0
        ? 'hạn là hôm nay'
        : `còn ${p.days} ngày`;
  const period = periodLabel(p.key);
  // The body is completed with the unit's name in SQL: `${before}<unit>${after}`.
  const before = `Báo cáo${period ? ` kỳ ${period}` : ''} của `;
  const after = ` theo ${plan.number} "${plan.title}" chưa được nộp. Hạn nộp: ${viDate(p.due)} (${when}).`;
  return { title, before, after };
}

/**
 * Creates the notices of one plan period for the users responsible for each reporter that is expected to
 * report for it (the plans module's rule) and still active, and has not submitted (no report, a draft or a
 * returned one). Responsible: active users whose role carries `report.write` through a grant at the
 * reporter itself; when a unit has none (a grassroots union without an account), those at its nearest
 * ancestor that has one, strictly below the issuer — the sector union that reports for it. Grants higher up (the issuer, the province) are not used: they would flood the issuer's
 * administrators, who already see missing units on the dashboard.
 */
async function remindPeriod(tx: Tx, plan: PlanForReminder, p: DuePeriod): Promise<number> {
  const { title, before, after } = texts(plan, p);
  const writerAt = (orgId: unknown) => sql`SELECT g.user_id FROM role_grants g
      JOIN roles ro ON ro.key = g.role JOIN users u ON u.id = g.user_id
      WHERE g.org_id = ${orgId} AND u.is_active AND 'report.write' = ANY(ro.permissions)`;
  const created = await rows<{ id: number }>(
    tx,
    sql`WITH pending AS (
          SELECT r.org_id, r.org_path, o.name
          FROM plan_recipients r JOIN organisations o ON o.id = r.org_id
          LEFT JOIN plan_reports rep ON rep.plan_id = r.plan_id AND rep.org_id = r.org_id AND rep.period_key = ${p.key}
          WHERE r.plan_id = ${plan.id} AND ${expectedSql(plan, p.key)} AND o.status = 'active'
            AND (rep.status IS NULL OR rep.status IN ('draft', 'returned'))
        ), responsible AS (
          SELECT pe.org_id, pe.name, (
            SELECT a.id FROM unnest(string_to_array(pe.org_path::text, '.')::int[]) WITH ORDINALITY AS a(id, depth)
            WHERE a.depth > nlevel(${plan.issuerPath}::ltree) AND EXISTS (${writerAt(sql`a.id`)})
            ORDER BY a.depth DESC LIMIT 1) AS at_org
          FROM pending pe
        )
        INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key)
        SELECT DISTINCT w.user_id, ${p.kind}, ${title}, ${before} || r.name || ${after},
               ${`/plans/${plan.id}/report?orgId=`} || r.org_id || ${`&period=${p.key}`},
               ${`plan:${plan.id}:org:`} || r.org_id || ${`:period:${p.key}:${p.kind}`}
        FROM responsible r CROSS JOIN LATERAL (${writerAt(sql`r.at_org`)}) w
        WHERE r.at_org IS NOT NULL
        ON CONFLICT (user_id, dedupe_key) DO NOTHING
        RETURNING id`,
  );
  return created.length;
}

/**
 * The daily plan-report reminder job: due-soon and overdue notices for every issued plan. Each plan is one
 * transaction with one audit entry (on the issuer) when it created notices; running it twice a day creates
 * nothing the second time (dedupe keys).
 */
export async function runReportReminders(job: JobCtx): Promise<string> {
  const plans = await rows<PlanForReminder>(
    job.db,
    sql`SELECT id, number, title, issuer_org_id AS "issuerOrgId", issuer_path::text AS "issuerPath",
               report_period_type AS "reportPeriodType", period_start::text AS "periodStart",
               period_end::text AS "periodEnd", report_due_on::text AS "reportDueOn",
               report_due_days AS "reportDueDays", report_lock_days AS "reportLockDays"
        FROM plans
        WHERE status = 'issued'
          -- no period of a plan whose last due date is past the overdue cut-off can need a notice
          AND greatest(coalesce(report_due_on, period_end), period_end + report_due_days)
              >= ${job.today}::date - ${OVERDUE_NOTICE_DAYS}::int
        ORDER BY id`,
  );
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

/** Registers the reminder job, and the e-mail pass on every tick when SMTP is configured. */
/** From 07:00 in Vietnam, not at midnight: notices and their e-mails arrive at the start of the working day. */
export const reminderJob: ModuleJob = {
  kind: 'daily',
  name: REMINDERS_JOB,
  run: runReportReminders,
  options: { notBeforeHour: REMINDERS_HOUR },
};

/** Sends the notices' e-mails (only where SMTP_URL is set): each instance claims its own rows. */
export const emailTask: ModuleJob = {
  kind: 'tick',
  name: EMAIL_TASK,
  needsMailer: true,
  run: async (job) => {
    const r = await sendPendingEmails(job.db, job.mailer, job.log);
    if (r.failed) throw new Error(`${r.sent} e-mails sent, ${r.failed} failed (retried next tick)`);
    return `${r.sent} e-mails sent`;
  },
};

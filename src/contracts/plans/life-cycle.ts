/** A plan's life: drafted, edited, issued, amended, implemented by a recipient; and the plan as read. */
import { z } from 'zod';
import { commonIssues, eventDate, id, optionalText } from '../common.ts';
import { activityInput, activityView } from './activities.ts';
import { indicatorInput, indicatorView } from './indicators.ts';
import { planIssues } from './issues.ts';
import { recipientItem } from './recipients.ts';

/** kế hoạch / hướng dẫn / chương trình / công văn */
export const planKind = z.enum(['plan', 'guidance', 'programme', 'official_letter']);
export const periodType = z.enum(['once', 'monthly', 'quarterly', 'half_yearly', 'yearly']);

const orgIds = (max: number) => z.array(id).max(max);

/** What a plan says besides its recipients: shared by drafting a plan and editing a draft. */
const planFieldsBody = z.object({
  issuerOrgId: id,
  kind: planKind,
  /** Number and symbol as the office writes it, e.g. 45/HD-LĐLĐ. */
  number: z.string().trim().min(1).max(60),
  title: z.string().trim().min(3).max(500),
  issuedOn: eventDate,
  periodStart: eventDate,
  periodEnd: eventDate,
  legalBases: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  implementsPlanId: id.nullish(),
  objectives: optionalText(5000),
  reportPeriodType: periodType,
  /** For a one-off report: its due date. For periodic reports: days after each period's end. */
  reportDueOn: eventDate.nullish(),
  reportDueDays: z.number().int().min(0).max(365).default(10),
  /** Days after the due date when the form closes to late submissions; null keeps it open. */
  reportLockDays: z.number().int().min(0).max(365).nullish(),
  indicators: z.array(indicatorInput).min(1, planIssues.indicators_min).max(100),
  activities: z.array(activityInput).max(100).default([]),
});

function checkPlanFields(p: z.output<typeof planFieldsBody>, ctx: z.RefinementCtx) {
  if (p.periodEnd < p.periodStart)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: commonIssues.end_before_start });
  if (p.reportPeriodType === 'once' && !p.reportDueOn) {
    ctx.addIssue({ code: 'custom', path: ['reportDueOn'], message: planIssues.once_needs_due_date });
  }
  const codes = new Set<string>();
  p.indicators.forEach((i, n) => {
    if (codes.has(i.code))
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', n, 'code'],
        message: planIssues.indicator_code_duplicate,
        params: { code: i.code },
      });
    codes.add(i.code);
  });
}

export const createPlanBody = planFieldsBody
  .extend({
    /** At most 5,000 a request; a draft grows beyond by edits that add (addReporterOrgIds). */
    reporterOrgIds: orgIds(5000).default([]),
    copyOrgIds: orgIds(200).default([]),
  })
  .superRefine(checkPlanFields);

/**
 * Editing a draft: its fields whole, with the version read. Recipients change by what is added and removed
 * (removals first, so removing a reporter and adding it as a copy makes it a copy); a draft sent to
 * thousands of units is edited without sending, or even loading, its whole list. Sending `reporterOrgIds`
 * and/or `copyOrgIds` instead replaces that list whole (for small drafts and API clients); left out, the
 * recipients stay as they are.
 */
export const updatePlanBody = planFieldsBody
  .extend({
    version: id,
    reporterOrgIds: orgIds(5000).optional(),
    copyOrgIds: orgIds(200).optional(),
    addReporterOrgIds: orgIds(5000).default([]),
    addCopyOrgIds: orgIds(200).default([]),
    removeRecipientOrgIds: orgIds(5000).default([]),
  })
  .superRefine((p, ctx) => {
    checkPlanFields(p, ctx);
    const replaces = p.reporterOrgIds !== undefined || p.copyOrgIds !== undefined;
    const changes = p.addReporterOrgIds.length + p.addCopyOrgIds.length + p.removeRecipientOrgIds.length;
    if (replaces && changes > 0)
      ctx.addIssue({
        code: 'custom',
        path: [p.reporterOrgIds !== undefined ? 'reporterOrgIds' : 'copyOrgIds'],
        message: planIssues.recipients_list_or_changes,
      });
  });

/**
 * Amending an issued plan (sửa đổi, bổ sung): a dated revision that says why and under which document, and
 * changes only what may change once units are reporting — indicators and recipients are only added
 * (an organisation already on the plan is skipped; a copy recipient asked to report becomes a reporter).
 */
export const amendPlanBody = z.object({
  version: id,
  revisedOn: eventDate,
  documentNumber: optionalText(60),
  reason: z.string().trim().min(5, planIssues.amend_reason_required).max(2000),
  title: z.string().trim().min(3).max(500).optional(),
  periodEnd: eventDate.optional(),
  objectives: optionalText(5000),
  reportDueOn: eventDate.nullish(),
  reportDueDays: z.number().int().min(0).max(365).optional(),
  reportLockDays: z.number().int().min(0).max(365).nullish(),
  addReporterOrgIds: z.array(id).max(5000).default([]),
  addCopyOrgIds: z.array(id).max(200).default([]),
  addIndicators: z.array(indicatorInput).max(50).default([]),
});

/** A recipient issues its own implementing plan, inheriting indicators, reporting and its assigned targets. */
export const implementPlanBody = z.object({ issuerOrgId: id });

export const planView = z.object({
  id: z.number().int(),
  issuerOrgId: z.number().int(),
  issuerName: z.string(),
  kind: planKind,
  number: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  legalBases: z.array(z.string()),
  implementsPlanId: z.number().int().nullable(),
  objectives: z.string().nullable(),
  status: z.enum(['draft', 'issued', 'closed']),
  reportPeriodType: periodType,
  reportDueOn: z.string().nullable(),
  reportDueDays: z.number().int(),
  reportLockDays: z.number().int().nullable(),
  revision: z.number().int(),
  indicators: z.array(indicatorView),
  /** How many units report and how many receive a copy; the list itself is GET /api/plans/:id/recipients. */
  recipientCounts: z.object({ reporters: z.number().int(), copies: z.number().int() }),
  /** The first recipients (at most 20: reporters first, higher levels first, by name), not the whole list. */
  recipients: z.array(recipientItem),
  activities: z.array(activityView),
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      revisedOn: z.string(),
      documentNumber: z.string().nullable(),
      reason: z.string(),
      changes: z.record(z.string(), z.unknown()),
      /** Names of the organisations `changes` adds (the first 50 of each list), by id. */
      orgNames: z.record(z.string(), z.string()),
      createdAt: z.string(),
    }),
  ),
  /** Reporting periods with their due dates, in order. */
  periods: z.array(z.object({ key: z.string(), dueOn: z.string() })),
  /** The period the tabs open on: the latest with a report waiting for the caller's review, else today's. */
  activePeriodKey: z.string(),
  implementsPlan: z.object({ id: z.number().int(), number: z.string(), title: z.string() }).nullable(),
  implementedBy: z.array(
    z.object({ id: z.number().int(), number: z.string(), issuerName: z.string(), status: z.string() }),
  ),
  /**
   * What the caller may do: manage (edit, issue, amend, review, set targets), the units it reports for and
   * the recipients in its reach that may issue an implementing plan — the first 20 of each (its own units
   * first), with how many there are; the rest are GET /api/plans/:id/recipients?can=report|implement.
   */
  can: z.object({
    manage: z.boolean(),
    reportFor: z.array(z.object({ orgId: z.number().int(), orgName: z.string() })),
    reportForTotal: z.number().int(),
    implementAs: z.array(z.object({ orgId: z.number().int(), orgName: z.string() })),
    implementAsTotal: z.number().int(),
    /** Activities whose actual outputs the caller may report (issued plans): as the issuer or the lead. */
    reportActivityIds: z.array(z.number().int()),
  }),
  version: z.number().int(),
});
export type PlanView = z.infer<typeof planView>;

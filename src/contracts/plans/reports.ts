/** Reports: a unit's figures for a period, their review, the reviewer's queue and the reporter's inbox. */
import { z } from 'zod';
import { commonIssues, id, idText, int4, optionalText, pageOf, pageQuery } from '../common.ts';

export const reportValueInput = z.object({
  indicatorId: id,
  value: z.number().min(0).max(1e12).nullish(),
  denominator: z.number().min(0).max(1e12).nullish(),
  /** Disaggregated values that must add up to `value`. */
  breakdown: z
    .array(z.object({ category: z.string().min(1).max(20), value: z.number().min(0).max(1e12) }))
    .max(12)
    .nullish(),
});
export const saveReportBody = z.object({
  orgId: id,
  periodKey: z
    .string()
    .regex(/^(once|\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?)$/, commonIssues.period_key_invalid),
  /** 0 for a new report; the current version otherwise (concurrent edits are refused, never merged). */
  version: int4(0),
  values: z.array(reportValueInput).max(200),
  submit: z.boolean().default(false),
});
export const reviewReportBody = z.object({
  version: id,
  decision: z.enum(['accept', 'return']),
  comment: optionalText(2000),
});

export const reportView = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  periodKey: z.string(),
  status: z.enum(['draft', 'submitted', 'accepted', 'returned']),
  dueOn: z.string(),
  submittedAt: z.string().nullable(),
  timeliness: z.enum(['on_time', 'late', 'missing', 'pending']),
  reviewComment: z.string().nullable(),
  values: z.array(
    z.object({
      indicatorId: z.number().int(),
      value: z.number().nullable(),
      denominator: z.number().nullable(),
      breakdown: z.array(z.object({ category: z.string(), value: z.number() })).nullable(),
    }),
  ),
  /** The form closes to late submissions after this day (null: stays open). */
  locksOn: z.string().nullable(),
  version: z.number().int(),
});
export type ReportView = z.infer<typeof reportView>;

/** The form for one unit and period: its report, or an empty one (id null, version 0) to start. */
export const reportFormQuery = z.object({
  orgId: idText,
  periodKey: z.string(),
});
export const reportFormView = reportView.extend({
  id: z.number().int().nullable(),
  /** Indicators whose value was computed from records (indicator sources), for the unit to confirm. */
  prefilled: z.array(z.number().int()),
});

export const reportStatus = z.enum(['none', 'draft', 'submitted', 'accepted', 'returned']);
export const timelinessValue = z.enum(['on_time', 'late', 'missing', 'pending']);
/**
 * The reviewer's queue: the expected reporters under an organisation (the issuer, or one of its lines) for
 * a period with their report's state, a page at a time; filtered by state, timeliness and name.
 */
export const reportListQuery = pageQuery.extend({
  orgId: idText,
  periodKey: z.string().default('once'),
  /** none: no report started; submitted: waiting for review. */
  status: reportStatus.optional(),
  timeliness: timelinessValue.optional(),
  /** Part of the unit's name, without diacritics ("tuan giao" finds Tuần Giáo). */
  q: z.string().trim().max(100).optional(),
  /** name; submittedAt (last submission, units without one last); status: waiting for review first. */
  sort: z.enum(['name', 'submittedAt', 'status']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const reportListItem = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  /** The child line of the listed organisation the unit is under; null when it is that line or the organisation. */
  lineName: z.string().nullable(),
  reportId: z.number().int().nullable(),
  status: reportStatus,
  timeliness: timelinessValue,
  submittedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  dueOn: z.string(),
});
export const reportListPage = pageOf(reportListItem);
export type ReportListPage = z.infer<typeof reportListPage>;

/** What the caller's units must report, across every plan: the inbox. */
export const dueReportsQuery = z.object({
  /** open: not yet submitted (default); all: also submitted and accepted ones. */
  state: z.enum(['open', 'all']).default('open'),
});
export const dueReportItem = z.object({
  planId: z.number().int(),
  planNumber: z.string(),
  planTitle: z.string(),
  issuerName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  periodKey: z.string(),
  dueOn: z.string(),
  locksOn: z.string().nullable(),
  status: z.enum(['none', 'draft', 'submitted', 'accepted', 'returned']),
  timeliness: z.enum(['on_time', 'late', 'missing', 'pending']),
  reviewComment: z.string().nullable(),
});

/** The reviewer's queue across plans: submitted reports waiting for the caller's review, by plan and period. */
export const reviewQueueQuery = pageQuery.extend({
  planId: idText.optional(),
  periodKey: z.string().max(20).optional(),
});
export const reviewQueueItem = z.object({
  reportId: z.number().int(),
  planId: z.number().int(),
  planNumber: z.string(),
  planTitle: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  periodKey: z.string(),
  submittedAt: z.string(),
  version: z.number().int(),
});
export const reviewQueuePage = pageOf(reviewQueueItem).extend({
  /** Every plan and period with reports waiting (whatever the filter), with how many: the filter's choices. */
  groups: z.array(
    z.object({
      planId: z.number().int(),
      planNumber: z.string(),
      periodKey: z.string(),
      count: z.number().int(),
    }),
  ),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePage>;

/** Accept several submitted reports at once: all of them, or none. */
export const acceptReportsBody = z.object({
  reports: z
    .array(
      z.object({
        planId: id,
        reportId: id,
        version: id,
      }),
    )
    .min(1)
    .max(200),
});
export const acceptReportsResult = z.object({ accepted: z.number().int() });

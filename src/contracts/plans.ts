import { z } from 'zod';
import { isoDate, optionalText } from './common.ts';

/** kế hoạch / hướng dẫn / chương trình / công văn */
export const planKind = z.enum(['plan', 'guidance', 'programme', 'official_letter']);
export const periodType = z.enum(['once', 'monthly', 'quarterly', 'half_yearly', 'yearly']);
/**
 * count and sum add up; ratio carries a numerator and a denominator (the share is a ratio of sums);
 * yes_no says whether a unit acted (coverage = share of units that did).
 */
export const indicatorKind = z.enum(['count', 'sum', 'ratio', 'yes_no']);

export const indicatorInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, _ . -'),
  name: z.string().trim().min(2).max(300),
  unit: z.string().trim().max(50).default(''),
  kind: indicatorKind,
  numeratorLabel: optionalText(100),
  denominatorLabel: optionalText(100),
  /** "reach or exceed 105% of the quota": achievement is judged against this share of the target. */
  goalPercent: z.number().min(1).max(1000).default(100),
});

export const createPlanBody = z
  .object({
    issuerOrgId: z.number().int().positive(),
    kind: planKind,
    /** Number and symbol as the office writes it, e.g. 45/HD-LĐLĐ. */
    number: z.string().trim().min(1).max(60),
    title: z.string().trim().min(3).max(500),
    issuedOn: isoDate,
    periodStart: isoDate,
    periodEnd: isoDate,
    legalBases: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    implementsPlanId: z.number().int().positive().nullish(),
    objectives: optionalText(5000),
    reportPeriodType: periodType,
    /** For a one-off report: its due date. For periodic reports: days after each period's end. */
    reportDueOn: isoDate.nullish(),
    reportDueDays: z.number().int().min(0).max(365).default(10),
    reporterOrgIds: z.array(z.number().int().positive()).max(5000).default([]),
    copyOrgIds: z.array(z.number().int().positive()).max(200).default([]),
    indicators: z.array(indicatorInput).min(1, 'Cần ít nhất một chỉ tiêu').max(100),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Ngày kết thúc trước ngày bắt đầu' });
    if (p.reportPeriodType === 'once' && !p.reportDueOn) {
      ctx.addIssue({ code: 'custom', path: ['reportDueOn'], message: 'Báo cáo một lần cần hạn nộp' });
    }
    const codes = new Set<string>();
    p.indicators.forEach((i, n) => {
      if (codes.has(i.code))
        ctx.addIssue({ code: 'custom', path: ['indicators', n, 'code'], message: `Mã ${i.code} bị trùng` });
      codes.add(i.code);
    });
  });

export const indicatorView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: indicatorKind,
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  goalPercent: z.number(),
});

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
  indicators: z.array(indicatorView),
  reporters: z.array(
    z.object({ orgId: z.number().int(), orgName: z.string(), role: z.enum(['reporter', 'copy']) }),
  ),
  version: z.number().int(),
});
export type PlanView = z.infer<typeof planView>;

/** Targets (chỉ tiêu) set by a parent for its units; the answer shows how the split adds up. */
export const setTargetsBody = z.object({
  indicatorId: z.number().int().positive(),
  targets: z
    .array(z.object({ orgId: z.number().int().positive(), value: z.number().min(0).max(1e12) }))
    .min(1)
    .max(5000),
});
export const targetSplit = z.object({
  indicatorId: z.number().int(),
  parentOrgId: z.number().int().nullable(),
  parentTarget: z.number().nullable(),
  childrenSum: z.number(),
  /** childrenSum − parentTarget for quotas; null where targets are floors or coverage shares. */
  difference: z.number().nullable(),
});

export const reportValueInput = z.object({
  indicatorId: z.number().int().positive(),
  value: z.number().min(0).max(1e12).nullish(),
  denominator: z.number().min(0).max(1e12).nullish(),
});
export const saveReportBody = z.object({
  orgId: z.number().int().positive(),
  periodKey: z.string().regex(/^(once|\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?)$/, 'Kỳ báo cáo không hợp lệ'),
  /** 0 for a new report; the current version otherwise (concurrent edits are refused, never merged). */
  version: z.number().int().min(0),
  values: z.array(reportValueInput).max(200),
  submit: z.boolean().default(false),
});
export const reviewReportBody = z.object({
  version: z.number().int().positive(),
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
    }),
  ),
  version: z.number().int(),
});
export type ReportView = z.infer<typeof reportView>;

export const dashboardQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  periodKey: z.string().default('once'),
});
const indicatorTotal = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: indicatorKind,
  value: z.number(),
  denominator: z.number().nullable(),
  /** value/denominator (ratio) or share of units answering yes (yes_no), in %. */
  percent: z.number().nullable(),
  target: z.number().nullable(),
  /** actual ÷ (target × goal%) in %, for quotas; percent ÷ target for floors and coverage. */
  achievementPercent: z.number().nullable(),
});
export const dashboardView = z.object({
  orgId: z.number().int(),
  periodKey: z.string(),
  dueOn: z.string(),
  totals: z.array(indicatorTotal),
  completeness: z.object({
    expected: z.number().int(),
    reported: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
  }),
  children: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      expected: z.number().int(),
      reported: z.number().int(),
      totals: z.array(indicatorTotal),
    }),
  ),
  behind: z.array(
    z.object({ orgId: z.number().int(), orgName: z.string(), timeliness: z.enum(['late', 'missing']) }),
  ),
});
export type DashboardView = z.infer<typeof dashboardView>;

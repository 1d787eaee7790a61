/** Indicators (chỉ tiêu) of a plan, their targets per unit, and the sources that pre-fill them. */
import { z } from 'zod';
import { commonIssues, id, idText, optionalText } from '../common.ts';
import { planIssues } from './issues.ts';

/**
 * count and sum add up; ratio carries a numerator and a denominator (the share is a ratio of sums);
 * yes_no says whether a unit acted (coverage = share of units that did).
 */
export const indicatorKind = z.enum(['count', 'sum', 'ratio', 'yes_no']);

export const indicatorInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .regex(/^[A-Za-z0-9_.-]+$/, commonIssues.code_chars),
    name: z.string().trim().min(2).max(300),
    unit: z.string().trim().max(50).default(''),
    kind: indicatorKind,
    numeratorLabel: optionalText(100),
    denominatorLabel: optionalText(100),
    /** "reach or exceed 105% of the quota": achievement is judged against this share of the target. */
    goalPercent: z.number().min(1).max(1000).default(100),
    /** Key of a registered indicator source (GET /api/indicator-sources) that pre-fills the value from records. */
    source: z.string().trim().max(60).nullish(),
    /** Bounds of a reported value, when the plan sets them. */
    minValue: z.number().min(0).max(1e12).nullish(),
    maxValue: z.number().min(0).max(1e12).nullish(),
    /** Disaggregation, e.g. { label: 'Giới tính', categories: [{code:'NAM',label:'Nam'},{code:'NU',label:'Nữ'}] }. */
    breakdown: z
      .object({
        label: z.string().trim().min(1).max(60),
        categories: z
          .array(
            z.object({
              code: z
                .string()
                .trim()
                .min(1)
                .max(20)
                .regex(/^[A-Za-z0-9_]+$/),
              label: z.string().trim().min(1).max(60),
            }),
          )
          .min(2)
          .max(12),
      })
      .nullish(),
  })
  .superRefine((i, ctx) => {
    if (i.minValue != null && i.maxValue != null && i.minValue > i.maxValue)
      ctx.addIssue({ code: 'custom', path: ['maxValue'], message: planIssues.max_below_min });
    if (i.breakdown && i.kind === 'yes_no')
      ctx.addIssue({ code: 'custom', path: ['breakdown'], message: planIssues.yes_no_no_breakdown });
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
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  source: z.string().nullable(),
  breakdown: z
    .object({ label: z.string(), categories: z.array(z.object({ code: z.string(), label: z.string() })) })
    .nullable(),
});

/** Targets (chỉ tiêu) set by a parent for its units; the answer shows how the split adds up. */
export const setTargetsBody = z.object({
  indicatorId: id,
  /** `*` (every period, the default) or one period key that overrides it. */
  periodKey: z.string().default('*'),
  targets: z
    .array(z.object({ orgId: id, value: z.number().min(0).max(1e12) }))
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

/** Targets of one parent's units for one period: the cascade table (the parent's own row first). */
export const targetsQuery = z.object({
  parentOrgId: idText,
  periodKey: z.string().default('*'),
});
export const targetTableView = z.object({
  periodKey: z.string(),
  /** The grid's columns in order: headed by the name, the code as a hint. */
  indicators: z.array(
    indicatorView.pick({ id: true, code: true, name: true, unit: true, kind: true, goalPercent: true }),
  ),
  parent: z.object({
    orgId: z.number().int(),
    orgName: z.string(),
    targets: z.record(z.string(), z.number()),
  }),
  children: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      isReporter: z.boolean(),
      hasChildren: z.boolean(),
      targets: z.record(z.string(), z.number()),
    }),
  ),
  /** Per indicator id: the children's sum and, for quotas, sum − parent target. */
  splits: z.array(targetSplit),
  can: z.object({ edit: z.boolean() }),
});

export const indicatorSourceView = z.object({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kinds: z.array(indicatorKind),
});

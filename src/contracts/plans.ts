import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';

/** kế hoạch / hướng dẫn / chương trình / công văn */
export const planKind = z.enum(['plan', 'guidance', 'programme', 'official_letter']);
export const periodType = z.enum(['once', 'monthly', 'quarterly', 'half_yearly', 'yearly']);
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
      .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, _ . -'),
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
      ctx.addIssue({ code: 'custom', path: ['maxValue'], message: 'Giá trị tối đa nhỏ hơn tối thiểu' });
    if (i.breakdown && i.kind === 'yes_no')
      ctx.addIssue({ code: 'custom', path: ['breakdown'], message: 'Chỉ tiêu có/không không phân tổ' });
  });

export const activityType = z.enum([
  'communication',
  'training',
  'inspection',
  'campaign_event',
  'visit',
  'contest',
  'commendation',
  'other',
]);
/** Planned outputs people count: events, participants, materials, articles, people reached… */
export const outputMetric = z.enum([
  'events',
  'participants',
  'materials',
  'articles',
  'people_reached',
  'units_covered',
  'money',
  'other',
]);
export const activityInput = z
  .object({
    type: activityType,
    title: z.string().trim().min(3).max(500),
    /** Chủ trì: any organisation, also outside the issuer's tree (the Red Cross leading a union's event). */
    leadOrgId: z.number().int().positive().nullish(),
    /** Phối hợp. */
    partnerOrgIds: z.array(z.number().int().positive()).max(50).default([]),
    startsOn: isoDate.nullish(),
    endsOn: isoDate.nullish(),
    notes: optionalText(2000),
    outputs: z
      .array(z.object({ metric: outputMetric, planned: z.number().min(0).max(1e12).nullish() }))
      .max(8)
      .default([]),
  })
  .superRefine((a, ctx) => {
    if (a.startsOn && a.endsOn && a.endsOn < a.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Ngày kết thúc trước ngày bắt đầu' });
    const seen = new Set<string>();
    a.outputs.forEach((o, n) => {
      if (seen.has(o.metric))
        ctx.addIssue({ code: 'custom', path: ['outputs', n, 'metric'], message: 'Kết quả đầu ra bị trùng' });
      seen.add(o.metric);
    });
  });
export const activityView = z.object({
  id: z.number().int(),
  type: activityType,
  title: z.string(),
  leadOrgId: z.number().int().nullable(),
  leadOrgName: z.string().nullable(),
  partners: z.array(z.object({ orgId: z.number().int(), orgName: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  notes: z.string().nullable(),
  outputs: z.array(
    z.object({
      metric: outputMetric,
      planned: z.number().nullable(),
      actual: z.number().nullable(),
      reportedAt: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
});
export type ActivityView = z.infer<typeof activityView>;
export const activityActualsBody = z.object({
  version: z.number().int().positive(),
  outputs: z.array(z.object({ metric: outputMetric, actual: z.number().min(0).max(1e12).nullable() })).min(1),
});

const orgIds = (max: number) => z.array(z.number().int().positive()).max(max);

/** What a plan says besides its recipients: shared by drafting a plan and editing a draft. */
const planFieldsBody = z.object({
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
  /** Days after the due date when the form closes to late submissions; null keeps it open. */
  reportLockDays: z.number().int().min(0).max(365).nullish(),
  indicators: z.array(indicatorInput).min(1, 'Cần ít nhất một chỉ tiêu').max(100),
  activities: z.array(activityInput).max(100).default([]),
});

function checkPlanFields(p: z.output<typeof planFieldsBody>, ctx: z.RefinementCtx) {
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
    version: z.number().int().positive(),
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
        message: 'Gửi cả danh sách nơi nhận hoặc phần thêm, bớt — không gửi cả hai',
      });
  });

/**
 * Amending an issued plan (sửa đổi, bổ sung): a dated revision that says why and under which document, and
 * changes only what may change once units are reporting — indicators and recipients are only added
 * (an organisation already on the plan is skipped; a copy recipient asked to report becomes a reporter).
 */
export const amendPlanBody = z.object({
  version: z.number().int().positive(),
  revisedOn: isoDate,
  documentNumber: optionalText(60),
  reason: z.string().trim().min(5, 'Cần ghi lý do điều chỉnh').max(2000),
  title: z.string().trim().min(3).max(500).optional(),
  periodEnd: isoDate.optional(),
  objectives: optionalText(5000),
  reportDueOn: isoDate.nullish(),
  reportDueDays: z.number().int().min(0).max(365).optional(),
  reportLockDays: z.number().int().min(0).max(365).nullish(),
  addReporterOrgIds: z.array(z.number().int().positive()).max(5000).default([]),
  addCopyOrgIds: z.array(z.number().int().positive()).max(200).default([]),
  addIndicators: z.array(indicatorInput).max(50).default([]),
});

/** A recipient issues its own implementing plan, inheriting indicators, reporting and its assigned targets. */
export const implementPlanBody = z.object({ issuerOrgId: z.number().int().positive() });

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

export const recipientRole = z.enum(['reporter', 'copy']);
export const recipientItem = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  /** The organisation's parent, to tell apart units of the same name. */
  parentName: z.string().nullable(),
  role: recipientRole,
  /** Set when an amendment added it: it reports for the periods due from that day. */
  addedOn: z.string().nullable(),
});
export type RecipientItem = z.infer<typeof recipientItem>;
/** A plan's recipients, a page at a time: by role, by name without diacritics, or those the caller may act for. */
export const recipientsQuery = pageQuery.extend({
  role: recipientRole.optional(),
  q: z.string().trim().max(100).optional(),
  /** report: units the caller may report for; implement: those it may issue an implementing plan as. */
  can: z.enum(['report', 'implement']).optional(),
});
export const recipientsPage = pageOf(recipientItem);
export type RecipientsPage = z.infer<typeof recipientsPage>;

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

/** Targets (chỉ tiêu) set by a parent for its units; the answer shows how the split adds up. */
export const setTargetsBody = z.object({
  indicatorId: z.number().int().positive(),
  /** `*` (every period, the default) or one period key that overrides it. */
  periodKey: z.string().default('*'),
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

/** Targets of one parent's units for one period: the cascade table (the parent's own row first). */
export const targetsQuery = z.object({
  parentOrgId: z.coerce.number().int().positive(),
  periodKey: z.string().default('*'),
});
export const targetTableView = z.object({
  periodKey: z.string(),
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
  canEdit: z.boolean(),
});

export const reportValueInput = z.object({
  indicatorId: z.number().int().positive(),
  value: z.number().min(0).max(1e12).nullish(),
  denominator: z.number().min(0).max(1e12).nullish(),
  /** Disaggregated values that must add up to `value`. */
  breakdown: z
    .array(z.object({ category: z.string().min(1).max(20), value: z.number().min(0).max(1e12) }))
    .max(12)
    .nullish(),
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
  orgId: z.coerce.number().int().positive(),
  periodKey: z.string(),
});
export const reportFormView = reportView.extend({
  id: z.number().int().nullable(),
  /** Indicators whose value was computed from records (indicator sources), for the unit to confirm. */
  prefilled: z.array(z.number().int()),
});

export const indicatorSourceView = z.object({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kinds: z.array(indicatorKind),
});

export const reportStatus = z.enum(['none', 'draft', 'submitted', 'accepted', 'returned']);
export const timelinessValue = z.enum(['on_time', 'late', 'missing', 'pending']);
/**
 * The reviewer's queue: the expected reporters under an organisation (the issuer, or one of its lines) for
 * a period with their report's state, a page at a time; filtered by state, timeliness and name.
 */
export const reportListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive(),
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
const behindUnit = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  /** The child line of the dashboard's organisation the unit is under; null when it is that line or the organisation. */
  lineName: z.string().nullable(),
  timeliness: z.enum(['late', 'missing']),
});
const lineTotal = indicatorTotal.omit({ code: true, name: true, kind: true });
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
      /** The line's figures per indicator; code, name and kind are those of `totals` (not repeated per line). */
      totals: z.array(lineTotal),
    }),
  ),
  /** The first late or missing units by name (at most 50); `behindTotal` says how many there are. */
  behind: z.array(behindUnit),
  behindTotal: z.number().int(),
  /** Disaggregated totals of counted reports in the subtree, per indicator with a breakdown. */
  breakdowns: z.array(
    z.object({
      indicatorId: z.number().int(),
      label: z.string(),
      categories: z.array(z.object({ code: z.string(), label: z.string(), value: z.number() })),
    }),
  ),
  /** First submissions per Vietnamese calendar day in the subtree, for the submissions-over-time chart. */
  submissions: z.array(z.object({ day: z.string(), onTime: z.number().int(), late: z.number().int() })),
  /** Whether the org itself is a reporter (a leaf to drill into its form). */
  isReporter: z.boolean(),
  reportId: z.number().int().nullable(),
});
export type DashboardView = z.infer<typeof dashboardView>;
export const dashboardBehindQuery = dashboardQuery.extend(pageQuery.shape);
export const dashboardBehindPage = pageOf(behindUnit);
export type DashboardBehindPage = z.infer<typeof dashboardBehindPage>;

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../orgs/orgs.tables.ts';

/** The foreign keys the plan tables repeat: a row of a plan (indicator, report, activity) goes with it. */
const planRef = () =>
  integer('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' });
const indicatorRef = () =>
  integer('indicator_id')
    .notNull()
    .references(() => planIndicators.id, { onDelete: 'cascade' });
const reportRef = () =>
  integer('report_id')
    .notNull()
    .references(() => planReports.id, { onDelete: 'cascade' });
const activityRef = () =>
  integer('activity_id')
    .notNull()
    .references(() => planActivities.id, { onDelete: 'cascade' });
const orgRef = () =>
  integer('org_id')
    .notNull()
    .references(() => organisations.id);

/** A kế hoạch / hướng dẫn / chương trình / công văn issued by an organisation to its units. */
export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    issuerOrgId: integer('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The issuer's path when issued: roll-ups stop here; scope checks read it. */
    issuerPath: ltree('issuer_path').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    legalBases: text('legal_bases').array().notNull().default(sql`'{}'`),
    implementsPlanId: integer('implements_plan_id'),
    objectives: text('objectives'),
    status: text('status', { enum: ['draft', 'issued', 'closed'] })
      .notNull()
      .default('draft'),
    reportPeriodType: text('report_period_type').notNull(),
    reportDueOn: date('report_due_on', { mode: 'string' }),
    reportDueDays: integer('report_due_days').notNull().default(10),
    /** Days after the due date when the form closes to late submissions (null: never). */
    reportLockDays: integer('report_lock_days'),
    /** Dated revisions (sửa đổi, bổ sung) of an issued plan; 0 while never amended. */
    revision: integer('revision').notNull().default(0),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('plans_issuer_path_gist').using('gist', t.issuerPath)],
);

export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: planRef(),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    kind: text('kind', { enum: ['count', 'sum', 'ratio', 'yes_no'] }).notNull(),
    numeratorLabel: text('numerator_label'),
    denominatorLabel: text('denominator_label'),
    goalPercent: numeric('goal_percent', { mode: 'number' }).notNull().default(100),
    /** Validation bounds of the reported value (min/max), when the plan sets them. */
    minValue: numeric('min_value', { mode: 'number' }),
    maxValue: numeric('max_value', { mode: 'number' }),
    /** Disaggregation (e.g. sex: Nam/Nữ): the categories whose values must add up to the reported value. */
    breakdownLabel: text('breakdown_label'),
    breakdownCategories: jsonb('breakdown_categories').$type<{ code: string; label: string }[]>(),
    /** A registered indicator source (see indicator-sources.ts) that fills the value from records. */
    source: text('source'),
  },
  (t) => [uniqueIndex('plan_indicators_code_uq').on(t.planId, t.code)],
);

/** Who must report (reporter) and who receives a copy for information (copy), inside or outside the tree. */
export const planRecipients = pgTable(
  'plan_recipients',
  {
    planId: planRef(),
    orgId: orgRef(),
    orgPath: ltree('org_path').notNull(),
    role: text('role', { enum: ['reporter', 'copy'] }).notNull(),
    /** Set when an amendment added the recipient: it is expected to report for periods due from that day. */
    addedOn: date('added_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.orgId] }),
    index('plan_recipients_path_gist').using('gist', t.orgPath),
  ],
);

/** Chỉ tiêu: the target a parent assigns to one organisation for one indicator. */
export const planTargets = pgTable(
  'plan_targets',
  {
    indicatorId: indicatorRef(),
    orgId: orgRef(),
    /** `*` applies to every reporting period; a period key (e.g. `2024`) overrides it for that period. */
    periodKey: text('period_key').notNull().default('*'),
    value: numeric('value', { mode: 'number' }).notNull(),
    setBy: integer('set_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.orgId, t.periodKey] }),
    // A dashboard reads the targets of a few organisations: without it, every target of every plan.
    index('plan_targets_org_idx').on(t.orgId),
  ],
);

export const planReports = pgTable(
  'plan_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: planRef(),
    orgId: orgRef(),
    orgPath: ltree('org_path').notNull(),
    periodKey: text('period_key').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'accepted', 'returned'] }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The first submission decides timeliness: a corrected report does not become late. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by'),
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plan_reports_uq').on(t.planId, t.orgId, t.periodKey),
    // One period's reports of a plan (dashboards, completeness) without reading the other periods.
    index('plan_reports_period_idx').on(t.planId, t.periodKey),
    index('plan_reports_path_gist').using('gist', t.orgPath),
  ],
);

export const planReportValues = pgTable(
  'plan_report_values',
  {
    reportId: reportRef(),
    indicatorId: indicatorRef(),
    value: numeric('value', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] })],
);

/**
 * Totals of counted reports (submitted or accepted) for every organisation between a reporter and the
 * issuer, kept in the same transaction as the submission: dashboards read one row, never re-aggregate.
 */
export const planRollups = pgTable(
  'plan_rollups',
  {
    planId: planRef(),
    indicatorId: indicatorRef(),
    periodKey: text('period_key').notNull(),
    orgId: orgRef(),
    value: numeric('value', { mode: 'number' }).notNull().default(0),
    denominator: numeric('denominator', { mode: 'number' }).notNull().default(0),
    yesCount: integer('yes_count').notNull().default(0),
    reports: integer('reports').notNull().default(0),
  },
  // Key order follows the reads: a dashboard asks for one plan × period × a set of organisations (all
  // indicators); the upsert's ON CONFLICT names the same columns, so no second index is maintained.
  (t) => [primaryKey({ columns: [t.planId, t.periodKey, t.orgId, t.indicatorId] })],
);

/** One category's share of a disaggregated value (e.g. the women among the trained). */
export const planReportBreakdowns = pgTable(
  'plan_report_breakdowns',
  {
    reportId: reportRef(),
    indicatorId: indicatorRef(),
    category: text('category').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId, t.category] })],
);

/** A dated revision (sửa đổi, bổ sung) of an issued plan: what changed, why, under which document. */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: planRef(),
    revision: integer('revision').notNull(),
    revisedOn: date('revised_on', { mode: 'string' }).notNull(),
    documentNumber: text('document_number'),
    reason: text('reason').notNull(),
    changes: jsonb('changes').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('plan_revisions_uq').on(t.planId, t.revision)],
);

/** Activities of a plan: what is done, led by whom (chủ trì) with whom (phối hợp), and its outputs. */
export const planActivities = pgTable(
  'plan_activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: planRef(),
    position: integer('position').notNull(),
    type: text('type', {
      enum: [
        'communication',
        'training',
        'inspection',
        'campaign_event',
        'visit',
        'contest',
        'commendation',
        'other',
      ],
    }).notNull(),
    title: text('title').notNull(),
    leadOrgId: integer('lead_org_id').references(() => organisations.id),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [index('plan_activities_plan_idx').on(t.planId, t.position)],
);

export const planActivityPartners = pgTable(
  'plan_activity_partners',
  {
    activityId: activityRef(),
    orgId: orgRef(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.orgId] })],
);

/** Planned outputs of an activity (events, participants, materials…) and the actuals reported for them. */
export const planActivityOutputs = pgTable(
  'plan_activity_outputs',
  {
    activityId: activityRef(),
    metric: text('metric').notNull(),
    planned: numeric('planned', { mode: 'number' }),
    actual: numeric('actual', { mode: 'number' }),
    reportedBy: integer('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.metric] })],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Files attached to a plan, kept in the database so that a restart or a second instance never loses one. */
export const planAttachments = pgTable(
  'plan_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: planRef(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    removed: boolean('removed').notNull().default(false),
    uploadedBy: integer('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('plan_attachments_plan_idx').on(t.planId)],
);

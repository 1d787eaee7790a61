/** An enterprise's compliance (who must train, who is due) and the provider's reach. */
import { z } from 'zod';
import { filterDate, intText, optionalText } from '../common.ts';
import { id } from './fields.ts';
import { trainingIssues } from './issues.ts';

// ——— Compliance and reach ———

export const enterpriseComplianceQuery = z.object({
  /** What-if headcount for the TT 19/2016 first-aider rule (default: the enterprise's latest declared headcount). */
  headcount: intText(0, 1_000_000).optional(),
  /** What-if: strict-OSH jobs (nghề, công việc có yêu cầu nghiêm ngặt về ATVSLĐ); default: the declaration. */
  strict: z.enum(['true', 'false']).optional(),
  /**
   * Courses every worker must hold (comma-separated codes; default SCC_NLD — TT 19/2016 — and ATVSLD_N4 —
   * NĐ 44/2016 group 4). A workplace first-aid or OSH requirement is met by any course of that family
   * (a first-aider's 16 h course covers the workers' 4 h; an OSH group 3 card covers group 4).
   */
  courses: z.string().max(500).optional(),
  days: intText(1, 366).default(60),
});
export const dueItem = z.object({
  personId: id,
  fullName: z.string(),
  employerOrgId: id,
  employerName: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  reason: z.enum(['never_trained', 'expired', 'expiring']),
  /** initial training, or a refresher of a course held */
  kind: z.enum(['initial', 'refresher']),
  /** Hours of the training due: the course's hours, or its refresher hours. */
  hours: z.number(),
  validUntil: z.string().nullable(),
  legalSource: z.string(),
});
const firstAidersView = z.object({
  headcount: z.number(),
  /** Where the headcount comes from: the query (what-if), the enterprise's declaration, or its people in the registry. */
  headcountSource: z.enum(['query', 'declared', 'registry']),
  headcountAsOf: z.string().nullable(),
  strict: z.boolean(),
  required: z.number(),
  have: z.number(),
  shortfall: z.number(),
  legalSource: z.string(),
});
export const enterpriseComplianceView = z.object({
  orgId: id,
  orgName: z.string(),
  today: z.string(),
  until: z.string(),
  due: z.array(dueItem),
  firstAiders: firstAidersView,
  /** Each employer in the organisation's subtree (an industrial-park board sees its enterprises). */
  units: z.array(
    z.object({
      orgId: id,
      orgName: z.string(),
      workersInRegistry: z.number(),
      due: z.number(),
      firstAiders: firstAidersView,
    }),
  ),
});

export const workforceBody = z.object({
  orgId: id,
  asOf: filterDate,
  workers: z.number().int().min(0).max(1_000_000),
  strictOsh: z.boolean().default(false),
  note: optionalText(500),
});
export const workforceView = z.object({
  id,
  orgId: id,
  asOf: z.string(),
  workers: z.number(),
  strictOsh: z.boolean(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});

export const reachQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, trainingIssues.month_format)
    .optional(),
});
const reachFigures = {
  classes: z.number(),
  learnersEnrolled: z.number(),
  learnersTrained: z.number(),
  passed: z.number(),
  certified: z.number(),
  /** passed / (passed + failed), 0–1; null before any result. */
  passRate: z.number().nullable(),
  /** Σ price per learner × enrolled (VND) */
  revenue: z.number(),
};
export const reachView = z.object({
  orgId: id,
  orgName: z.string(),
  month: z.string(),
  ...reachFigures,
  /** The same figures for each direct unit with classes in the month (the roll-up's first level). */
  units: z.array(z.object({ orgId: id, orgName: z.string(), ...reachFigures })),
});

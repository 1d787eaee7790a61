/** The dashboard: totals, completeness and the units behind, for an organisation and a period. */
import { z } from 'zod';
import { idText, pageOf, pageQuery } from '../common.ts';
import { indicatorKind } from './indicators.ts';

export const dashboardQuery = z.object({
  orgId: idText,
  periodKey: z.string().default('once'),
});
const indicatorTotal = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: indicatorKind,
  /** Achievement of a quota is judged on target × goal% ("reach or exceed the quota by 5%": 105). */
  goalPercent: z.number(),
  /** null: nobody under the organisation has a counted report (missing, shown "—"), never 0. */
  value: z.number().nullable(),
  denominator: z.number().nullable(),
  /** value/denominator (ratio) or share of units answering yes (yes_no), in %. */
  percent: z.number().nullable(),
  /**
   * The target that applies: the organisation's own (`assigned`, giao trực tiếp), or for a floor or coverage
   * share (ratio, yes_no) the nearest one set above it within the plan (`all_units`, áp dụng cho mọi đơn vị).
   */
  target: z.number().nullable(),
  targetSource: z.enum(['assigned', 'all_units']).nullable(),
  /** A floor or coverage share (ratio, yes_no) that has a value under its target. */
  isBelowFloor: z.boolean(),
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
const lineTotal = indicatorTotal.omit({ code: true, name: true, kind: true, goalPercent: true });
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

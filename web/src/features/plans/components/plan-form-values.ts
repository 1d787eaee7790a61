import type { PlanView } from '@contracts/plans.ts';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { type ActivityValues, activityBodyOf, activityValuesOf } from './activity-fields.tsx';
import { type IndicatorValues, newIndicator } from './indicators-editor.tsx';

export type Values = {
  issuerOrgId?: number;
  /** Kept as it is (an implementing plan's link to the plan it implements). */
  implementsPlanId?: number | null;
  kind?: PlanView['kind'];
  number?: string;
  title?: string;
  issuedOn?: Dayjs;
  periodStart?: Dayjs;
  periodEnd?: Dayjs;
  legalBases?: string[];
  objectives?: string | null;
  reportPeriodType?: PlanView['reportPeriodType'];
  reportDueOn?: Dayjs | null;
  reportDueDays?: number | null;
  reportLockDays?: number | null;
  /** A new plan: its recipients whole. */
  reporterOrgIds?: number[];
  copyOrgIds?: number[];
  /** A draft being edited: what is added and removed (it may be sent to thousands of units). */
  addReporterOrgIds?: number[];
  addCopyOrgIds?: number[];
  removeRecipientOrgIds?: number[];
  indicators?: IndicatorValues[];
  activities?: ActivityValues[];
};

/** Blank optional inputs come back as null; the contract reads "not given" as undefined. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object' && !dayjs.isDayjs(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])),
    );
  }
  return value;
}

export function initialValues(plan: PlanView | undefined, issuerOrgId: number | undefined): Values {
  if (!plan) {
    return {
      issuerOrgId,
      kind: 'plan',
      issuedOn: dayjs(),
      legalBases: [],
      reportPeriodType: 'once',
      reportDueDays: 10,
      reporterOrgIds: [],
      copyOrgIds: [],
      indicators: [{ ...newIndicator }],
      activities: [],
    };
  }
  return {
    issuerOrgId: plan.issuerOrgId,
    implementsPlanId: plan.implementsPlanId,
    kind: plan.kind,
    number: plan.number,
    title: plan.title,
    issuedOn: fromIsoDate(plan.issuedOn),
    periodStart: fromIsoDate(plan.periodStart),
    periodEnd: fromIsoDate(plan.periodEnd),
    legalBases: plan.legalBases,
    objectives: plan.objectives,
    reportPeriodType: plan.reportPeriodType,
    reportDueOn: fromIsoDate(plan.reportDueOn),
    reportDueDays: plan.reportDueDays,
    reportLockDays: plan.reportLockDays,
    addReporterOrgIds: [],
    addCopyOrgIds: [],
    removeRecipientOrgIds: [],
    indicators: plan.indicators.map(({ id: _id, ...i }) => i),
    activities: plan.activities.map(activityValuesOf),
  };
}

/** The body: a new plan's recipients whole, a draft's as what is added and removed. */
export function bodyFrom(v: Values, isEdit: boolean) {
  const recipients = isEdit
    ? {
        addReporterOrgIds: v.addReporterOrgIds ?? [],
        addCopyOrgIds: v.addCopyOrgIds ?? [],
        removeRecipientOrgIds: v.removeRecipientOrgIds ?? [],
      }
    : { reporterOrgIds: v.reporterOrgIds ?? [], copyOrgIds: v.copyOrgIds ?? [] };
  const {
    reporterOrgIds: _r,
    copyOrgIds: _c,
    addReporterOrgIds: _ar,
    addCopyOrgIds: _ac,
    removeRecipientOrgIds: _rm,
    ...fields
  } = v;
  return withoutNulls({
    ...fields,
    ...recipients,
    issuedOn: toIsoDate(v.issuedOn),
    periodStart: toIsoDate(v.periodStart),
    periodEnd: toIsoDate(v.periodEnd),
    reportDueOn: toIsoDate(v.reportDueOn),
    legalBases: v.legalBases ?? [],
    indicators: v.indicators ?? [],
    activities: (v.activities ?? []).map(activityBodyOf),
  }) as Record<string, unknown>;
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../app/i18n/keys.ts';
import { useFormatNumber } from '../../../app/numbers.ts';
import type { Course } from '../api/catalogue.ts';
import type { Certificate } from '../api/certificates.ts';
import type { ClassStatus, Enrolment } from '../api/classes.ts';
import type { RequestStatus } from '../api/requests.ts';

/** The course's name in the reader's language. */
export function useCourseName(): (c: Pick<Course, 'nameVi' | 'nameEn'>) => string {
  const { i18n } = useTranslation();
  return (c) => (i18n.language === 'en' ? c.nameEn : c.nameVi);
}

/** Amounts are Vietnamese đồng, whole numbers. */
export function useMoney(): (value: number | null | undefined) => string {
  const fmt = useFormatNumber();
  return (value) => (value === null || value === undefined ? '' : `${fmt(value, 0)} ₫`);
}

const requestColor = {
  requested: 'gold',
  accepted: 'blue',
  scheduled: 'green',
  declined: 'red',
  done: 'purple',
  withdrawn: 'default',
} as const;

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={requestColor[status]}>{t(`training.requestStatus.${status}`)}</Tag>;
}

const classColor = {
  planned: 'default',
  open: 'blue',
  in_progress: 'processing',
  completed: 'green',
  cancelled: 'red',
} as const;

export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const { t } = useTranslation();
  return <Tag color={classColor[status]}>{t(`training.classStatus.${status}`)}</Tag>;
}

const outcomeColor = { pass: 'green', fail: 'red', no_show: 'default', left_early: 'orange' } as const;

export function OutcomeTag({ outcome }: { outcome: Enrolment['outcome'] }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return <Tag color={outcomeColor[outcome]}>{t(`training.outcome.${outcome}`)}</Tag>;
}

const certificateColor = { valid: 'green', expired: 'orange', revoked: 'red', replaced: 'default' } as const;

export function CertificateStateTag({ state }: { state: Certificate['state'] }) {
  const { t } = useTranslation();
  return <Tag color={certificateColor[state]}>{t(`training.certificateState.${state}`)}</Tag>;
}

/** "4 giờ" / "24 tiết (18 giờ)": Red Cross courses count periods of 45 minutes. */
export function useCourseLength(): (c: Pick<Course, 'periods' | 'hours'>) => string {
  const { t } = useTranslation();
  return (c) =>
    c.periods
      ? t('training.courses.periodsHours', { periods: c.periods, hours: c.hours })
      : t('training.courses.hoursOnly', { hours: c.hours });
}

/** A route's numeric id, or undefined for anything else (then the page is a 404). */
export function parseId(raw: string | undefined): number | undefined {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const familyOrder = ['red_cross_first_aid', 'workplace_first_aid', 'osh', 'custom'];

/**
 * Courses as people look for them: Red Cross first aid, workplace first aid, OSH, custom; within a family,
 * a course after the one it requires, then by length (OSH groups in their legal order).
 */
export function sortCourses<C extends Course>(list: C[]): C[] {
  const byCode = new Map(list.map((c) => [c.code, c]));
  const depth = (c: Course, seen = 0): number => {
    const before = c.prerequisiteCode ? byCode.get(c.prerequisiteCode) : undefined;
    return before && seen < 10 ? depth(before, seen + 1) + 1 : 0;
  };
  return [...list].sort(
    (a, b) =>
      familyOrder.indexOf(a.family) - familyOrder.indexOf(b.family) ||
      depth(a) - depth(b) ||
      (a.family === 'osh' ? 0 : a.hours - b.hours) ||
      a.code.localeCompare(b.code),
  );
}

/** Qualification keys the registry uses (first_aid_instructor…); anything else was typed in and shows as it is. */
export const qualificationKeys = [
  'first_aid_instructor',
  'first_aid_trainer',
  'physician',
  'osh_trainer',
] as const;

export function useQualification(): (value: string) => string {
  const { t } = useTranslation();
  return (value) =>
    (qualificationKeys as readonly string[]).includes(value)
      ? labelIn(t, 'training.trainers.qualifications', value)
      : value;
}

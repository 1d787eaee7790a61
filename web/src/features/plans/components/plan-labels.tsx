import '../plans.css';
import type { PlanView } from '@contracts/plans.ts';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReportStatus, Timeliness } from '../api/reports.ts';

const romans = ['I', 'II', 'III', 'IV'];

/** "once" → "Một lần", "2024-Q2" → "Quý II/2024", "2024-H1" → "6 tháng đầu năm 2024", "2024-05" → "Tháng 05/2024". */
export function periodLabel(t: TFunction, key: string): string {
  if (key === '*') return t('plans.periods.all');
  if (key === 'once') return t('plans.periods.once');
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$/.exec(key);
  if (!m) return key;
  const [, year, part] = m;
  if (!part) return t('plans.periods.year', { year });
  if (part.startsWith('Q')) return t('plans.periods.quarter', { q: romans[Number(part[1]) - 1], year });
  if (part === 'H1') return t('plans.periods.h1', { year });
  if (part === 'H2') return t('plans.periods.h2', { year });
  return t('plans.periods.month', { month: part, year });
}

export function usePeriodLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => periodLabel(t, key);
}

const planStatusColor = { draft: 'default', issued: 'green', closed: 'purple' } as const;

export function PlanStatusTag({ status }: { status: PlanView['status'] }) {
  const { t } = useTranslation();
  return <Tag color={planStatusColor[status]}>{t(`plans.status.${status}`)}</Tag>;
}

const reportStatusColor = {
  none: 'default',
  draft: 'processing',
  submitted: 'blue',
  accepted: 'green',
  returned: 'orange',
} as const;

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={reportStatusColor[status]}>{t(`plans.reportStatus.${status}`)}</Tag>;
}

const timelinessColor = { on_time: 'green', late: 'gold', missing: 'red', pending: 'default' } as const;

export function TimelinessTag({ value }: { value: Timeliness }) {
  const { t } = useTranslation();
  return <Tag color={timelinessColor[value]}>{t(`plans.timeliness.${value}`)}</Tag>;
}

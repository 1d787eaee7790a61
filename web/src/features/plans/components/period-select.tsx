import type { PlanView } from '@contracts/plans.ts';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../app/dates.ts';
import { usePeriodLabel } from './plan-labels.tsx';

/**
 * The period the plan opens on: the server's choice (the latest with a report waiting for the caller's
 * review, else the one under way), else the last one already due, else the first.
 */
export function defaultPeriod(plan: PlanView): string {
  if (plan.activePeriodKey) return plan.activePeriodKey;
  const today = todayIso();
  const due = plan.periods.filter((p) => p.dueOn <= today);
  return (due[due.length - 1] ?? plan.periods[0])?.key ?? 'once';
}

type Props = {
  plan: PlanView;
  value: string;
  onChange: (key: string) => void;
  /** Offer "every period" (targets that hold unless a period overrides them). */
  withAll?: boolean;
  label?: string;
};

export function PeriodSelect({ plan, value, onChange, withAll, label }: Props) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const keys = [...(withAll ? ['*'] : []), ...plan.periods.map((p) => p.key)];
  if (plan.periods.length <= 1 && !withAll) return null;
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      aria-label={label ?? t('plans.dashboard.period')}
      style={{ minWidth: 220 }}
      options={keys.map((k) => ({ value: k, label: periodLabel(k) }))}
    />
  );
}

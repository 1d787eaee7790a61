import type { DashboardView } from '@contracts/plans.ts';
import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatNumber, useFormatPercent } from '../../../app/numbers.ts';
import { chartColors } from './dashboard-charts.tsx';

export type Total = DashboardView['totals'][number];
type Figures = Pick<Total, 'kind' | 'value' | 'denominator' | 'percent'>;

/** What a missing figure reads as everywhere (web, XLSX, PDF): never a 0 that looks like a result. */
const MISSING = '—';

export const isFloorKind = (kind: Total['kind']) => kind === 'ratio' || kind === 'yes_no';

/** The goal a quota is judged on: 105% of a quota of 1,000 is 1,050. */
export const goalOf = (target: number, goalPercent: number) => Math.round(target * goalPercent) / 100;

/**
 * A figure as it reads: "—" when nobody has reported; a quota with a target against its goal
 * ("865 / 1.050 (105% của 1.000)"), so the achievement next to it explains itself.
 */
export function TotalValue({
  total: x,
  goal,
}: {
  total: Figures;
  /** The quota's target and goal %, when it has one. */
  goal?: { target: number | null; goalPercent: number };
}) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const pct = useFormatPercent();
  if (x.value === null) return <Typography.Text type="secondary">{MISSING}</Typography.Text>;
  if (x.kind === 'ratio')
    return (
      <>{`${fmt(x.value)} / ${fmt(x.denominator)}${x.percent !== null ? ` (${pct(x.percent)})` : ''}`}</>
    );
  if (x.kind === 'yes_no') return <>{x.percent !== null ? pct(x.percent) : MISSING}</>;
  if (!goal || goal.target === null || goal.target <= 0) return <>{fmt(x.value)}</>;
  const target = goal.target;
  const of =
    goal.goalPercent === 100
      ? ''
      : ` ${t('plans.dashboard.goalOf', { percent: goal.goalPercent, target: fmt(target) })}`;
  return <>{`${fmt(x.value)} / ${fmt(goalOf(target, goal.goalPercent))}${of}`}</>;
}

/** A target with where it comes from: set for this unit, or a floor that applies to every unit. */
export function TargetText({ total: x }: { total: Pick<Total, 'kind' | 'target' | 'targetSource'> }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const _pct = useFormatPercent();
  if (x.target === null)
    return <Typography.Text type="secondary">{t('plans.dashboard.noTarget')}</Typography.Text>;
  if (!isFloorKind(x.kind)) return <>{fmt(x.target)}</>;
  const value = fmt(x.target);
  return (
    <Space orientation="vertical" size={0}>
      <span>{t('plans.dashboard.floorValue', { value })}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {x.targetSource === 'all_units'
          ? t('plans.dashboard.floorAllUnits')
          : t('plans.dashboard.floorAssigned')}
      </Typography.Text>
    </Space>
  );
}

/** The mark of a unit whose share is under the floor that applies to it. */
export function BelowFloor({ total: x }: { total: Pick<Total, 'isBelowFloor' | 'target'> }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  if (!x.isBelowFloor) return null;
  return (
    <Tag color="error" style={{ marginInlineEnd: 0 }}>
      {t('plans.dashboard.belowFloor', { value: fmt(x.target) })}
    </Tag>
  );
}

export function Achievement({ percent }: { percent: number | null }) {
  const pct = useFormatPercent();
  if (percent === null) return <Typography.Text type="secondary">{MISSING}</Typography.Text>;
  return (
    <Progress
      percent={Math.min(percent, 100)}
      format={() => pct(percent)}
      strokeColor={percent >= 100 ? chartColors.reached : chartColors.below}
      size="small"
      style={{ minWidth: 140, margin: 0 }}
    />
  );
}

import type { DashboardView } from '@contracts/plans.ts';
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chartColors } from './dashboard-charts.tsx';
import { formatNumber } from './plan-labels.tsx';

export type Total = DashboardView['totals'][number];

export function TotalValue({
  total: x,
}: {
  total: Pick<Total, 'kind' | 'value' | 'denominator' | 'percent'>;
}) {
  const { i18n } = useTranslation();
  const fmt = (n: number | null) => formatNumber(n, i18n.language);
  if (x.kind === 'ratio')
    return (
      <>{`${fmt(x.value)} / ${fmt(x.denominator)}${x.percent !== null ? ` (${fmt(x.percent)}%)` : ''}`}</>
    );
  if (x.kind === 'yes_no') return <>{x.percent !== null ? `${fmt(x.percent)}%` : '—'}</>;
  return <>{fmt(x.value)}</>;
}

export function Achievement({ percent }: { percent: number | null }) {
  if (percent === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Progress
      percent={Math.min(percent, 100)}
      format={() => `${percent}%`}
      strokeColor={percent >= 100 ? chartColors.reached : chartColors.below}
      size="small"
      style={{ minWidth: 140, margin: 0 }}
    />
  );
}

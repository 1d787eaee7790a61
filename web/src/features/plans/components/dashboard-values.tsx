import type { DashboardView } from '@contracts/plans.ts';
import { Progress, Typography } from 'antd';
import { useFormatNumber, useFormatPercent } from '../../../app/numbers.ts';
import { chartColors } from './dashboard-charts.tsx';

export type Total = DashboardView['totals'][number];

export function TotalValue({
  total: x,
}: {
  total: Pick<Total, 'kind' | 'value' | 'denominator' | 'percent'>;
}) {
  const fmt = useFormatNumber();
  const pct = useFormatPercent();
  if (x.kind === 'ratio')
    return (
      <>{`${fmt(x.value)} / ${fmt(x.denominator)}${x.percent !== null ? ` (${pct(x.percent)})` : ''}`}</>
    );
  if (x.kind === 'yes_no') return <>{x.percent !== null ? pct(x.percent) : '—'}</>;
  return <>{fmt(x.value)}</>;
}

export function Achievement({ percent }: { percent: number | null }) {
  const pct = useFormatPercent();
  if (percent === null) return <Typography.Text type="secondary">—</Typography.Text>;
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

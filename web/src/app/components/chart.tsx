import type { ReactElement } from 'react';
import { Bar, ResponsiveContainer } from 'recharts';

/**
 * A chart as a screen reader meets it: one image whose label says what the chart shows, drawn at the width of
 * its container.
 */
export function ChartFigure({
  label,
  height,
  children,
}: {
  label: string;
  height: number;
  children: ReactElement;
}) {
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export type BarSeries = { dataKey: string; name: string; fill: string; stackId?: string; yAxisId?: string };

/**
 * The bars of a bar or composed chart, one per series. Not animated: a printed page or a quick look sees the
 * finished chart. A function, not a component, because recharts looks for its `Bar` children by type.
 */
export function barSeries(series: BarSeries[]): ReactElement[] {
  return series.map((s) => <Bar key={s.dataKey} {...s} isAnimationActive={false} />);
}

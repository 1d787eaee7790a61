import type { DashboardView } from '@contracts/plans.ts';
import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Pie,
  PieChart,
  Rectangle,
  type RectangleProps,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { barSeries, ChartFigure } from '../../../app/components/chart.tsx';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useFormatPercent } from '../../../app/numbers.ts';

export const chartColors = {
  onTime: '#389e0d',
  late: '#d48806',
  missing: '#cf1322',
  pending: '#bfbfbf',
  reached: '#389e0d',
  below: '#c8102e',
  bar: '#1677ff',
};

/** Who has reported: on time, late, missing (past due), not yet (before the due date). */
export function CompletenessChart({ completeness: c }: { completeness: DashboardView['completeness'] }) {
  const { t } = useTranslation();
  const pending = Math.max(0, c.expected - c.onTime - c.late - c.missing);
  const data = [
    { name: t('plans.dashboard.onTime'), value: c.onTime, fill: chartColors.onTime },
    { name: t('plans.dashboard.late'), value: c.late, fill: chartColors.late },
    { name: t('plans.dashboard.missing'), value: c.missing, fill: chartColors.missing },
    { name: t('plans.dashboard.pending'), value: pending, fill: chartColors.pending },
  ].filter((d) => d.value > 0);
  if (c.expected === 0) return <EmptyState text={t('plans.dashboard.noChildren')} />;
  return (
    <ChartFigure
      label={`${t('plans.dashboard.completeness')}: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`}
      height={240}
    >
      {/* The counts sit in the legend, not as labels around the ring (which the card's edge cut off). */}
      <PieChart>
        <Pie
          data={data.map((d) => ({ ...d, name: `${d.name}: ${d.value}` }))}
          dataKey="value"
          nameKey="name"
          innerRadius={50}
          outerRadius={80}
          isAnimationActive={false}
        />
        <Tooltip />
        <Legend />
      </PieChart>
    </ChartFigure>
  );
}

type AchievementDatum = { name: string; achievement: number; line: number };

function AchievementBar(props: RectangleProps & { payload?: AchievementDatum }) {
  const reached = (props.payload?.achievement ?? 0) >= (props.payload?.line ?? 100);
  return <Rectangle {...props} fill={reached ? chartColors.reached : chartColors.below} />;
}

/**
 * One indicator per child unit against the line it must reach: for a quota, the share of its quota with the
 * line at the goal (105% where the plan asks to exceed the quota by 5%); otherwise achievement against 100%.
 */
export function AchievementChart({ dashboard }: { dashboard: DashboardView }) {
  const { t } = useTranslation();
  const pct = useFormatPercent();
  const withTargets = dashboard.totals.filter((tot) =>
    dashboard.children.some(
      (c) => c.totals.find((x) => x.indicatorId === tot.indicatorId)?.achievementPercent != null,
    ),
  );
  const [picked, setPicked] = useState<number | undefined>();
  const indicatorId = picked ?? withTargets[0]?.indicatorId;
  if (withTargets.length === 0 || indicatorId === undefined)
    return <EmptyState text={t('plans.dashboard.chartNoData')} />;
  const chosen = withTargets.find((x) => x.indicatorId === indicatorId)!;
  const isQuota = chosen.kind === 'count' || chosen.kind === 'sum';
  const goalLine = isQuota ? chosen.goalPercent : 100;
  // Achievement is judged on target × goal%: × goal% / 100 gives the share of the quota itself.
  const data: AchievementDatum[] = dashboard.children.map((c) => {
    const a = c.totals.find((x) => x.indicatorId === indicatorId)?.achievementPercent ?? 0;
    return { name: c.orgName, achievement: Math.round(a * goalLine) / 100, line: goalLine };
  });
  const seriesName = isQuota ? t('plans.dashboard.ofQuota') : t('plans.dashboard.achievement');
  const top = Math.ceil(Math.max(125, goalLine + 10, ...data.map((d) => d.achievement + 5)) / 25) * 25;
  const ticks = Array.from({ length: top / 25 + 1 }, (_, n) => n * 25);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select<number>
        value={indicatorId}
        onChange={setPicked}
        aria-label={t('plans.dashboard.indicator')}
        style={{ minWidth: 280 }}
        options={withTargets.map((x) => ({ value: x.indicatorId, label: `${x.code} — ${x.name}` }))}
      />
      <ChartFigure
        label={t('plans.dashboard.achievementByUnit')}
        height={Math.max(220, data.length * 36 + 60)}
      >
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, top]} ticks={ticks} unit="%" />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [pct(Number(v)), seriesName]} />
          <ReferenceLine
            x={goalLine}
            stroke="#000"
            strokeDasharray="4 4"
            label={{
              value:
                isQuota && goalLine !== 100 ? t('plans.dashboard.goalLine', { percent: goalLine }) : '100%',
              position: 'top',
            }}
          />
          <Bar dataKey="achievement" name={seriesName} shape={AchievementBar} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
    </Space>
  );
}

/** First submissions per day, on time and late, stacked. */
export function SubmissionsChart({ submissions }: { submissions: DashboardView['submissions'] }) {
  const { t } = useTranslation();
  if (submissions.length === 0)
    return <Typography.Text type="secondary">{t('plans.dashboard.submissionsEmpty')}</Typography.Text>;
  const data = submissions.map((s) => ({ ...s, label: formatDate(s.day).slice(0, 5) }));
  return (
    <ChartFigure label={t('plans.dashboard.submissions')} height={220}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {barSeries([
          { dataKey: 'onTime', stackId: 's', name: t('plans.dashboard.onTime'), fill: chartColors.onTime },
          { dataKey: 'late', stackId: 's', name: t('plans.dashboard.late'), fill: chartColors.late },
        ])}
      </BarChart>
    </ChartFigure>
  );
}

/** One indicator's disaggregated totals (e.g. by sex). */
export function BreakdownChart({ breakdown }: { breakdown: DashboardView['breakdowns'][number] }) {
  return (
    <ResponsiveContainer width="100%" height={180}>
      <BarChart data={breakdown.categories}>
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        {barSeries([{ dataKey: 'value', name: breakdown.label, fill: chartColors.bar }])}
      </BarChart>
    </ResponsiveContainer>
  );
}

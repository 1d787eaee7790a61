import type { PlanView, ReportView } from '@contracts/plans.ts';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatNumber, useFormatPercent } from '../../../app/numbers.ts';
import type { Indicator } from '../api/plans.ts';

type Value = ReportView['values'][number];
type Row = { indicator: Indicator; value: Value | undefined };

function ValueText({ indicator: i, value: v }: Row) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const pct = useFormatPercent();
  if (!v || v.value === null)
    return <Typography.Text type="secondary">{t('plans.review.noValue')}</Typography.Text>;
  if (i.kind === 'yes_no') return <>{v.value === 1 ? t('plans.review.yes') : t('plans.review.no')}</>;
  const main =
    i.kind === 'ratio'
      ? `${fmt(v.value)} / ${fmt(v.denominator)}${v.denominator ? ` (${pct((v.value / v.denominator) * 100)})` : ''}`
      : `${fmt(v.value)} ${i.unit}`;
  const categories = i.breakdown?.categories ?? [];
  return (
    <div>
      <div>{main}</div>
      {v.breakdown && v.breakdown.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {v.breakdown
            .map(
              (b) => `${categories.find((c) => c.code === b.category)?.label ?? b.category}: ${fmt(b.value)}`,
            )
            .join(' · ')}
        </Typography.Text>
      )}
    </div>
  );
}

/** A report's figures against the plan's indicators (read-only). */
export function ReportValues({ plan, values }: { plan: PlanView; values: Value[] }) {
  const { t } = useTranslation();
  const rows: Row[] = plan.indicators.map((indicator) => ({
    indicator,
    value: values.find((v) => v.indicatorId === indicator.id),
  }));
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.indicator.id}
      pagination={false}
      dataSource={rows}
      columns={[
        {
          key: 'indicator',
          title: t('plans.review.indicator'),
          render: (_v, r) => (
            <span>
              <Typography.Text type="secondary">{r.indicator.code}</Typography.Text> {r.indicator.name}
            </span>
          ),
        },
        { key: 'value', title: t('plans.review.value'), width: 260, render: (_v, r) => <ValueText {...r} /> },
      ]}
    />
  );
}

import { formatNumber, formatPercent, numberLocale } from '@contracts/numbers.ts';
import type { DashboardView } from '@contracts/plans.ts';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { Achievement, type Total, TotalValue } from './dashboard-values.tsx';

export type Child = DashboardView['children'][number];
export type Crumb = { orgId: number; orgName: string };

export function TotalsTable({ dashboard }: { dashboard: DashboardView }) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<Total> = [
    {
      key: 'indicator',
      title: t('plans.dashboard.indicator'),
      render: (_v, x) => (
        <span>
          <Typography.Text type="secondary">{x.code}</Typography.Text> {x.name}
        </span>
      ),
    },
    {
      key: 'value',
      title: t('plans.dashboard.value'),
      width: 200,
      render: (_v, x) => <TotalValue total={x} />,
    },
    {
      key: 'target',
      title: t('plans.dashboard.target'),
      width: 100,
      render: (_v, x) =>
        x.target === null ? (
          <Typography.Text type="secondary">{t('plans.dashboard.noTarget')}</Typography.Text>
        ) : x.kind === 'ratio' || x.kind === 'yes_no' ? (
          formatPercent(x.target, numberLocale(i18n.language))
        ) : (
          formatNumber(x.target, numberLocale(i18n.language))
        ),
    },
    {
      key: 'achievement',
      title: t('plans.dashboard.achievement'),
      width: 170,
      render: (_v, x) => <Achievement percent={x.achievementPercent} />,
    },
  ];
  return (
    <Table<Total>
      size="small"
      rowKey="indicatorId"
      pagination={false}
      dataSource={dashboard.totals}
      columns={columns}
    />
  );
}

export function ChildrenTable({
  dashboard,
  onDrill,
}: {
  dashboard: DashboardView;
  onDrill: (c: Crumb) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Child> = [
    {
      key: 'unit',
      title: t('plans.columns.unit'),
      render: (_v, c) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
          onClick={() => onDrill(c)}
        >
          {c.orgName}
        </Button>
      ),
    },
    {
      key: 'reported',
      title: t('plans.dashboard.reported'),
      width: 110,
      render: (_v, c) => t('plans.dashboard.reportedOf', { reported: c.reported, expected: c.expected }),
    },
    ...dashboard.totals.map((x) => ({
      key: String(x.indicatorId),
      title: x.code,
      width: 170,
      render: (_v: unknown, c: Child) => {
        const total = c.totals.find((y) => y.indicatorId === x.indicatorId);
        if (!total) return '—';
        return (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <TotalValue total={{ ...total, kind: x.kind }} />
            {total.achievementPercent !== null && <Achievement percent={total.achievementPercent} />}
          </Space>
        );
      },
    })),
  ];
  return (
    <Table<Child>
      size="small"
      rowKey="orgId"
      pagination={false}
      dataSource={dashboard.children}
      columns={columns}
      scroll={{ x: 400 + 170 * dashboard.totals.length }}
      locale={{ emptyText: <EmptyState text={t('plans.dashboard.noChildren')} /> }}
    />
  );
}

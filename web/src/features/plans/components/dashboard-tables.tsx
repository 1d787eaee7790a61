import type { DashboardView } from '@contracts/plans.ts';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { Achievement, BelowFloor, TargetText, type Total, TotalValue } from './dashboard-values.tsx';

export type Child = DashboardView['children'][number];
export type Crumb = { orgId: number; orgName: string };

export function TotalsTable({ dashboard }: { dashboard: DashboardView }) {
  const { t } = useTranslation();
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
      width: 170,
      render: (_v, x) => (
        <Space orientation="vertical" size={2}>
          <TotalValue total={x} goal={x} />
          <BelowFloor total={x} />
        </Space>
      ),
    },
    {
      key: 'target',
      title: t('plans.dashboard.target'),
      width: 120,
      render: (_v, x) => <TargetText total={x} />,
    },
    {
      key: 'achievement',
      title: t('plans.dashboard.achievement'),
      width: 140,
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
    // Headed by the indicator's name (the code as a hint): a bare code says nothing to a reader.
    ...dashboard.totals.map((x) => ({
      key: String(x.indicatorId),
      title: (
        <span>
          {x.name} <Typography.Text type="secondary">({x.code})</Typography.Text>
        </span>
      ),
      width: 200,
      render: (_v: unknown, c: Child) => {
        const total = c.totals.find((y) => y.indicatorId === x.indicatorId);
        if (!total) return '—';
        return (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <TotalValue
              total={{ ...total, kind: x.kind }}
              goal={{ target: total.target, goalPercent: x.goalPercent }}
            />
            {total.achievementPercent !== null && <Achievement percent={total.achievementPercent} />}
            <BelowFloor total={total} />
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
      scroll={{ x: 400 + 200 * dashboard.totals.length }}
      locale={{ emptyText: <EmptyState text={t('plans.dashboard.noChildren')} /> }}
    />
  );
}

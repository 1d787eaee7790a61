import type { DashboardView, PlanView } from '@contracts/plans.ts';
import { Alert, Button, Card, List, Modal, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { BEHIND_PAGE_SIZE, useDashboardBehind } from '../api/dashboard.ts';
import { TimelinessTag } from './plan-labels.tsx';

export type Behind = DashboardView['behind'][number];

export function BehindName({ unit }: { unit: Behind }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{unit.orgName}</span>
      {unit.lineName && <Typography.Text type="secondary">{unit.lineName}</Typography.Text>}
    </Space>
  );
}

/** Every unit behind, a page at a time: the dashboard names only the first 50 of a large subtree. */
export function BehindModal({
  plan,
  dashboard,
  orgName,
  onClose,
}: {
  plan: PlanView;
  dashboard: DashboardView;
  orgName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useDashboardBehind(plan.id, dashboard.orgId, dashboard.periodKey, page, true);
  const columns: TableColumnsType<Behind> = [
    {
      key: 'index',
      title: '#',
      width: 64,
      render: (_v, _b, i) => (page - 1) * BEHIND_PAGE_SIZE + i + 1,
    },
    { key: 'unit', title: t('plans.columns.unit'), dataIndex: 'orgName' },
    { key: 'line', title: t('plans.dashboard.behindLine'), render: (_v, b) => b.lineName ?? '—' },
    {
      key: 'timeliness',
      title: t('plans.columns.timeliness'),
      width: 170,
      render: (_v, b) => <TimelinessTag value={b.timeliness} />,
    },
  ];
  return (
    <Modal
      open
      width={860}
      title={t('plans.dashboard.behindTitle', { org: orgName })}
      onCancel={onClose}
      footer={null}
    >
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<Behind>
        size="small"
        rowKey="orgId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={serverPager(page, BEHIND_PAGE_SIZE, list.data?.total ?? dashboard.behindTotal, setPage)}
      />
    </Modal>
  );
}

export function BehindCard({
  plan,
  dashboard,
  orgName,
}: {
  plan: PlanView;
  dashboard: DashboardView;
  orgName: string;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const more = dashboard.behindTotal > dashboard.behind.length;
  return (
    <Card
      role="region"
      aria-label={t('plans.dashboard.behind')}
      title={t('plans.dashboard.behind')}
      size="small"
      style={{ height: '100%' }}
      extra={
        more && (
          <Button size="small" className="no-print" onClick={() => setOpen(true)}>
            {t('plans.dashboard.behindAll', { total: dashboard.behindTotal })}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={dashboard.behind}
        locale={{ emptyText: <EmptyState text={t('plans.dashboard.behindNone')} /> }}
        renderItem={(b) => (
          <List.Item extra={<TimelinessTag value={b.timeliness} />}>
            <BehindName unit={b} />
          </List.Item>
        )}
        footer={
          more ? (
            <Typography.Text type="secondary">
              {t('plans.dashboard.behindShown', {
                shown: dashboard.behind.length,
                total: dashboard.behindTotal,
              })}
            </Typography.Text>
          ) : undefined
        }
      />
      {isOpen && (
        <BehindModal plan={plan} dashboard={dashboard} orgName={orgName} onClose={() => setOpen(false)} />
      )}
    </Card>
  );
}

import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { ListCard } from '../../../app/components/list-card.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { type ReviewQueueItem, useAcceptReports, useReviewQueue } from '../api/reports.ts';
import { usePeriodLabel } from '../components/plan-labels.tsx';

/** /reports/review — the reports waiting for the caller's review across every plan, accepted one or many at once. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const periodLabel = usePeriodLabel();
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<number[]>([]);
  const [planId, periodKey] = group ? group.split('|') : [];
  const queue = useReviewQueue({ planId: planId ? Number(planId) : undefined, periodKey, ...page });
  const accept = useAcceptReports();
  const items = queue.data?.items ?? [];
  const chosen = items.filter((i) => selected.includes(i.reportId));

  const confirmAccept = () =>
    modal.confirm({
      title: t('plans.queue.confirmTitle', { count: chosen.length }),
      content: t('plans.queue.confirmText'),
      okText: t('plans.queue.acceptSelected'),
      onOk: async () => {
        try {
          const done = await accept.mutateAsync(
            chosen.map((i) => ({ planId: i.planId, reportId: i.reportId, version: i.version })),
          );
          setSelected([]);
          message.success(t('plans.queue.acceptedMany', { count: done.accepted }));
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const columns: TableColumnsType<ReviewQueueItem> = [
    {
      title: t('plans.queue.plan'),
      key: 'plan',
      render: (_, r) => (
        <Link to={`/plans/${r.planId}?tab=reports&period=${r.periodKey}`}>{r.planNumber}</Link>
      ),
    },
    { title: t('plans.queue.org'), dataIndex: 'orgName' },
    { title: t('plans.queue.period'), key: 'period', render: (_, r) => periodLabel(r.periodKey) },
    { title: t('plans.queue.submittedAt'), key: 'at', render: (_, r) => formatDateTime(r.submittedAt) },
  ];
  return (
    <ListCard
      title={t('plans.queue.title')}
      intro={t('plans.queue.intro')}
      leadingActions={
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={chosen.length === 0}
          loading={accept.isPending}
          onClick={confirmAccept}
        >
          {t('plans.queue.acceptSelected')}
          {chosen.length > 0 ? ` (${chosen.length})` : ''}
        </Button>
      }
    >
      {queue.error && <Alert type="error" showIcon title={errorMessage(queue.error)} />}
      <Select<string>
        allowClear
        value={group}
        onChange={(v) => {
          setGroup(v);
          setSelected([]);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        aria-label={t('plans.queue.filter')}
        placeholder={t('plans.queue.allGroups')}
        style={{ minWidth: 320, marginBottom: 16 }}
        options={(queue.data?.groups ?? []).map((g) => ({
          value: `${g.planId}|${g.periodKey}`,
          label: `${g.planNumber} — ${periodLabel(g.periodKey)} (${g.count})`,
        }))}
      />
      <Table<ReviewQueueItem>
        rowKey="reportId"
        size="middle"
        loading={queue.isPending}
        dataSource={items}
        columns={columns}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        locale={{ emptyText: <EmptyState text={t('plans.queue.empty')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: queue.data?.total ?? 0,
          showTotal: (total) => t('plans.queue.total', { total }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </ListCard>
  );
}

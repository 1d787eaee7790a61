import { Button, Progress, Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { WaveStatusTag } from '../../components/waves/wave-labels.tsx';
import { type InboxItem, useInbox } from '../../components/waves/waves-api.ts';

/** /waves/inbox — the quotas of open waves waiting at the user's institutions. */
export function WaveInboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const num = useFormatNumber();
  const columns: TableColumnsType<InboxItem> = [
    {
      key: 'wave',
      title: t('waves.inbox.wave'),
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/waves/${r.waveId}?tab=quotas`}>{r.waveTitle}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.issuerName} · {formatDate(r.startsOn)} – {formatDate(r.endsOn)}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'org', title: t('waves.quotas.institution'), dataIndex: 'orgName', responsive: ['md'] },
    {
      key: 'due',
      title: t('waves.inbox.due'),
      width: 130,
      render: (_v, r) => formatDate(r.namesDueOn) || '—',
    },
    {
      key: 'progress',
      title: t('waves.inbox.progress'),
      width: 170,
      render: (_v, r) => {
        const named = r.proposed + r.accepted;
        return (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Typography.Text>
              {num(named)} / {num(r.quota)}
              {r.pledged !== null ? ` · ${t('waves.quotas.pledged')} ${num(r.pledged)}` : ''}
            </Typography.Text>
            <Progress
              percent={r.quota ? Math.min(100, (100 * named) / r.quota) : 0}
              showInfo={false}
              size="small"
            />
          </Space>
        );
      },
    },
    {
      key: 'status',
      title: t('waves.columns.status'),
      width: 140,
      render: (_v, r) => <WaveStatusTag status={r.status as never} />,
    },
    {
      key: 'act',
      title: '',
      width: 100,
      render: (_v, r) => (
        <Link to={`/waves/${r.waveId}?tab=quotas`}>
          <Button size="small" type="primary">
            {t('waves.inbox.answer')}
          </Button>
        </Link>
      ),
    },
  ];
  return (
    <ListCard title={t('waves.inbox.title')} intro={t('waves.inbox.intro')}>
      {inbox.error && <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />}
      <ListTable<InboxItem>
        size="middle"
        rowKey="quotaId"
        loading={inbox.isPending}
        rows={inbox.data ?? []}
        columns={columns}
        scroll={{ x: 760 }}
        empty={t('waves.inbox.empty')}
      />
    </ListCard>
  );
}

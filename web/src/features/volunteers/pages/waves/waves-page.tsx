import { PlusOutlined } from '@ant-design/icons';
import { type WaveStatusCode, waveStatuses } from '@contracts/volunteers/waves.ts';
import { Button, Progress, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../../app/components/list-filters.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { useFormatNumber, useFormatPercent } from '../../../../app/numbers.ts';
import { hasPermission, useCurrentUser } from '../../../auth/api.ts';
import { WaveFormModal } from '../../components/waves/wave-form-modal.tsx';
import { WaveStatusTag } from '../../components/waves/wave-labels.tsx';
import { useWaves, type WaveListItem } from '../../components/waves/waves-api.ts';

function useColumns(): TableColumnsType<WaveListItem> {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const pct = useFormatPercent();
  return [
    {
      key: 'title',
      title: t('waves.columns.title'),
      render: (_v, w) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/waves/${w.id}`}>{w.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`waves.basisKind.${w.basisKind}`)} {w.basisNumber ?? ''} · {formatDate(w.basisDate)}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'issuer', title: t('waves.columns.issuer'), dataIndex: 'issuerName', responsive: ['lg'] },
    {
      key: 'dates',
      title: t('waves.columns.dates'),
      width: 200,
      render: (_v, w) => `${formatDate(w.startsOn)} – ${formatDate(w.endsOn)}`,
    },
    {
      key: 'fill',
      title: t('waves.columns.fill'),
      width: 180,
      render: (_v, w) => {
        const points = w.quotaTotal ? (100 * w.filled) / w.quotaTotal : 0;
        return (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Typography.Text>
              {num(w.filled)} / {num(w.quotaTotal)} ({pct(points, 0)})
            </Typography.Text>
            <Progress percent={Math.min(100, points)} showInfo={false} size="small" />
          </Space>
        );
      },
    },
    {
      key: 'status',
      title: t('waves.columns.status'),
      width: 150,
      render: (_v, w) => <WaveStatusTag status={w.status} />,
    },
  ];
}

/** /waves — the mobilisation waves the user issues or is asked by, with their fill. */
export function WavesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [status, setStatus] = useState<WaveStatusCode>();
  const [q, setQ] = useState('');
  const waves = useWaves(status, q.trim());
  const columns = useColumns();
  const [creating, setCreating] = useState(false);
  const canCreate = hasPermission(me, 'wave.manage');
  const rows = waves.data ?? [];
  const empty =
    status || q ? t('waves.emptyFiltered') : canCreate ? t('waves.empty') : t('waves.emptyViewer');
  return (
    <ListCard
      title={t('waves.title')}
      intro={t('waves.intro')}
      actions={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('waves.create')}
          </Button>
        )
      }
    >
      <ListFilters>
        <SearchBox
          value={q}
          onChange={setQ}
          placeholder={t('waves.search')}
          label={t('waves.search')}
          width={280}
        />
        <Select<WaveStatusCode>
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('waves.allStatuses')}
          aria-label={t('waves.columns.status')}
          style={{ width: 200, maxWidth: '100%' }}
          options={waveStatuses.map((s) => ({ value: s, label: t(`waves.status.${s}`) }))}
        />
        {waves.data && (
          <Typography.Text type="secondary">{t('waves.count', { count: rows.length })}</Typography.Text>
        )}
      </ListFilters>
      {waves.error && <QueryError error={waves.error} onRetry={() => waves.refetch()} />}
      <ListTable<WaveListItem>
        size="middle"
        rowKey="id"
        loading={waves.isPending}
        rows={rows}
        columns={columns}
        scroll={{ x: 800 }}
        empty={empty}
        emptyAction={
          canCreate &&
          !status &&
          !q && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('waves.create')}
            </Button>
          )
        }
      />
      {creating && <WaveFormModal onClose={() => setCreating(false)} />}
    </ListCard>
  );
}

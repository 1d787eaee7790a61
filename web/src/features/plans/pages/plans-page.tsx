import { PlusOutlined } from '@ant-design/icons';
import { planKind } from '@contracts/plans.ts';
import { Alert, Button, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { ListCard } from '../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../app/components/list-filters.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { fold } from '../../../app/text.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { type PlanListItem, usePlans } from '../api/plans.ts';
import { PlanStatusTag } from '../components/plan-labels.tsx';

type Status = PlanListItem['status'];
type Kind = PlanListItem['kind'];

function useColumns(): TableColumnsType<PlanListItem> {
  const { t } = useTranslation();
  return [
    { key: 'index', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
    {
      key: 'number',
      title: t('plans.columns.number'),
      width: 150,
      render: (_v, p) => <Link to={`/plans/${p.id}`}>{p.number}</Link>,
    },
    {
      key: 'title',
      title: t('plans.columns.title'),
      render: (_v, p) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/plans/${p.id}`}>{p.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`plans.kinds.${p.kind}`)} · {t(`plans.periodTypes.${p.reportPeriodType}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'issuer', title: t('plans.columns.issuer'), dataIndex: 'issuerName' },
    {
      key: 'issuedOn',
      title: t('plans.columns.issuedOn'),
      width: 120,
      render: (_v, p) => formatDate(p.issuedOn),
    },
    {
      key: 'period',
      title: t('plans.columns.period'),
      width: 200,
      render: (_v, p) => `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}`,
    },
    {
      key: 'status',
      title: t('plans.columns.status'),
      width: 130,
      render: (_v, p) => <PlanStatusTag status={p.status} />,
    },
  ];
}

function matches(p: PlanListItem, q: string, status?: Status, kind?: Kind): boolean {
  if (status && p.status !== status) return false;
  if (kind && p.kind !== kind) return false;
  if (!q) return true;
  return fold(`${p.number} ${p.title} ${p.issuerName}`).includes(q);
}

/** /plans — every plan issued by or sent to the user's organisations; filters run in the browser. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const plans = usePlans();
  const columns = useColumns();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>();
  const [kind, setKind] = useState<Kind>();
  const canCreate = hasPermission(me, 'plan.manage');
  const q = fold(text.trim());
  const all = plans.data ?? [];
  const rows = all.filter((p) => matches(p, q, status, kind));
  const filtered = q !== '' || status !== undefined || kind !== undefined;
  const empty = filtered ? t('plans.emptyFiltered') : canCreate ? t('plans.empty') : t('plans.emptyViewer');
  return (
    <ListCard
      title={t('plans.title')}
      printTitle={t('plans.printTitle')}
      intro={t('plans.intro')}
      actions={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')}>
            {t('plans.create')}
          </Button>
        )
      }
    >
      <ListFilters>
        <SearchBox
          value={text}
          onChange={setText}
          placeholder={t('plans.searchPlaceholder')}
          label={t('plans.searchLabel')}
          width={380}
        />
        <Select<Status>
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('plans.allStatuses')}
          aria-label={t('plans.columns.status')}
          style={{ width: 180 }}
          options={(['draft', 'issued', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`plans.status.${s}`),
          }))}
        />
        <Select<Kind>
          allowClear
          value={kind}
          onChange={setKind}
          placeholder={t('plans.allKinds')}
          aria-label={t('plans.columns.kind')}
          style={{ width: 180 }}
          options={planKind.options.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))}
        />
        {plans.data && (
          <Typography.Text type="secondary">{t('plans.count', { count: rows.length })}</Typography.Text>
        )}
      </ListFilters>
      {plans.error && <Alert type="error" showIcon title={errorMessage(plans.error)} />}
      <Table<PlanListItem>
        size="middle"
        rowKey="id"
        loading={plans.isPending}
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyState text={empty} /> }}
      />
    </ListCard>
  );
}

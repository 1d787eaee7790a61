import { PlusOutlined } from '@ant-design/icons';
import { requestStatus } from '@contracts/training.ts';
import { Button, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard } from '../../../app/components/list-card.tsx';
import { ListTable } from '../../../app/components/list-table.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { useCourses } from '../api/catalogue.ts';
import { type RequestStatus, type TrainingRequest, useRequests } from '../api/requests.ts';
import { RequestFormModal } from '../components/request-form-modal.tsx';
import { RequestStatusTag, useCourseName } from '../components/training-labels.tsx';

export function usePreferredTime(): (r: Pick<TrainingRequest, 'preferredFrom' | 'preferredTo'>) => string {
  const { t } = useTranslation();
  return (r) => {
    if (r.preferredFrom && r.preferredTo)
      return `${formatDate(r.preferredFrom)} – ${formatDate(r.preferredTo)}`;
    if (r.preferredFrom) return t('training.requests.fromDate', { date: formatDate(r.preferredFrom) });
    if (r.preferredTo) return t('training.requests.byDate', { date: formatDate(r.preferredTo) });
    return '—';
  };
}

function useColumns(): TableColumnsType<TrainingRequest> {
  const { t } = useTranslation();
  const courses = useCourses();
  const name = useCourseName();
  const when = usePreferredTime();
  const courseName = (r: TrainingRequest) => {
    const c = courses.data?.find((x) => x.id === r.courseTypeId);
    return c ? name(c) : r.courseCode;
  };
  return [
    {
      key: 'course',
      title: t('training.requests.course'),
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/training/requests/${r.id}`}>{courseName(r)}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('training.requests.number', { id: r.id })}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'requester', title: t('training.requests.requester'), dataIndex: 'requesterName' },
    { key: 'provider', title: t('training.requests.provider'), dataIndex: 'providerName' },
    {
      key: 'learners',
      title: t('training.requests.learners'),
      width: 100,
      align: 'right',
      dataIndex: 'learners',
    },
    {
      key: 'place',
      title: t('training.requests.place'),
      render: (_v, r) => r.place ?? '—',
      responsive: ['lg'],
    },
    { key: 'when', title: t('training.requests.when'), width: 200, render: (_v, r) => when(r) },
    {
      key: 'status',
      title: t('training.requests.status'),
      width: 150,
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <RequestStatusTag status={r.status} />
          {r.classIds.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.requests.classCount', { count: r.classIds.length })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
}

/** /training/requests — training requested by the user's organisations or received by them as a provider. */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [status, setStatus] = useState<RequestStatus>();
  const requests = useRequests(status);
  const columns = useColumns();
  const [creating, setCreating] = useState(false);
  const canRequest = hasPermission(me, 'report.write') || hasPermission(me, 'training.manage');
  const rows = requests.data ?? [];
  const empty = status
    ? t('training.requests.emptyFiltered')
    : canRequest
      ? t('training.requests.empty')
      : t('training.requests.emptyViewer');
  return (
    <ListCard
      title={t('training.requests.title')}
      intro={t('training.requests.intro')}
      actions={
        canRequest && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('training.requests.create')}
          </Button>
        )
      }
    >
      <Space wrap className="no-print" style={{ marginBottom: 16 }}>
        <Select<RequestStatus>
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('training.requests.allStatuses')}
          aria-label={t('training.requests.status')}
          style={{ width: 200 }}
          options={requestStatus.options.map((s) => ({ value: s, label: t(`training.requestStatus.${s}`) }))}
        />
        {requests.data && (
          <Typography.Text type="secondary">
            {t('training.requests.count', { count: rows.length })}
          </Typography.Text>
        )}
      </Space>
      {requests.error && <QueryError error={requests.error} onRetry={() => requests.refetch()} />}
      <ListTable<TrainingRequest>
        size="middle"
        rowKey="id"
        loading={requests.isPending}
        rows={rows}
        columns={columns}
        scroll={{ x: 900 }}
        empty={empty}
        emptyAction={
          canRequest &&
          !status &&
          requests.data && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('training.requests.create')}
            </Button>
          )
        }
      />
      {creating && <RequestFormModal onClose={() => setCreating(false)} />}
    </ListCard>
  );
}

import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { ListCard } from '../../../app/components/list-card.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { type DueReport, useDueReports } from '../api/reports.ts';
import { ReportStatusTag, TimelinessTag, usePeriodLabel } from '../components/plan-labels.tsx';

export function reportLink(r: Pick<DueReport, 'planId' | 'orgId' | 'periodKey'>): string {
  return `/plans/${r.planId}/report?orgId=${r.orgId}&period=${encodeURIComponent(r.periodKey)}`;
}

const isOpen = (r: DueReport) => r.status === 'none' || r.status === 'draft' || r.status === 'returned';

function useColumns(): TableColumnsType<DueReport> {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const periodLabel = usePeriodLabel();
  return [
    { key: 'index', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
    {
      key: 'plan',
      title: t('reports.plan'),
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/plans/${r.planId}`}>{r.planNumber}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.planTitle} — {r.issuerName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'unit', title: t('plans.columns.unit'), dataIndex: 'orgName' },
    {
      key: 'period',
      title: t('plans.columns.reportPeriod'),
      width: 170,
      render: (_v, r) => periodLabel(r.periodKey),
    },
    {
      key: 'dueOn',
      title: t('plans.columns.dueOn'),
      width: 140,
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(r.dueOn)}</span>
          {r.locksOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.locksOn', { date: formatDate(r.locksOn) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('plans.columns.reportStatus'),
      width: 220,
      render: (_v, r) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <ReportStatusTag status={r.status} />
            <TimelinessTag value={r.timeliness} />
          </Space>
          {r.status === 'returned' && r.reviewComment && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('reports.returnedComment', { comment: r.reviewComment })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'action',
      width: 150,
      className: 'no-print',
      render: (_v, r) =>
        isOpen(r) ? (
          <Button
            size="small"
            type="primary"
            icon={<EditOutlined />}
            onClick={() => navigate(reportLink(r))}
            aria-label={`${t('reports.fill')}: ${r.orgName} — ${r.planNumber}`}
          >
            {t('reports.fill')}
          </Button>
        ) : (
          <Button
            size="small"
            icon={<EyeOutlined />}
            onClick={() => navigate(reportLink(r))}
            aria-label={`${t('reports.view')}: ${r.orgName} — ${r.planNumber}`}
          >
            {t('reports.view')}
          </Button>
        ),
    },
  ];
}

/** /reports — "Báo cáo phải nộp": every report the user's units owe, across all plans, soonest first. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'all'>('open');
  const due = useDueReports(state);
  const columns = useColumns();
  const rows = [...(due.data ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <ListCard
      title={t('reports.title')}
      printTitle={t('reports.printTitle')}
      intro={t('reports.intro')}
      leadingActions={
        <Segmented<'open' | 'all'>
          value={state}
          onChange={setState}
          aria-label={t('plans.columns.reportStatus')}
          options={[
            { value: 'open', label: t('reports.open') },
            { value: 'all', label: t('reports.all') },
          ]}
        />
      }
    >
      {due.error && <Alert type="error" showIcon title={errorMessage(due.error)} />}
      <Table<DueReport>
        size="middle"
        rowKey={(r) => `${r.planId}:${r.orgId}:${r.periodKey}`}
        loading={due.isPending}
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyState text={t('reports.empty')} /> }}
      />
    </ListCard>
  );
}

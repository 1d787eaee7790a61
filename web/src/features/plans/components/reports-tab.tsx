import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../../../src/contracts/plans.ts';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime, todayIso } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { type ReportListItem, useReportList } from '../api.ts';
import { defaultPeriod, PeriodSelect } from './period-select.tsx';
import { ReportStatusTag, TimelinessTag, usePeriodLabel } from './plan-labels.tsx';
import { ReviewModal } from './review-modal.tsx';

/** Báo cáo: every reporter's state for one period; the issuer opens a report to accept or return it. */
export function ReportsTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const [periodKey, setPeriodKey] = useState(() => defaultPeriod(plan));
  const [open, setOpen] = useState<number | null>(null);
  const list = useReportList(plan.id, plan.issuerOrgId, periodKey);
  const columns: TableColumnsType<ReportListItem> = [
    { key: 'index', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
    { key: 'unit', title: t('plans.columns.unit'), dataIndex: 'orgName' },
    {
      key: 'status',
      title: t('plans.columns.reportStatus'),
      width: 140,
      render: (_v, r) => <ReportStatusTag status={r.status} />,
    },
    {
      key: 'timeliness',
      title: t('plans.columns.timeliness'),
      width: 160,
      render: (_v, r) => <TimelinessTag value={r.timeliness} />,
    },
    { key: 'dueOn', title: t('plans.columns.dueOn'), width: 120, render: (_v, r) => formatDate(r.dueOn) },
    {
      key: 'submittedAt',
      title: t('plans.columns.submittedAt'),
      width: 160,
      render: (_v, r) => formatDateTime(r.submittedAt),
    },
    {
      key: 'actions',
      width: 100,
      className: 'no-print',
      render: (_v, r) =>
        r.reportId !== null && r.status !== 'draft' ? (
          <Button
            size="small"
            icon={<EyeOutlined />}
            aria-label={`${t('plans.reportsTab.view')} ${r.orgName}`}
            onClick={() => setOpen(r.reportId)}
          >
            {t('plans.reportsTab.view')}
          </Button>
        ) : null,
    },
  ];
  return (
    <div className="print-area">
      <Space
        className="no-print"
        wrap
        style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}
      >
        <Typography.Text type="secondary">{t('plans.reportsTab.intro')}</Typography.Text>
        <Space>
          <PeriodSelect plan={plan} value={periodKey} onChange={setPeriodKey} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        </Space>
      </Space>
      <div className="print-only">
        <Typography.Title level={4}>
          {t('plans.reportsTab.printTitle', { plan: plan.number, period: periodLabel(periodKey) })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('plans.printedOn', { date: formatDate(todayIso()) })}
        </Typography.Text>
      </div>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<ReportListItem>
        size="small"
        rowKey="orgId"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <EmptyState text={t('plans.reportsTab.empty')} /> }}
      />
      {open !== null && <ReviewModal plan={plan} reportId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import type { PlanView } from '@contracts/plans.ts';
import { Alert, Button, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime, todayIso } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useOrgChildren } from '../../orgs/api.ts';
import {
  type ReportListFilter,
  type ReportListItem,
  type ReportStatus,
  type Timeliness,
  useReportList,
} from '../api/reports.ts';
import { defaultPeriod, PeriodSelect } from './period-select.tsx';
import { ReportStatusTag, TimelinessTag, usePeriodLabel } from './plan-labels.tsx';
import { ReviewModal } from './review-modal.tsx';

type Sort = NonNullable<ReportListFilter['sort']>;
const statuses: ReportStatus[] = ['submitted', 'returned', 'draft', 'none', 'accepted'];
const timelinessValues: Timeliness[] = ['on_time', 'late', 'missing', 'pending'];

/** The filters of the reviewer's list; any change goes back to the first page. */
function useListFilter(plan: PlanView) {
  const [lineOrgId, setLine] = useState<number | undefined>(undefined);
  const [params] = useSearchParams();
  // A link from a notice or the queue names the period (?period=); it must be one of the plan's.
  const linked = params.get('period');
  const [periodKey, setPeriodKey] = useState(() =>
    linked && plan.periods.some((p) => p.key === linked) ? linked : defaultPeriod(plan),
  );
  const [status, setStatus] = useState<ReportStatus | undefined>(undefined);
  const [timeliness, setTimeliness] = useState<Timeliness | undefined>(undefined);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const q = useDebouncedValue(text.trim(), 300);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage((p) => ({ ...p, page: 1 }));
    };
  const filter: ReportListFilter = {
    orgId: lineOrgId ?? plan.issuerOrgId,
    periodKey,
    status,
    timeliness,
    q: q || undefined,
    ...sort,
    ...page,
  };
  const isFiltered = lineOrgId !== undefined || !!status || !!timeliness || !!q;
  return {
    filter,
    text,
    isFiltered,
    setLine: reset(setLine),
    setPeriodKey: reset(setPeriodKey),
    setStatus: reset(setStatus),
    setTimeliness: reset(setTimeliness),
    setText: reset(setText),
    setSort: reset(setSort),
    setPage,
  };
}

function Filters({ plan, f }: { plan: PlanView; f: ReturnType<typeof useListFilter> }) {
  const { t } = useTranslation();
  const lines = useOrgChildren(plan.issuerOrgId, 'active');
  return (
    <Space wrap>
      <PeriodSelect plan={plan} value={f.filter.periodKey} onChange={f.setPeriodKey} />
      <Select<number>
        allowClear
        style={{ minWidth: 260 }}
        aria-label={t('plans.reportsTab.lineFilter')}
        placeholder={t('plans.reportsTab.allLines')}
        value={f.filter.orgId === plan.issuerOrgId ? undefined : f.filter.orgId}
        onChange={(v) => f.setLine(v ?? undefined)}
        loading={lines.isFetching}
        showSearch={{ optionFilterProp: 'label' }}
        options={(lines.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <Select<ReportStatus>
        allowClear
        style={{ minWidth: 170 }}
        aria-label={t('plans.reportsTab.statusFilter')}
        placeholder={t('plans.reportsTab.allStatuses')}
        value={f.filter.status}
        onChange={(v) => f.setStatus(v ?? undefined)}
        options={statuses.map((s) => ({ value: s, label: t(`plans.reportStatus.${s}`) }))}
      />
      <Select<Timeliness>
        allowClear
        style={{ minWidth: 170 }}
        aria-label={t('plans.reportsTab.timelinessFilter')}
        placeholder={t('plans.reportsTab.allTimeliness')}
        value={f.filter.timeliness}
        onChange={(v) => f.setTimeliness(v ?? undefined)}
        options={timelinessValues.map((s) => ({ value: s, label: t(`plans.timeliness.${s}`) }))}
      />
      <Input.Search
        allowClear
        style={{ width: 280 }}
        value={f.text}
        onChange={(e) => f.setText(e.target.value)}
        aria-label={t('plans.reportsTab.search')}
        placeholder={t('plans.reportsTab.search')}
      />
    </Space>
  );
}

/**
 * Báo cáo: every expected reporter's state for one period, a page at a time — a national plan has thousands
 * of reporters. Filters by line, state, timeliness and name; the issuer opens a report to accept or return it.
 */
export function ReportsTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const f = useListFilter(plan);
  const [open, setOpen] = useState<number | null>(null);
  const list = useReportList(plan.id, f.filter);
  const { page, pageSize } = f.filter;
  const total = list.data?.total ?? 0;
  const sortOf = (key: Sort): SortOrder | undefined =>
    f.filter.sort === key ? (f.filter.order === 'desc' ? 'descend' : 'ascend') : undefined;
  const columns: TableColumnsType<ReportListItem> = [
    { key: 'index', title: '#', width: 56, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      key: 'name',
      title: t('plans.columns.unit'),
      sorter: true,
      sortOrder: sortOf('name'),
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{r.orgName}</Typography.Text>
          {r.lineName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plans.reportsTab.line')}: {r.lineName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('plans.columns.reportStatus'),
      width: 200,
      sorter: true,
      sortOrder: sortOf('status'),
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <ReportStatusTag status={r.status} />
          {r.status === 'returned' && r.reviewComment && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.reviewComment}
            </Typography.Text>
          )}
        </Space>
      ),
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
      sorter: true,
      sortOrder: sortOf('submittedAt'),
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
      <Space orientation="vertical" className="no-print" style={{ width: '100%', marginBottom: 12 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t('plans.reportsTab.intro')}</Typography.Text>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        </Space>
        <Filters plan={plan} f={f} />
      </Space>
      <div className="print-only">
        <Typography.Title level={4}>
          {t('plans.reportsTab.printTitle', { plan: plan.number, period: periodLabel(f.filter.periodKey) })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('plans.printedOn', { date: formatDate(todayIso()) })} —{' '}
          {t('plans.reportsTab.printPage', { page, pages: Math.max(1, Math.ceil(total / pageSize)), total })}
        </Typography.Text>
      </div>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<ReportListItem>
        size="small"
        rowKey="orgId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort' && !Array.isArray(sorter)) {
            const key = (sorter.columnKey as Sort | undefined) ?? 'name';
            f.setSort(
              sorter.order
                ? { sort: key, order: sorter.order === 'descend' ? 'desc' : 'asc' }
                : { sort: 'name', order: 'asc' },
            );
            return;
          }
          const size = pagination.pageSize ?? pageSize;
          f.setPage({ page: size === pageSize ? (pagination.current ?? 1) : 1, pageSize: size });
        }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n, [from, to]) => t('plans.reportsTab.total', { from, to, total: n }),
        }}
        locale={{
          emptyText: (
            <EmptyState
              text={f.isFiltered ? t('plans.reportsTab.emptyFiltered') : t('plans.reportsTab.empty')}
            />
          ),
        }}
      />
      {open !== null && <ReviewModal plan={plan} reportId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

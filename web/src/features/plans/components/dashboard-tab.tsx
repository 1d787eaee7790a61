import { FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { DashboardView, PlanView } from '@contracts/plans.ts';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  List,
  Modal,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { BEHIND_PAGE_SIZE, dashboardFiles, useDashboard, useDashboardBehind } from '../api/dashboard.ts';
import { useReport } from '../api/reports.ts';
import {
  AchievementChart,
  BreakdownChart,
  CompletenessChart,
  chartColors,
  SubmissionsChart,
} from './dashboard-charts.tsx';
import { defaultPeriod, PeriodSelect } from './period-select.tsx';
import { formatNumber, TimelinessTag, usePeriodLabel } from './plan-labels.tsx';
import { ReportValues } from './report-values.tsx';

type Total = DashboardView['totals'][number];
type Child = DashboardView['children'][number];
type Crumb = { orgId: number; orgName: string };

function TotalValue({ total: x }: { total: Pick<Total, 'kind' | 'value' | 'denominator' | 'percent'> }) {
  const { i18n } = useTranslation();
  const fmt = (n: number | null) => formatNumber(n, i18n.language);
  if (x.kind === 'ratio')
    return (
      <>{`${fmt(x.value)} / ${fmt(x.denominator)}${x.percent !== null ? ` (${fmt(x.percent)}%)` : ''}`}</>
    );
  if (x.kind === 'yes_no') return <>{x.percent !== null ? `${fmt(x.percent)}%` : '—'}</>;
  return <>{fmt(x.value)}</>;
}

export function Achievement({ percent }: { percent: number | null }) {
  if (percent === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Progress
      percent={Math.min(percent, 100)}
      format={() => `${percent}%`}
      strokeColor={percent >= 100 ? chartColors.reached : chartColors.below}
      size="small"
      style={{ minWidth: 140, margin: 0 }}
    />
  );
}

function TotalsTable({ dashboard }: { dashboard: DashboardView }) {
  const { t, i18n } = useTranslation();
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
      width: 200,
      render: (_v, x) => <TotalValue total={x} />,
    },
    {
      key: 'target',
      title: t('plans.dashboard.target'),
      width: 100,
      render: (_v, x) =>
        x.target === null ? (
          <Typography.Text type="secondary">{t('plans.dashboard.noTarget')}</Typography.Text>
        ) : (
          `${formatNumber(x.target, i18n.language)}${x.kind === 'ratio' || x.kind === 'yes_no' ? '%' : ''}`
        ),
    },
    {
      key: 'achievement',
      title: t('plans.dashboard.achievement'),
      width: 170,
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

function ChildrenTable({ dashboard, onDrill }: { dashboard: DashboardView; onDrill: (c: Crumb) => void }) {
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
    ...dashboard.totals.map((x) => ({
      key: String(x.indicatorId),
      title: x.code,
      width: 170,
      render: (_v: unknown, c: Child) => {
        const total = c.totals.find((y) => y.indicatorId === x.indicatorId);
        if (!total) return '—';
        return (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <TotalValue total={{ ...total, kind: x.kind }} />
            {total.achievementPercent !== null && <Achievement percent={total.achievementPercent} />}
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
      scroll={{ x: 400 + 170 * dashboard.totals.length }}
      locale={{ emptyText: <EmptyState text={t('plans.dashboard.noChildren')} /> }}
    />
  );
}

function CompletenessCard({ dashboard: d }: { dashboard: DashboardView }) {
  const { t } = useTranslation();
  const c = d.completeness;
  return (
    <Card
      role="region"
      aria-label={t('plans.dashboard.completeness')}
      title={t('plans.dashboard.completeness')}
      size="small"
      style={{ height: '100%' }}
    >
      <Row gutter={[8, 8]}>
        <Col span={8}>
          <Statistic title={t('plans.dashboard.expected')} value={c.expected} />
        </Col>
        <Col span={8}>
          <Statistic title={t('plans.dashboard.reported')} value={c.reported} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('plans.dashboard.onTime')}
            value={c.onTime}
            styles={{ content: { color: chartColors.onTime } }}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('plans.dashboard.late')}
            value={c.late}
            styles={{ content: { color: chartColors.late } }}
          />
        </Col>
        <Col span={16}>
          <Statistic
            title={t('plans.dashboard.missing')}
            value={c.missing}
            styles={{ content: { color: chartColors.missing } }}
          />
        </Col>
      </Row>
      <CompletenessChart completeness={c} />
    </Card>
  );
}

function LeafReport({ plan, reportId }: { plan: PlanView; reportId: number }) {
  const report = useReport(plan.id, reportId);
  if (report.isPending) return <Skeleton active />;
  if (report.error) return <Alert type="error" showIcon title={errorMessage(report.error)} />;
  return <ReportValues plan={plan} values={report.data.values} />;
}

type Behind = DashboardView['behind'][number];

function BehindName({ unit }: { unit: Behind }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{unit.orgName}</span>
      {unit.lineName && <Typography.Text type="secondary">{unit.lineName}</Typography.Text>}
    </Space>
  );
}

/** Every unit behind, a page at a time: the dashboard names only the first 50 of a large subtree. */
function BehindModal({
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
        pagination={{
          current: page,
          pageSize: BEHIND_PAGE_SIZE,
          total: list.data?.total ?? dashboard.behindTotal,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Modal>
  );
}

function BehindCard({
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

function DashboardBody({
  plan,
  dashboard,
  orgName,
  onDrill,
}: {
  plan: PlanView;
  dashboard: DashboardView;
  orgName: string;
  onDrill: (c: Crumb) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <CompletenessCard dashboard={dashboard} />
        </Col>
        <Col xs={24} xl={15}>
          <Card
            role="region"
            aria-label={t('plans.dashboard.totals')}
            title={t('plans.dashboard.totals')}
            size="small"
            style={{ height: '100%' }}
          >
            <TotalsTable dashboard={dashboard} />
          </Card>
        </Col>
      </Row>
      {dashboard.children.length > 0 && (
        <Card
          role="region"
          aria-label={t('plans.dashboard.achievementByUnit')}
          title={t('plans.dashboard.achievementByUnit')}
          size="small"
        >
          <AchievementChart dashboard={dashboard} />
        </Card>
      )}
      {dashboard.children.length > 0 && (
        <Card
          role="region"
          aria-label={t('plans.dashboard.units')}
          title={t('plans.dashboard.units')}
          size="small"
          extra={<Typography.Text type="secondary">{t('plans.dashboard.unitsHint')}</Typography.Text>}
        >
          <ChildrenTable dashboard={dashboard} onDrill={onDrill} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <BehindCard plan={plan} dashboard={dashboard} orgName={orgName} />
        </Col>
        <Col xs={24} lg={14}>
          <Card
            role="region"
            aria-label={t('plans.dashboard.submissions')}
            title={t('plans.dashboard.submissions')}
            size="small"
            style={{ height: '100%' }}
          >
            <SubmissionsChart submissions={dashboard.submissions} />
          </Card>
        </Col>
      </Row>
      {dashboard.breakdowns.length > 0 && (
        <Row gutter={[16, 16]}>
          {dashboard.breakdowns.map((b) => {
            const ind = plan.indicators.find((i) => i.id === b.indicatorId);
            return (
              <Col xs={24} md={12} key={b.indicatorId}>
                <Card
                  size="small"
                  title={`${t('plans.dashboard.breakdowns')}: ${ind?.name ?? ''} — ${b.label}`}
                >
                  <BreakdownChart breakdown={b} />
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {dashboard.isReporter && (
        <Card
          role="region"
          aria-label={t('plans.dashboard.leafReport')}
          title={t('plans.dashboard.leafReport')}
          size="small"
        >
          {dashboard.reportId !== null ? (
            <LeafReport plan={plan} reportId={dashboard.reportId} />
          ) : (
            <EmptyState text={t('plans.dashboard.leafNoReport')} />
          )}
        </Card>
      )}
    </Space>
  );
}

/** Tổng hợp: totals against targets, who reported and when, drilling down unit by unit. */
export function DashboardTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const [stack, setStack] = useState<Crumb[]>([{ orgId: plan.issuerOrgId, orgName: plan.issuerName }]);
  const [periodKey, setPeriodKey] = useState(() => defaultPeriod(plan));
  const org = stack[stack.length - 1]!;
  const dashboard = useDashboard(plan.id, org.orgId, periodKey);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="print-area">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space orientation="vertical" size={2}>
          <Breadcrumb
            items={stack.map((c, n) => ({
              key: c.orgId,
              title:
                n < stack.length - 1 ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => setStack(stack.slice(0, n + 1))}
                  >
                    {c.orgName}
                  </Button>
                ) : (
                  <Typography.Text strong>{c.orgName}</Typography.Text>
                ),
            }))}
          />
          <Typography.Text type="secondary">
            {periodLabel(periodKey)}
            {dashboard.data && ` · ${t('plans.dashboard.dueOn', { date: formatDate(dashboard.data.dueOn) })}`}
          </Typography.Text>
        </Space>
        <Space wrap className="no-print">
          <PeriodSelect plan={plan} value={periodKey} onChange={setPeriodKey} />
          <Button
            icon={<FileExcelOutlined />}
            href={dashboardFiles.exportXlsx(plan.id, org.orgId, periodKey)}
            download
          >
            {t('plans.dashboard.exportXlsx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            href={dashboardFiles.summaryPdf(plan.id, org.orgId, periodKey)}
            target="_blank"
          >
            {t('plans.dashboard.summaryPdf')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        </Space>
      </Space>
      {dashboard.error && <Alert type="error" showIcon title={errorMessage(dashboard.error)} />}
      {dashboard.isPending && <Skeleton active />}
      {dashboard.data && (
        <DashboardBody
          plan={plan}
          dashboard={dashboard.data}
          orgName={org.orgName}
          onDrill={(c) => setStack([...stack, { orgId: c.orgId, orgName: c.orgName }])}
        />
      )}
    </Space>
  );
}

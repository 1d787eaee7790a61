import { FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { DashboardView, PlanView } from '@contracts/plans.ts';
import { Alert, Breadcrumb, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { dashboardFiles, useDashboard } from '../api/dashboard.ts';
import { BehindCard } from './dashboard-behind.tsx';
import { AchievementChart, BreakdownChart, SubmissionsChart } from './dashboard-charts.tsx';
import { CompletenessCard, LeafReport } from './dashboard-summary.tsx';
import { ChildrenTable, type Crumb, TotalsTable } from './dashboard-tables.tsx';
import { defaultPeriod, PeriodSelect } from './period-select.tsx';
import { usePeriodLabel } from './plan-labels.tsx';

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

import type { DashboardView, PlanView } from '@contracts/plans.ts';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors.ts';
import { useStatisticNumber } from '../../../app/numbers.ts';
import { useReport } from '../api/reports.ts';
import { CompletenessChart, chartColors } from './dashboard-charts.tsx';
import { ReportValues } from './report-values.tsx';

export function CompletenessCard({ dashboard: d }: { dashboard: DashboardView }) {
  const { t } = useTranslation();
  const statisticNumber = useStatisticNumber();
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
          <Statistic formatter={statisticNumber} title={t('plans.dashboard.expected')} value={c.expected} />
        </Col>
        <Col span={8}>
          <Statistic formatter={statisticNumber} title={t('plans.dashboard.reported')} value={c.reported} />
        </Col>
        <Col span={8}>
          <Statistic
            formatter={statisticNumber}
            title={t('plans.dashboard.onTime')}
            value={c.onTime}
            styles={{ content: { color: chartColors.onTime } }}
          />
        </Col>
        <Col span={8}>
          <Statistic
            formatter={statisticNumber}
            title={t('plans.dashboard.late')}
            value={c.late}
            styles={{ content: { color: chartColors.late } }}
          />
        </Col>
        <Col span={16}>
          <Statistic
            formatter={statisticNumber}
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

export function LeafReport({ plan, reportId }: { plan: PlanView; reportId: number }) {
  const report = useReport(plan.id, reportId);
  if (report.isPending) return <Skeleton active />;
  if (report.error) return <Alert type="error" showIcon title={errorMessage(report.error)} />;
  return <ReportValues plan={plan} values={report.data.values} />;
}

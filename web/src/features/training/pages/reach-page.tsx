import { Card, Col, DatePicker, Form, Row, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { AppForm } from '../../../app/components/app-form.tsx';
import { barSeries, ChartFigure } from '../../../app/components/chart.tsx';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { useFormatPercent, useStatisticNumber } from '../../../app/numbers.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { type Reach, useReachMonths } from '../api/compliance.ts';
import { MyOrgSelect } from '../components/org-choice.tsx';
import { ReportCard } from '../components/report-card.tsx';
import { useMoney } from '../components/training-labels.tsx';

const colors = {
  enrolled: '#8c8c8c',
  trained: '#1677ff',
  certified: '#389e0d',
  passRate: '#c8102e',
  revenue: '#d48806',
};
const MONTHS = 6;

function monthLabel(month: string): string {
  return dayjs(`${month}-01`).format('MM/YYYY');
}

function ReachCharts({ months }: { months: Reach[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const data = months.map((m) => ({
    month: monthLabel(m.month),
    enrolled: m.learnersEnrolled,
    trained: m.learnersTrained,
    certified: m.certified,
    passRate: m.passRate === null ? null : Math.round(m.passRate * 100),
    revenue: m.revenue,
  }));
  const describe = data
    .map(
      (d) =>
        `${d.month}: ${d.trained} ${t('training.reach.trained')}, ${d.certified} ${t('training.reach.certified')}`,
    )
    .join('; ');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('training.reach.learnersChart', { count: MONTHS })}>
          <ChartFigure label={describe} height={280}>
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" />
              <YAxis yAxisId="n" allowDecimals={false} />
              <YAxis yAxisId="p" orientation="right" domain={[0, 100]} unit="%" />
              <Tooltip />
              <Legend />
              {barSeries(
                (['enrolled', 'trained', 'certified'] as const).map((k) => ({
                  yAxisId: 'n',
                  dataKey: k,
                  name: t(`training.reach.${k}`),
                  fill: colors[k],
                })),
              )}
              <Line
                yAxisId="p"
                dataKey="passRate"
                name={t('training.reach.passRate')}
                stroke={colors.passRate}
                strokeWidth={2}
                connectNulls
                unit="%"
                isAnimationActive={false}
              />
            </ComposedChart>
          </ChartFigure>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('training.reach.revenueChart', { count: MONTHS })}>
          <ChartFigure label={data.map((d) => `${d.month}: ${money(d.revenue)}`).join('; ')} height={280}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" />
              <YAxis
                tickFormatter={(v: number) => t('training.reach.millions', { n: Math.round(v / 1_000_000) })}
              />
              <Tooltip formatter={(v) => money(Number(v))} />
              {barSeries([{ dataKey: 'revenue', name: t('training.reach.revenue'), fill: colors.revenue }])}
            </BarChart>
          </ChartFigure>
        </Card>
      </Col>
    </Row>
  );
}

function UnitsTable({ units }: { units: Reach['units'] }) {
  const { t } = useTranslation();
  const pct = useFormatPercent();
  const money = useMoney();
  return (
    <Table<Reach['units'][number]>
      size="small"
      rowKey="orgId"
      dataSource={units}
      pagination={false}
      title={() => t('training.reach.units')}
      columns={[
        { key: 'name', title: t('training.reach.unit'), dataIndex: 'orgName' },
        { key: 'classes', title: t('training.reach.classes'), align: 'right', dataIndex: 'classes' },
        {
          key: 'enrolled',
          title: t('training.reach.enrolled'),
          align: 'right',
          dataIndex: 'learnersEnrolled',
        },
        { key: 'trained', title: t('training.reach.trained'), align: 'right', dataIndex: 'learnersTrained' },
        { key: 'certified', title: t('training.reach.certified'), align: 'right', dataIndex: 'certified' },
        {
          key: 'rate',
          title: t('training.reach.passRate'),
          align: 'right',
          render: (_v, u) => (u.passRate === null ? '—' : pct(u.passRate * 100, 0)),
        },
        {
          key: 'revenue',
          title: t('training.reach.revenue'),
          align: 'right',
          render: (_v, u) => money(u.revenue),
        },
      ]}
    />
  );
}

/** /training/reach — a provider's month over its subtree (classes, learners, pass rate, revenue) and the trend. */
export function ReachPage() {
  const { t } = useTranslation();
  const statisticNumber = useStatisticNumber();
  const pct = useFormatPercent();
  const me = useCurrentUser();
  const money = useMoney();
  const [orgId, setOrgId] = useState<number | undefined>(me.isSystemAdmin ? undefined : me.grants[0]?.orgId);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const months = Array.from({ length: MONTHS }, (_, i) =>
    month.subtract(MONTHS - 1 - i, 'month').format('YYYY-MM'),
  );
  const results = useReachMonths(orgId, months);
  const error = results.find((r) => r.error)?.error;
  const loaded = results.map((r) => r.data).filter((r): r is Reach => !!r);
  const current = results[MONTHS - 1]?.data;
  const rate = current?.passRate;
  return (
    <ReportCard title={t('training.reach.title')} intro={t('training.reach.intro')}>
      <AppForm layout="inline" className="no-print">
        <Form.Item label={t('training.reach.provider')}>
          <MyOrgSelect value={orgId} onChange={setOrgId} style={{ width: 340 }} />
        </Form.Item>
        <Form.Item label={t('training.reach.month')}>
          <DatePicker
            picker="month"
            format="MM/YYYY"
            value={month}
            allowClear={false}
            onChange={(v) => v && setMonth(v.startOf('month'))}
          />
        </Form.Item>
      </AppForm>
      {!orgId && <EmptyState text={t('training.reach.pickOrg')} />}
      {error && <QueryError error={error} />}
      {orgId && current && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('training.reach.monthTitle', { month: monthLabel(current.month) })}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {[
              { title: t('training.reach.classes'), value: current.classes },
              { title: t('training.reach.enrolled'), value: current.learnersEnrolled },
              { title: t('training.reach.trained'), value: current.learnersTrained },
              { title: t('training.reach.certified'), value: current.certified },
              {
                title: t('training.reach.passRate'),
                value: rate === null || rate === undefined ? '—' : pct(rate * 100, 0),
              },
              { title: t('training.reach.revenue'), value: money(current.revenue) },
            ].map((x) => (
              <Col key={x.title} xs={12} md={8} xl={4}>
                <Statistic formatter={statisticNumber} title={x.title} value={x.value} />
              </Col>
            ))}
          </Row>
          {current.units.length > 1 && <UnitsTable units={current.units} />}
          {loaded.length === MONTHS && loaded.every((m) => m.classes === 0) ? (
            <EmptyState text={t('training.reach.noClasses', { count: MONTHS })} />
          ) : (
            loaded.length === MONTHS && <ReachCharts months={loaded} />
          )}
        </>
      )}
    </ReportCard>
  );
}

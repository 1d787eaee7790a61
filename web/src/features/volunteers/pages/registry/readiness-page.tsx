import { volunteerGroups } from '@contracts/volunteers/common.ts';
import { Card, Flex, Form, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { barSeries, ChartFigure } from '../../../../app/components/chart.tsx';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate, fromIsoDate, todayIso, toIsoDate } from '../../../../app/dates.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { type ReadinessView, useReadiness } from '../../components/registry/registry-api.ts';
import { useSkillLabel } from '../../components/registry/volunteer-labels.tsx';

type Row = ReadinessView['institutions'][number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * /volunteers/readiness?orgId=&asOf= — per institution under a unit: in the registry, ready, deployed; groups,
 * skills. "Tính đến ngày" (default today: live counts) reads each volunteer's status that day from the dated
 * history; the unit and the day stay in the URL, so a link opens the same view.
 */
export function ReadinessPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const skill = useSkillLabel();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const orgParam = Number(params.get('orgId'));
  const orgId = Number.isInteger(orgParam) && orgParam > 0 ? orgParam : undefined;
  const asOfParam = params.get('asOf') ?? '';
  const asOf = ISO_DAY.test(asOfParam) && asOfParam < today ? asOfParam : undefined;
  const setParam = (key: 'orgId' | 'asOf', value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const q = useReadiness(orgId, asOf);
  const day = q.data?.asOf ?? asOf ?? today;
  const rows = q.data?.institutions ?? [];
  const breakdown = (m: Record<string, number>, label: (k: string) => string) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${label(k)} ${n(v)}`)
      .join(', ');
  const groupLabel = (g: string) =>
    (volunteerGroups as readonly string[]).includes(g)
      ? t(`volunteers.groups.${g as (typeof volunteerGroups)[number]}`)
      : g;
  const columns = [
    { key: 'name', title: t('volunteers.readiness.institution'), dataIndex: 'orgName' },
    {
      key: 'registered',
      title: t('volunteers.readiness.registered'),
      align: 'right' as const,
      width: 110,
      render: (_x: unknown, r: Row) => n(r.registered),
    },
    {
      key: 'ready',
      title: t('volunteers.readiness.ready'),
      align: 'right' as const,
      width: 100,
      render: (_x: unknown, r: Row) => n(r.ready),
    },
    {
      key: 'deployed',
      title: t('volunteers.readiness.deployed'),
      align: 'right' as const,
      width: 120,
      render: (_x: unknown, r: Row) => n(r.deployed),
    },
    {
      key: 'groups',
      title: t('volunteers.readiness.byGroup'),
      responsive: ['md' as const],
      render: (_x: unknown, r: Row) => breakdown(r.byGroup, groupLabel),
    },
    {
      key: 'skills',
      title: t('volunteers.readiness.bySkill'),
      responsive: ['lg' as const],
      render: (_x: unknown, r: Row) => breakdown(r.bySkill, skill),
    },
  ];
  const totals = q.data?.totals;
  return (
    <ListCard
      title={t('volunteers.readiness.titleAsOf', { date: formatDate(day) })}
      intro={t('volunteers.readiness.intro')}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Form layout="inline" component="div" className="no-print">
          <Form.Item label={t('volunteers.readiness.org')}>
            <OrgPicker
              value={orgId}
              onChange={(v?: number) => setParam('orgId', v ? String(v) : undefined)}
              placeholder={t('volunteers.registry.allOrgs')}
              style={{ width: 320, maxWidth: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t('volunteers.readiness.asOf')} htmlFor="readiness-as-of">
            <DateInput
              id="readiness-as-of"
              value={fromIsoDate(asOf ?? today)}
              allowClear={false}
              disabledDate={(d: Dayjs) => toIsoDate(d)! > today}
              onChange={(d) => {
                const iso = toIsoDate(d as Dayjs | null);
                setParam('asOf', iso && iso < today ? iso : undefined);
              }}
              style={{ width: 160 }}
            />
          </Form.Item>
        </Form>
        {q.data && !q.data.live && (
          <Typography.Text type="secondary">
            {t('volunteers.readiness.historyNote', { date: formatDate(q.data.asOf) })}
          </Typography.Text>
        )}
        {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        {totals && rows.length > 0 && (
          <Flex wrap gap="small">
            {(
              [
                ['registered', totals.registered],
                ['ready', totals.ready],
                ['deployed', totals.deployed],
                ['institutionsReady', totals.institutionsReady],
                ['institutionsDeployed', totals.institutionsDeployed],
              ] as const
            ).map(([key, value]) => (
              <Card key={key} size="small" style={{ flex: '1 1 160px' }}>
                <Statistic title={t(`volunteers.readiness.${key}`)} value={n(value)} />
              </Card>
            ))}
          </Flex>
        )}
        <Table<Row>
          size="small"
          rowKey="orgId"
          loading={q.isFetching}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('volunteers.readiness.empty') }}
          summary={() =>
            totals && rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('volunteers.readiness.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {n(totals.registered)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {n(totals.ready)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {n(totals.deployed)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
        {rows.length > 0 && (
          <Card size="small" title={t('volunteers.readiness.chart')}>
            <ChartFigure
              label={rows
                .map((r) =>
                  t('volunteers.readiness.chartLabel', {
                    name: r.orgName,
                    ready: n(r.ready),
                    deployed: n(r.deployed),
                  }),
                )
                .join('; ')}
              height={Math.max(220, rows.length * 36 + 60)}
            >
              <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="orgName" width={150} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend />
                {barSeries([
                  { dataKey: 'ready', name: t('volunteers.readiness.ready'), fill: '#52c41a', stackId: 's' },
                  {
                    dataKey: 'deployed',
                    name: t('volunteers.readiness.deployed'),
                    fill: '#1677ff',
                    stackId: 's',
                  },
                ])}
              </BarChart>
            </ChartFigure>
          </Card>
        )}
      </Space>
    </ListCard>
  );
}

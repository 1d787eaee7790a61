import type { PlanView } from '@contracts/plans.ts';
import { Col, Descriptions, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import type { Indicator } from '../api/plans.ts';
import { PlanStatusTag, usePeriodLabel } from './plan-labels.tsx';
import { RecipientsTable } from './recipients-table.tsx';

function useReportingText(plan: PlanView): string {
  const { t } = useTranslation();
  const due =
    plan.reportPeriodType === 'once'
      ? t('plans.info.dueOnce', { date: formatDate(plan.reportDueOn ?? plan.periodEnd) })
      : t('plans.info.dueEvery', {
          type: t(`plans.periodTypes.${plan.reportPeriodType}`),
          days: plan.reportDueDays,
        });
  const lock =
    plan.reportLockDays === null
      ? t('plans.info.noLock')
      : t('plans.info.lockAfter', { days: plan.reportLockDays });
  return `${due}; ${lock}.`;
}

export function IndicatorKindText({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const parts = [t(`plans.indicatorKinds.${i.kind}`)];
  if ((i.kind === 'count' || i.kind === 'sum') && i.goalPercent !== 100)
    parts.push(t('plans.indicator.goal', { percent: i.goalPercent }));
  if (i.kind === 'ratio' && i.numeratorLabel && i.denominatorLabel)
    parts.push(`${i.numeratorLabel} / ${i.denominatorLabel}`);
  if (i.breakdown) parts.push(`${t('plans.indicator.breakdown')}: ${i.breakdown.label}`);
  return <>{parts.join(' · ')}</>;
}

function IndicatorsTable({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  return (
    <Table<Indicator>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={plan.indicators}
      locale={{ emptyText: <EmptyState text={t('plans.targets.noIndicators')} /> }}
      columns={[
        { key: 'code', title: t('plans.indicator.code'), dataIndex: 'code', width: 110 },
        { key: 'name', title: t('plans.indicator.name'), dataIndex: 'name' },
        { key: 'unit', title: t('plans.indicator.unit'), dataIndex: 'unit', width: 120 },
        {
          key: 'kind',
          title: t('plans.indicator.kind'),
          render: (_v, i) => <IndicatorKindText indicator={i} />,
        },
      ]}
    />
  );
}

/** Thông tin chung: the document as issued, its reporting rules, recipients and related plans. */
export function PlanInfoTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const reporting = useReportingText(plan);
  const { reporters, copies } = plan.recipientCounts;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('plans.fields.issuer')}>{plan.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.kind')}>
          {t(`plans.kinds.${plan.kind}`)} <PlanStatusTag status={plan.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.number')}>{plan.number}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.issuedOn')}>{formatDate(plan.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('plans.columns.period')}>
          {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.columns.reporting')}>{reporting}</Descriptions.Item>
        {plan.implementsPlan && (
          <Descriptions.Item label={t('plans.fields.implementsPlan')} span={2}>
            <Link to={`/plans/${plan.implementsPlan.id}`}>
              {plan.implementsPlan.number} — {plan.implementsPlan.title}
            </Link>
          </Descriptions.Item>
        )}
        {plan.revision > 0 && (
          <Descriptions.Item label={t('plans.fields.revision')}>{plan.revision}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('plans.fields.legalBases')} span={2}>
          {plan.legalBases.length === 0 ? (
            <Typography.Text type="secondary">{t('plans.info.legalBasesEmpty')}</Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {plan.legalBases.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.objectives')} span={2}>
          {plan.objectives ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {plan.objectives}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('plans.info.objectivesEmpty')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>
          {t('plans.info.indicatorsTitle', { count: plan.indicators.length })}
        </Typography.Title>
        <IndicatorsTable plan={plan} />
      </div>
      <div>
        <Typography.Title level={5}>
          {t('plans.form.recipients')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
            — {t('plans.fields.recipientsSummary', { reporters, copies })}
          </Typography.Text>
        </Typography.Title>
        <RecipientsTable plan={plan} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {plan.periods.length > 0 && (
            <>
              <Typography.Title level={5}>{t('plans.info.periodsTitle')}</Typography.Title>
              <Space wrap>
                {plan.periods.map((p) => (
                  <Tag key={p.key}>
                    {periodLabel(p.key)} — {t('plans.fields.dueDate')} {formatDate(p.dueOn)}
                  </Tag>
                ))}
              </Space>
            </>
          )}
        </Col>
        <Col xs={24} lg={12}>
          {plan.implementedBy.length > 0 && (
            <>
              <Typography.Title level={5}>{t('plans.fields.implementedBy')}</Typography.Title>
              <List
                size="small"
                bordered
                dataSource={plan.implementedBy}
                renderItem={(p) => (
                  <List.Item>
                    <Link to={`/plans/${p.id}`}>{p.number}</Link> — {p.issuerName}
                  </List.Item>
                )}
              />
            </>
          )}
        </Col>
      </Row>
    </Space>
  );
}

import { TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../app/components/list-table.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useStatisticNumber } from '../../../app/numbers.ts';
import type { Compliance } from '../api/compliance.ts';

type FirstAidersView = Compliance['firstAiders'];

function useHeadcountSource(): (f: FirstAidersView) => string {
  const { t } = useTranslation();
  return (f) =>
    f.headcountSource === 'declared'
      ? t('training.compliance.source.declared', { date: formatDate(f.headcountAsOf) })
      : f.headcountSource === 'registry'
        ? t('training.compliance.source.registry')
        : t('training.compliance.source.query');
}

/** The first-aiders an enterprise has against the number TT 19/2016 asks of its headcount. */
export function FirstAiders({ f, onDeclare }: { f: FirstAidersView; onDeclare?: () => void }) {
  const { t } = useTranslation();
  const statisticNumber = useStatisticNumber();
  const source = useHeadcountSource();
  const percent = f.required ? Math.min(100, Math.round((f.have / f.required) * 100)) : 100;
  return (
    <Card
      size="small"
      title={t('training.compliance.firstAiders')}
      extra={
        onDeclare && (
          <Button size="small" icon={<TeamOutlined />} onClick={onDeclare} className="no-print">
            {t('training.compliance.declare')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} sm={8} style={{ textAlign: 'center' }}>
          <Progress
            type="circle"
            percent={percent}
            status={f.shortfall ? 'exception' : 'success'}
            format={() => `${f.have}/${f.required}`}
            aria-label={t('training.compliance.firstAidersOf', { have: f.have, required: f.required })}
          />
        </Col>
        <Col xs={12} sm={5}>
          <Statistic
            formatter={statisticNumber}
            title={t('training.compliance.headcount')}
            value={f.headcount}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {source(f)}
          </Typography.Text>
        </Col>
        <Col xs={12} sm={5}>
          <Statistic
            formatter={statisticNumber}
            title={t('training.compliance.required')}
            value={f.required}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            formatter={statisticNumber}
            title={t('training.compliance.have')}
            value={f.have}
            styles={{ content: { color: f.shortfall ? '#cf1322' : '#389e0d' } }}
          />
        </Col>
      </Row>
      <Alert
        style={{ marginTop: 12 }}
        type={f.shortfall ? 'warning' : 'success'}
        showIcon
        title={
          f.shortfall
            ? t('training.compliance.shortfall', { count: f.shortfall })
            : t('training.compliance.enough', { have: f.have })
        }
        description={t(f.strict ? 'training.compliance.ruleStrict' : 'training.compliance.ruleOther', {
          source: f.legalSource,
        })}
      />
    </Card>
  );
}

/** A group of enterprises: each one's workers, people due and first-aiders. */
export function UnitsTable({ units }: { units: Compliance['units'] }) {
  const { t } = useTranslation();
  return (
    <ListTable<Compliance['units'][number]>
      size="small"
      rowKey="orgId"
      rows={units}
      pageSize={20}
      columns={[
        { key: 'name', title: t('training.compliance.enterprise'), dataIndex: 'orgName' },
        {
          key: 'workers',
          title: t('training.compliance.workersInRegistry'),
          align: 'right',
          dataIndex: 'workersInRegistry',
        },
        { key: 'due', title: t('training.compliance.dueCount'), align: 'right', dataIndex: 'due' },
        {
          key: 'fa',
          title: t('training.compliance.firstAiders'),
          align: 'right',
          render: (_v, u) => (
            <Typography.Text type={u.firstAiders.shortfall ? 'danger' : undefined}>
              {u.firstAiders.have}/{u.firstAiders.required}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

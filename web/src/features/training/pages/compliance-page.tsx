import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  InputNumber,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { type Compliance, useCompliance } from '../api.ts';
import { MyOrgSelect } from '../components/org-choice.tsx';

type Due = Compliance['due'][number];
const reasonColor = { never_trained: 'red', expired: 'volcano', expiring: 'gold' } as const;

function FirstAiders({ f }: { f: Compliance['firstAiders'] }) {
  const { t } = useTranslation();
  const percent = f.required ? Math.min(100, Math.round((f.have / f.required) * 100)) : 100;
  return (
    <Card size="small" title={t('training.compliance.firstAiders')}>
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
          <Statistic title={t('training.compliance.headcount')} value={f.headcount} />
        </Col>
        <Col xs={12} sm={5}>
          <Statistic title={t('training.compliance.required')} value={f.required} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
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

/** /training/compliance — an enterprise: who must be (re)trained soon, and its first-aiders against TT 19/2016. */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<number | undefined>(me.isSystemAdmin ? undefined : me.grants[0]?.orgId);
  const [headcount, setHeadcount] = useState<number | null>(null);
  const [strict, setStrict] = useState(false);
  const [days, setDays] = useState<number | null>(60);
  const typedHeadcount = useDebouncedValue(headcount, 300);
  const typedDays = useDebouncedValue(days, 300);
  const q = {
    headcount: typedHeadcount ?? undefined,
    strict: strict ? ('true' as const) : undefined,
    days: typedDays ?? 60,
  };
  const data = useCompliance(orgId, q);
  const c = data.data;
  return (
    <Card
      className="print-area"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('training.compliance.title')}
        </Typography.Title>
      }
      extra={
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" className="no-print" style={{ marginBottom: 0 }}>
          {t('training.compliance.intro')}
        </Typography.Paragraph>
        <Form layout="inline" className="no-print">
          <Form.Item label={t('training.compliance.enterprise')}>
            <MyOrgSelect value={orgId} onChange={setOrgId} style={{ width: 340 }} />
          </Form.Item>
          <Form.Item label={t('training.compliance.days')}>
            <InputNumber min={1} max={366} value={days} onChange={setDays} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item label={t('training.compliance.headcountOverride')}>
            <InputNumber
              min={0}
              value={headcount}
              onChange={setHeadcount}
              placeholder={c ? String(c.firstAiders.headcount) : undefined}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={strict} onChange={(e) => setStrict(e.target.checked)}>
              {t('training.compliance.strict')}
            </Checkbox>
          </Form.Item>
        </Form>
        {!orgId && <EmptyState text={t('training.compliance.pickOrg')} />}
        {data.error && <QueryError error={data.error} onRetry={() => data.refetch()} />}
        {c && (
          <>
            <div className="print-only">
              <Typography.Title level={5}>
                {t('training.compliance.printTitle', { from: formatDate(c.today), to: formatDate(c.until) })}
              </Typography.Title>
            </div>
            <FirstAiders f={c.firstAiders} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('training.compliance.dueTitle', { count: c.due.length, until: formatDate(c.until) })}
            </Typography.Title>
            <Table<Due>
              size="small"
              rowKey={(d) => `${d.personId}-${d.courseCode}`}
              loading={data.isFetching}
              dataSource={c.due}
              pagination={c.due.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: <EmptyState text={t('training.compliance.noneDue', { days: q.days })} /> }}
              columns={[
                { key: 'i', title: '#', width: 48, render: (_v, _d, i) => i + 1 },
                { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
                {
                  key: 'course',
                  title: t('training.requests.course'),
                  render: (_v, d) => `${d.courseName} (${d.courseCode})`,
                },
                {
                  key: 'reason',
                  title: t('training.compliance.reason'),
                  width: 170,
                  render: (_v, d) => (
                    <Tag color={reasonColor[d.reason]}>{t(`training.compliance.reasons.${d.reason}`)}</Tag>
                  ),
                },
                {
                  key: 'until',
                  title: t('training.certificates.validUntil'),
                  width: 130,
                  render: (_v, d) => (d.validUntil ? formatDate(d.validUntil) : '—'),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}

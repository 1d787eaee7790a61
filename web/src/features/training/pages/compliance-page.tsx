import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
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
  Segmented,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { ListTable } from '../../../app/components/list-table.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { useCourses } from '../api/catalogue.ts';
import { type Compliance, useCompliance } from '../api/compliance.ts';
import { MyOrgSelect } from '../components/org-choice.tsx';
import { ReportCard } from '../components/report-card.tsx';
import { RequestFormModal } from '../components/request-form-modal.tsx';
import { WorkforceModal } from '../components/workforce-modal.tsx';

type Due = Compliance['due'][number];
type FirstAidersView = Compliance['firstAiders'];
const reasonColor = { never_trained: 'red', expired: 'volcano', expiring: 'gold' } as const;

function useHeadcountSource(): (f: FirstAidersView) => string {
  const { t } = useTranslation();
  return (f) =>
    f.headcountSource === 'declared'
      ? t('training.compliance.source.declared', { date: formatDate(f.headcountAsOf) })
      : f.headcountSource === 'registry'
        ? t('training.compliance.source.registry')
        : t('training.compliance.source.query');
}

function FirstAiders({ f, onDeclare }: { f: FirstAidersView; onDeclare?: () => void }) {
  const { t } = useTranslation();
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
          <Statistic title={t('training.compliance.headcount')} value={f.headcount} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {source(f)}
          </Typography.Text>
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

function UnitsTable({ units }: { units: Compliance['units'] }) {
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

/** /training/compliance — an enterprise: who must be (re)trained soon, and its first-aiders against TT 19/2016. */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const courses = useCourses();
  const [orgId, setOrgId] = useState<number | undefined>(me.isSystemAdmin ? undefined : me.grants[0]?.orgId);
  const [headcount, setHeadcount] = useState<number | null>(null);
  const [strict, setStrict] = useState(false);
  const [days, setDays] = useState<number | null>(60);
  const [course, setCourse] = useState<string>('all');
  const [dialog, setDialog] = useState<'declare' | 'request' | null>(null);
  const typedHeadcount = useDebouncedValue(headcount, 300);
  const typedDays = useDebouncedValue(days, 300);
  const q = {
    headcount: typedHeadcount ?? undefined,
    strict: strict ? ('true' as const) : undefined,
    days: typedDays ?? 60,
  };
  const data = useCompliance(orgId, q);
  const c = data.data;
  const codes = [...new Set((c?.due ?? []).map((d) => d.courseCode))];
  const [reason, setReason] = useState<Due['reason'] | 'all'>('all');
  const ofCourse = (c?.due ?? []).filter((d) => course === 'all' || d.courseCode === course);
  const shown = ofCourse.filter((d) => reason === 'all' || d.reason === reason);
  const canAct = hasPermission(me, 'report.write') || hasPermission(me, 'training.manage');
  // A request is for one course: the one chosen above, or the only one due.
  const target = course === 'all' ? (codes.length === 1 ? codes[0] : undefined) : course;
  const targetCount = shown.filter((d) => d.courseCode === target).length;
  const requestCourse = courses.data?.find((x) => x.code === target);
  return (
    <ReportCard
      title={t('training.compliance.title')}
      intro={t('training.compliance.intro')}
      dialogs={
        <>
          {dialog === 'declare' && orgId && (
            <WorkforceModal orgId={orgId} current={c?.firstAiders} onClose={() => setDialog(null)} />
          )}
          {dialog === 'request' && (
            <RequestFormModal
              onClose={() => setDialog(null)}
              initial={{
                requesterOrgId: orgId,
                courseTypeId: requestCourse?.id,
                learners: targetCount,
              }}
            />
          )}
        </>
      }
    >
      <Form layout="inline" className="no-print">
        <Form.Item label={t('training.compliance.enterprise')}>
          <MyOrgSelect value={orgId} onChange={setOrgId} style={{ width: 340 }} />
        </Form.Item>
        <Form.Item label={t('training.compliance.days')}>
          <InputNumber min={1} max={366} value={days} onChange={setDays} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item label={t('training.compliance.whatIf')} tooltip={t('training.compliance.whatIfHint')}>
          <InputNumber
            min={0}
            value={headcount}
            onChange={setHeadcount}
            placeholder={c ? String(c.firstAiders.headcount) : undefined}
            style={{ width: 110 }}
            aria-label={t('training.compliance.whatIf')}
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
              {c.orgName} —{' '}
              {t('training.compliance.printTitle', { from: formatDate(c.today), to: formatDate(c.until) })}
            </Typography.Title>
          </div>
          <FirstAiders f={c.firstAiders} onDeclare={canAct ? () => setDialog('declare') : undefined} />
          {c.units.length > 1 && <UnitsTable units={c.units} />}
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('training.compliance.dueTitle', { count: c.due.length, until: formatDate(c.until) })}
            </Typography.Title>
            {canAct && target && targetCount > 0 && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                className="no-print"
                onClick={() => setDialog('request')}
              >
                {t('training.compliance.requestFor', { count: targetCount, code: target })}
              </Button>
            )}
            {canAct && !target && codes.length > 1 && (
              <Typography.Text type="secondary" className="no-print">
                {t('training.compliance.pickCourseToRequest')}
              </Typography.Text>
            )}
          </Space>
          <Space wrap className="no-print">
            {codes.length > 1 && (
              <Segmented
                className="no-print"
                value={course}
                onChange={(v) => setCourse(String(v))}
                options={[
                  { value: 'all', label: t('training.compliance.allCourses', { count: c.due.length }) },
                  ...codes.map((code) => ({
                    value: code,
                    label: `${code} (${c.due.filter((d) => d.courseCode === code).length})`,
                  })),
                ]}
              />
            )}
            <Segmented
              value={reason}
              onChange={(v) => setReason(v as Due['reason'] | 'all')}
              options={[
                { value: 'all', label: t('training.compliance.allReasons') },
                ...(['expiring', 'expired', 'never_trained'] as const).map((r) => ({
                  value: r,
                  label: `${t(`training.compliance.reasons.${r}`)} (${ofCourse.filter((d) => d.reason === r).length})`,
                })),
              ]}
            />
          </Space>
          <ListTable<Due>
            size="small"
            rowKey={(d) => `${d.personId}-${d.courseCode}`}
            loading={data.isFetching}
            rows={shown}
            scroll={{ x: 820 }}
            empty={t('training.compliance.noneDue', { days: q.days })}
            columns={[
              { key: 'i', title: '#', width: 48, render: (_v, _d, i) => i + 1 },
              { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
              ...(c.units.length > 1
                ? [{ key: 'employer', title: t('people.fields.employer'), dataIndex: 'employerName' }]
                : []),
              {
                key: 'course',
                title: t('training.requests.course'),
                render: (_v, d) => (
                  <Space orientation="vertical" size={0}>
                    <span>{d.courseName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`training.compliance.kind.${d.kind}`, { hours: d.hours })} · {d.legalSource}
                    </Typography.Text>
                  </Space>
                ),
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
    </ReportCard>
  );
}

import { Card, Space, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageBreadcrumb } from '../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../app/components/page-loading.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { NotFoundPage } from '../../../app/not-found-page.tsx';
import { type TrainingClass, useTrainingClass } from '../api/classes.ts';
import { AttendanceTab } from '../components/attendance-tab.tsx';
import { CertificatesTab } from '../components/certificates-tab.tsx';
import { ClassActions } from '../components/class-actions.tsx';
import { ClassOverviewTab } from '../components/class-overview-tab.tsx';
import { LearnersTab } from '../components/learners-tab.tsx';
import { ResultsTab } from '../components/results-tab.tsx';
import { SessionsTab } from '../components/sessions-tab.tsx';
import { TrainersTab } from '../components/trainers-tab.tsx';
import { ClassStatusTag, parseId, useCourseName } from '../components/training-labels.tsx';

const tabKeys = [
  'overview',
  'sessions',
  'trainers',
  'learners',
  'attendance',
  'results',
  'certificates',
] as const;
type TabKey = (typeof tabKeys)[number];

function ClassHeader({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const name = useCourseName();
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
      <Space orientation="vertical" size={4} style={{ maxWidth: 860 }}>
        <PageBreadcrumb
          items={[
            ...(c.requestId
              ? [
                  {
                    key: 'req',
                    title: (
                      <Link to={`/training/requests/${c.requestId}`}>
                        {t('training.requests.number', { id: c.requestId })}
                      </Link>
                    ),
                  },
                ]
              : []),
            { key: 'c', title: c.code },
          ]}
        />
        <Typography.Text type="secondary">
          {c.providerName}
          {c.customerName ? ` → ${c.customerName}` : ''} · {name(c.course)}
        </Typography.Text>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {c.title}
        </Typography.Title>
        <Space wrap>
          <ClassStatusTag status={c.status} />
          <Tag>{t('training.classes.seatsOf', { enrolled: c.enrolled, capacity: c.capacity })}</Tag>
          {c.waitlisted > 0 && (
            <Tag color="orange">{t('training.classes.waiting', { count: c.waitlisted })}</Tag>
          )}
        </Space>
      </Space>
      <ClassActions c={c} />
    </Space>
  );
}

/** /training/classes/:id — one class: sessions, trainers, learners, attendance, results, certificates. */
export function ClassDetailPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const klass = useTrainingClass(id);
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = tabKeys.includes(raw as TabKey) ? (raw as TabKey) : 'overview';
  if (id === undefined) return <NotFoundPage />;
  if (klass.isPending) return <PageLoading />;
  if (klass.error)
    return (
      <QueryError
        error={klass.error}
        onRetry={() => klass.refetch()}
        backTo={{ to: '/training/classes', label: t('training.classes.title') }}
      />
    );
  const c = klass.data;
  const panes: Record<TabKey, () => ReactNode> = {
    overview: () => <ClassOverviewTab c={c} />,
    sessions: () => <SessionsTab c={c} />,
    trainers: () => <TrainersTab c={c} />,
    learners: () => <LearnersTab c={c} />,
    attendance: () => <AttendanceTab c={c} />,
    results: () => <ResultsTab c={c} />,
    certificates: () => <CertificatesTab c={c} />,
  };
  const counts: Partial<Record<TabKey, number>> = {
    sessions: c.sessions.length,
    trainers: c.trainers.length,
    learners: c.enrolled,
  };
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ClassHeader c={c} />
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'overview' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={tabKeys.map((k) => ({
            key: k,
            label:
              counts[k] !== undefined
                ? `${t(`training.classTabs.${k}`)} (${counts[k]})`
                : t(`training.classTabs.${k}`),
            children: k === tab ? panes[k]() : null,
          }))}
        />
      </Space>
    </Card>
  );
}

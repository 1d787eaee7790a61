import { CalendarOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { PageBreadcrumb } from '../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../app/components/page-loading.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { NotFoundPage } from '../../../app/not-found-page.tsx';
import { useCourses } from '../api/catalogue.ts';
import { type TrainingClass, useClassDetails } from '../api/classes.ts';
import { useRequestChange, useTrainingRequest } from '../api/requests.ts';
import { AgreementTable } from '../components/agreement-table.tsx';
import { DeclineModal } from '../components/decline-modal.tsx';
import { RequesterActions } from '../components/requester-actions.tsx';
import { ScheduleModal } from '../components/schedule-modal.tsx';
import { parseId, RequestStatusTag, useCourseName } from '../components/training-labels.tsx';
import { usePreferredTime } from './requests-page.tsx';

/** /training/requests/:id — one request: the provider accepts or declines it and schedules it into classes. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = parseId(useParams().id);
  const request = useTrainingRequest(id);
  const courses = useCourses();
  const name = useCourseName();
  const when = usePreferredTime();
  const change = useRequestChange();
  const [dialog, setDialog] = useState<'schedule' | 'decline' | null>(null);
  const classes = useClassDetails(request.data?.classIds ?? []);
  if (id === undefined) return <NotFoundPage />;
  if (request.isPending) return <PageLoading />;
  if (request.error)
    return (
      <QueryError
        error={request.error}
        backTo={{ to: '/training/requests', label: t('training.requests.title') }}
      />
    );
  const r = request.data;
  const course = courses.data?.find((c) => c.id === r.courseTypeId);
  const open = r.status === 'requested' || r.status === 'accepted';
  const loaded = classes.map((q) => q.data).filter((c): c is TrainingClass => !!c);
  const accept = () =>
    change.mutate(
      { kind: 'decide', id: r.id, body: { version: r.version, decision: 'accept' } },
      {
        onSuccess: () => message.success(t('training.requests.accepted')),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PageBreadcrumb items={[{ key: 'r', title: t('training.requests.number', { id: r.id }) }]} />
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">
              {r.requesterName} → {r.providerName}
            </Typography.Text>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
              {course ? name(course) : r.courseCode}
            </Typography.Title>
            <Space wrap>
              <RequestStatusTag status={r.status} />
              <Typography.Text>{t('training.requests.learnersCount', { count: r.learners })}</Typography.Text>
            </Space>
          </Space>
          <RequesterActions request={r} />
          {r.can.decide && (
            <Space wrap className="no-print">
              {r.status === 'requested' && (
                <Button icon={<CheckOutlined />} onClick={accept} loading={change.isPending}>
                  {t('training.requests.accept')}
                </Button>
              )}
              {open && (
                <Button type="primary" icon={<CalendarOutlined />} onClick={() => setDialog('schedule')}>
                  {t('training.requests.schedule')}
                </Button>
              )}
              {open && (
                <Button danger icon={<CloseOutlined />} onClick={() => setDialog('decline')}>
                  {t('training.requests.decline')}
                </Button>
              )}
            </Space>
          )}
        </Space>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'req', label: t('training.requests.requester'), children: r.requesterName },
            { key: 'prov', label: t('training.requests.provider'), children: r.providerName },
            {
              key: 'course',
              label: t('training.requests.course'),
              children: `${r.courseCode}${course ? ` — ${name(course)}` : ''}`,
            },
            { key: 'n', label: t('training.requests.learners'), children: r.learners },
            { key: 'place', label: t('training.requests.place'), children: r.place ?? '—' },
            { key: 'when', label: t('training.requests.when'), children: when(r) },
            { key: 'notes', label: t('training.requests.notes'), children: r.notes ?? '—', span: 2 },
          ]}
        />
        {open && r.can.decide && (
          <Typography.Paragraph type="secondary">{t('training.requests.scheduleHint')}</Typography.Paragraph>
        )}
        {r.can.change && (
          <Typography.Paragraph type="secondary">{t('training.requests.changeHint')}</Typography.Paragraph>
        )}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('training.requests.classesAndAgreement')}
        </Typography.Title>
        {r.classIds.length === 0 ? (
          <EmptyState
            text={
              r.status === 'withdrawn'
                ? t('training.requests.noClassesWithdrawn')
                : r.can.decide
                  ? t('training.requests.noClassesProvider')
                  : t('training.requests.noClasses')
            }
          />
        ) : (
          <AgreementTable classes={loaded} canManage={loaded.some((c) => c.can.manage)} />
        )}
      </Space>
      {dialog === 'schedule' && <ScheduleModal request={r} course={course} onClose={() => setDialog(null)} />}
      {dialog === 'decline' && <DeclineModal request={r} onClose={() => setDialog(null)} />}
    </Card>
  );
}

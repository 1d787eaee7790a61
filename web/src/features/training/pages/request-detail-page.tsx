import {
  CalendarOutlined,
  CheckOutlined,
  CloseOutlined,
  DollarOutlined,
  EditOutlined,
} from '@ant-design/icons';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { NotFoundPage } from '../../../app/not-found-page.tsx';
import { useCourses } from '../api/catalogue.ts';
import { type TrainingClass, useClassDetails } from '../api/classes.ts';
import { type TrainingRequest, useRequestChange, useTrainingRequest } from '../api/requests.ts';
import { ClassFormModal } from '../components/class-form-modal.tsx';
import { PaymentModal } from '../components/payment-modal.tsx';
import { ScheduleModal } from '../components/schedule-modal.tsx';
import {
  ClassStatusTag,
  parseId,
  RequestStatusTag,
  useCourseName,
  useMoney,
} from '../components/training-labels.tsx';
import { usePreferredTime } from './requests-page.tsx';

function DeclineModal({ request, onClose }: { request: TrainingRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const change = useRequestChange();
  return (
    <Modal
      open
      title={t('training.requests.declineTitle')}
      okText={t('training.requests.decline')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onCancel={onClose}
      onOk={() =>
        change.mutate(
          { kind: 'decide', id: request.id, body: { version: request.version, decision: 'decline', reason } },
          {
            onSuccess: () => {
              message.success(t('training.requests.declined'));
              onClose();
            },
            onError: (e) => message.error(errorMessage(e)),
          },
        )
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('training.requests.declineReason')}>
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={1000}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The service agreement, class by class: price per learner × learners, what is paid and what is still due. */
function AgreementTable({ classes, canManage }: { classes: TrainingClass[]; canManage: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [editing, setEditing] = useState<TrainingClass | null>(null);
  const [paying, setPaying] = useState<TrainingClass | null>(null);
  const sum = (f: (c: TrainingClass) => number) => classes.reduce((s, c) => s + f(c), 0);
  return (
    <>
      <Table<TrainingClass>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={classes}
        scroll={{ x: 860 }}
        columns={[
          {
            key: 'code',
            className: 'nowrap',
            title: t('training.classes.code'),
            render: (_v, c) => <Link to={`/training/classes/${c.id}`}>{c.code}</Link>,
          },
          { key: 'title', title: t('training.classes.titleField'), dataIndex: 'title', responsive: ['xxl'] },
          {
            key: 'first',
            className: 'nowrap',
            title: t('training.classes.firstSession'),
            render: (_v, c) =>
              c.firstSessionAt ? formatDateTime(c.firstSessionAt) : t('training.classes.noSessions'),
          },
          {
            key: 'seats',
            className: 'nowrap',
            title: t('training.classes.seats'),
            align: 'right',
            render: (_v, c) => `${c.enrolled}/${c.capacity}`,
          },
          {
            key: 'trainers',
            title: t('training.classes.trainers'),
            align: 'right',
            render: (_v, c) => c.trainers.length,
          },
          {
            key: 'price',
            className: 'nowrap',
            title: t('training.classes.pricePerLearner'),
            align: 'right',
            render: (_v, c) => money(c.pricePerLearner),
          },
          {
            key: 'total',
            className: 'nowrap',
            title: t('training.classes.total'),
            align: 'right',
            render: (_v, c) => money(c.totalAmount),
          },
          {
            key: 'paid',
            className: 'nowrap',
            title: t('training.classes.paid'),
            align: 'right',
            render: (_v, c) => money(c.paidAmount),
          },
          {
            key: 'unpaid',
            className: 'nowrap',
            title: t('training.classes.unpaid'),
            align: 'right',
            render: (_v, c) =>
              c.unpaidAmount > 0 ? (
                <Typography.Text type="danger">{money(c.unpaidAmount)}</Typography.Text>
              ) : (
                <Tag color="green">{t('training.classes.settled')}</Tag>
              ),
          },
          {
            key: 'status',
            title: t('training.classes.status'),
            render: (_v, c) => <ClassStatusTag status={c.status} />,
          },
          ...(canManage
            ? [
                {
                  key: 'edit',
                  title: '',
                  render: (_v: unknown, c: TrainingClass) =>
                    c.can.manage &&
                    c.status !== 'cancelled' && (
                      <Space size={4}>
                        {c.status !== 'completed' && (
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('training.classes.editTitle', { code: c.code })}
                            onClick={() => setEditing(c)}
                          />
                        )}
                        <Button
                          size="small"
                          icon={<DollarOutlined />}
                          aria-label={t('training.classes.paymentTitle', { code: c.code })}
                          title={t('training.classes.recordPayment')}
                          onClick={() => setPaying(c)}
                        />
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t('training.classes.sum')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {sum((c) => c.enrolled)}/{sum((c) => c.capacity)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
            <Table.Summary.Cell index={5} />
            <Table.Summary.Cell index={6} align="right">
              <Typography.Text strong>{money(sum((c) => c.totalAmount))}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {money(sum((c) => c.paidAmount))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">
              <Typography.Text strong type={sum((c) => c.unpaidAmount) > 0 ? 'danger' : undefined}>
                {money(sum((c) => c.unpaidAmount))}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {editing && <ClassFormModal klass={editing} onClose={() => setEditing(null)} />}
      {paying && <PaymentModal klass={paying} onClose={() => setPaying(null)} />}
    </>
  );
}

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
  if (request.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
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
        <Breadcrumb
          className="no-print"
          items={[
            { key: 'list', title: <Link to="/training/requests">{t('training.requests.title')}</Link> },
            { key: 'r', title: t('training.requests.number', { id: r.id }) },
          ]}
        />
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
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('training.requests.classesAndAgreement')}
        </Typography.Title>
        {r.classIds.length === 0 ? (
          <EmptyState
            text={r.can.decide ? t('training.requests.noClassesProvider') : t('training.requests.noClasses')}
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

import { rejectBody } from '@contracts/volunteers/self-signup.ts';
import { App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../app/api-client.ts';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { formatDate, formatDateTime } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import {
  type ApplicationStatus,
  type ApplicationView,
  useApplications,
  useApproveApplication,
  useRejectApplication,
} from '../../api/self.ts';
import { useSkillLabel } from './self-labels.tsx';

function RejectModal({ app, onClose }: { app: ApplicationView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const reject = useRejectApplication();
  const onFinish = (v: { reason?: string }) => {
    const body = parseWith(form, rejectBody, { reason: v.reason ?? '' });
    if (!body) return;
    reject.mutate(
      { id: app.id, body },
      {
        onSuccess: () => {
          message.success(t('volunteerSelf.applications.rejectedOk'));
          onClose();
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) message.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <FormModal
      title={t('volunteerSelf.applications.rejectTitle', { name: app.fullName })}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      busy={reject.isPending}
      okDanger
      okText={t('volunteerSelf.applications.reject')}
    >
      <Form.Item name="reason" label={t('volunteerSelf.applications.reason')} required>
        <Input.TextArea rows={3} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

/**
 * Approves a sign-up; when the person is already in the officer's people list (people.duplicate), asks whether to
 * approve onto that record instead of creating anyone.
 */
function useApprove() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const approve = useApproveApplication();
  const run = (app: ApplicationView, personId?: number) =>
    approve.mutate(
      { id: app.id, body: personId ? { personId } : {} },
      {
        onSuccess: () => message.success(t('volunteerSelf.applications.approvedOk', { name: app.fullName })),
        onError: (e) => {
          const existingId =
            isApiError(e) && e.code === 'people.duplicate'
              ? (e.details as { existingId?: number } | null)?.existingId
              : undefined;
          if (!existingId) return void message.error(errorMessage(e));
          modal.confirm({
            title: t('volunteerSelf.applications.duplicateTitle'),
            content: t('volunteerSelf.applications.duplicateText'),
            okText: t('volunteerSelf.applications.useExisting'),
            onOk: () => run(app, existingId),
          });
        },
      },
    );
  return { run, pendingId: approve.isPending ? approve.variables?.id : undefined };
}

/** The sign-ups of one state, with what the officer needs to decide and the buttons to do it. */
export function ApplicationsTable({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  const skill = useSkillLabel();
  const list = useApplications({ status });
  const approve = useApprove();
  const [rejecting, setRejecting] = useState<ApplicationView | null>(null);
  return (
    <>
      <ListTable<ApplicationView>
        rowKey="id"
        loading={list.isPending}
        rows={list.data ?? []}
        scroll={{ x: true }}
        empty={t(`volunteerSelf.applications.empty.${status}`)}
        columns={[
          {
            title: t('volunteerSelf.applications.person'),
            key: 'person',
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{a.fullName}</Typography.Text>
                <Typography.Text type="secondary">
                  {[
                    formatDate(a.birthDate),
                    t(`volunteerSelf.group.${a.group}` as 'volunteerSelf.group.student'),
                    a.faculty,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                <Space wrap size={4}>
                  {a.skills.map((s) => (
                    <Tag key={s}>{skill(s)}</Tag>
                  ))}
                </Space>
              </Space>
            ),
          },
          { title: t('volunteerSelf.applications.institution'), dataIndex: 'orgName' },
          {
            title: t('volunteerSelf.applications.contact'),
            key: 'contact',
            render: (_, a) => [a.phone, a.email].filter(Boolean).join(' · '),
          },
          {
            title:
              status === 'pending'
                ? t('volunteerSelf.applications.sentAt')
                : t('volunteerSelf.applications.decidedAt'),
            key: 'when',
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                {formatDateTime(status === 'pending' ? a.createdAt : a.decidedAt)}
                {a.rejectReason && <Typography.Text type="secondary">{a.rejectReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, a) =>
              a.can.decide && (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    loading={approve.pendingId === a.id}
                    onClick={() => approve.run(a)}
                  >
                    {t('volunteerSelf.applications.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(a)}>
                    {t('volunteerSelf.applications.reject')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {rejecting && <RejectModal app={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

import {
  BranchesOutlined,
  EditOutlined,
  FileDoneOutlined,
  FormOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { PlanView } from '@contracts/plans.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api-client.ts';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { planKeys, usePlanChange } from '../api/plans.ts';
import { AmendModal } from './amend-modal.tsx';
import { defaultPeriod } from './period-select.tsx';
import { RecipientSelect } from './recipient-select.tsx';

function ImplementModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ issuerOrgId: number }>();
  const change = usePlanChange();
  return (
    <FormModal<{ issuerOrgId: number }>
      title={t('plans.actions.implementTitle')}
      form={form}
      initialValues={{ issuerOrgId: plan.can.implementAs[0]?.orgId }}
      onCancel={onClose}
      okText={t('common.create')}
      busy={change.isPending}
      onFinish={(v) =>
        change.mutate(
          { kind: 'implement', id: plan.id, issuerOrgId: v.issuerOrgId },
          {
            onSuccess: (created) => {
              message.success(t('plans.actions.implemented'));
              onClose();
              navigate(`/plans/${created.id}`);
            },
            onError: (e) => message.error(errorMessage(e)),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('plans.actions.implementHint')}</Typography.Paragraph>
      <Form.Item name="issuerOrgId" label={t('plans.actions.implementAs')} required>
        <RecipientSelect
          planId={plan.id}
          can="implement"
          first={plan.can.implementAs}
          total={plan.can.implementAsTotal}
        />
      </Form.Item>
    </FormModal>
  );
}

/** What the user may do with the plan now (the server checks again). */
export function PlanActions({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const change = usePlanChange();
  const [dialog, setDialog] = useState<'amend' | 'implement' | null>(null);
  const manage = plan.can.manage;
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'plans.version_conflict') {
      void queryClient.invalidateQueries({ queryKey: planKeys.detail(plan.id) });
      modal.warning({ title: t('orgs.conflictTitle'), content: errorMessage(error) });
      return;
    }
    message.error(errorMessage(error));
  };
  const run = (kind: 'issue' | 'close', done: string) =>
    change.mutate(
      { kind, id: plan.id, version: plan.version },
      { onSuccess: () => message.success(done), onError },
    );
  const reportFor = plan.can.reportFor[0];
  return (
    <Space wrap className="no-print">
      {plan.status === 'issued' && reportFor && (
        <Button
          type="primary"
          icon={<FormOutlined />}
          onClick={() =>
            navigate(`/plans/${plan.id}/report?orgId=${reportFor.orgId}&period=${defaultPeriod(plan)}`)
          }
        >
          {t('plans.actions.report')}
        </Button>
      )}
      {manage && plan.status === 'draft' && (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/plans/${plan.id}/edit`)}>
            {t('plans.actions.edit')}
          </Button>
          <Popconfirm
            title={t('plans.actions.issue')}
            description={
              <div style={{ maxWidth: 360 }}>{t('plans.actions.issueConfirm', { number: plan.number })}</div>
            }
            okText={t('plans.actions.issue')}
            cancelText={t('common.cancel')}
            onConfirm={() => run('issue', t('plans.actions.issued', { number: plan.number }))}
          >
            <Button type="primary" icon={<SendOutlined />} loading={change.isPending}>
              {t('plans.actions.issue')}
            </Button>
          </Popconfirm>
        </>
      )}
      {manage && plan.status === 'issued' && (
        <>
          <Button icon={<FileDoneOutlined />} onClick={() => setDialog('amend')}>
            {t('plans.actions.amend')}
          </Button>
          <Popconfirm
            title={t('plans.actions.close')}
            description={
              <div style={{ maxWidth: 360 }}>{t('plans.actions.closeConfirm', { number: plan.number })}</div>
            }
            okText={t('plans.actions.close')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => run('close', t('plans.actions.closed'))}
          >
            <Button danger icon={<StopOutlined />}>
              {t('plans.actions.close')}
            </Button>
          </Popconfirm>
        </>
      )}
      {plan.status === 'issued' && plan.can.implementAs.length > 0 && (
        <Button icon={<BranchesOutlined />} onClick={() => setDialog('implement')}>
          {t('plans.actions.implement')}
        </Button>
      )}
      {dialog === 'amend' && <AmendModal plan={plan} onClose={() => setDialog(null)} />}
      {dialog === 'implement' && <ImplementModal plan={plan} onClose={() => setDialog(null)} />}
    </Space>
  );
}

import { pledgeBody } from '@contracts/volunteers/waves.ts';
import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useAnswerChange, type Wave } from './waves-api.ts';

type Values = { pledged?: number | null; note?: string };

/** The institution answers with a number now; names follow by the due date. */
export function PledgeModal({
  wave,
  quota,
  onClose,
}: {
  wave: Wave;
  quota: Wave['quotas'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const answer = useAnswerChange();
  const onFinish = (v: Values) => {
    const body = parseWith(form, pledgeBody, { pledged: v.pledged ?? undefined, note: v.note ?? null });
    if (!body) return;
    answer.mutate(
      { kind: 'pledge', waveId: wave.id, quotaId: quota.id, body },
      {
        onSuccess: () => {
          message.success(t('waves.quotas.pledgeSaved'));
          onClose();
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) setProblem(errorMessage(e));
        },
      },
    );
  };
  return (
    <FormModal<Values>
      title={`${t('waves.quotas.pledgeTitle')} — ${quota.orgName}`}
      form={form}
      initialValues={{ pledged: quota.pledged ?? quota.quota, note: quota.note ?? undefined }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={answer.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="pledged" label={t('waves.quotas.pledgeCount')} rules={[{ required: true }]}>
        <NumberField min={0} isInteger />
      </Form.Item>
      <Form.Item name="note" label={t('waves.quotas.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

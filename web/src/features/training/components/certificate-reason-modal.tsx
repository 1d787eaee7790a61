import { certificateReasonBody } from '@contracts/certificates.ts';
import { Alert, App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { type Certificate, useCertificateChange } from '../api/certificates.ts';

type Values = { reason?: string };

/** Thu hồi or cấp lại a certificate: both need a reason, which goes into the audit log. */
export function CertificateReasonModal({
  certificate,
  action,
  onClose,
}: {
  certificate: Certificate;
  action: 'revoke' | 'reissue';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useCertificateChange();
  const onFinish = (v: Values) => {
    setProblem(null);
    const parsed = parseWith(form, certificateReasonBody, v);
    if (!parsed) return;
    change.mutate(
      { id: certificate.id, action, reason: parsed.reason },
      {
        onSuccess: (c) => {
          message.success(
            action === 'revoke'
              ? t('training.certificates.revoked', { number: certificate.number })
              : t('training.certificates.reissued', { number: c.number }),
          );
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
      title={t(`training.certificates.${action}Title`, { number: certificate.number })}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t(`training.certificates.${action}`)}
      okDanger={action === 'revoke'}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>
        {t(`training.certificates.${action}Text`, { name: certificate.personName })}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t('training.certificates.reason')} required>
        <Input.TextArea rows={3} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

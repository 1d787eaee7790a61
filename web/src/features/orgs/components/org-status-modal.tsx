import { closeOrgBody, type OrgDetail, reopenOrgBody } from '@contracts/orgs.ts';
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { DATE_FORMAT, toIsoDate } from '../../../app/dates.ts';
import { parseWith } from '../../../app/forms.ts';
import { useOrgSubmit } from './use-org-submit.ts';

type Values = { effectiveOn?: Dayjs; reason?: string };
type Props = { mode: 'close' | 'reopen'; org: OrgDetail; onClose: () => void };

/** "Giải thể" (close, with date and reason) and "Khôi phục" (reopen). */
export function OrgStatusModal({ mode, org, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useOrgSubmit(form, onClose, onClose);

  const onFinish = (values: Values) => {
    const base = { version: org.version, effectiveOn: toIsoDate(values.effectiveOn) };
    if (mode === 'close') {
      const body = parseWith(form, closeOrgBody, { ...base, reason: values.reason });
      if (body) submit({ kind: 'close', id: org.id, body }, t('orgs.saved.closed'));
    } else {
      const body = parseWith(form, reopenOrgBody, base);
      if (body) submit({ kind: 'reopen', id: org.id, body }, t('orgs.saved.reopened'));
    }
  };

  return (
    <FormModal<Values>
      title={t(`orgs.${mode}.title`, { name: org.name })}
      form={form}
      initialValues={{ effectiveOn: dayjs() }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t(`orgs.actions.${mode}`)}
      okDanger={mode === 'close'}
      busy={busy}
    >
      <Typography.Paragraph type="secondary">{t(`orgs.${mode}.hint`)}</Typography.Paragraph>
      <Form.Item name="effectiveOn" label={t('orgs.fields.effectiveOn')} required>
        <DatePicker format={DATE_FORMAT} autoFocus />
      </Form.Item>
      {mode === 'close' && (
        <Form.Item name="reason" label={t('orgs.close.reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}

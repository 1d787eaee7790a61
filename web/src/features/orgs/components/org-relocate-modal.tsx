import { mergeOrgBody, moveOrgBody, type OrgDetail } from '@contracts/orgs.ts';
import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { DATE_FORMAT, toIsoDate } from '../../../app/dates.ts';
import { parseWith } from '../../../app/forms.ts';
import { OrgPicker } from './org-picker.tsx';
import { useOrgSubmit } from './use-org-submit.ts';

type Values = { newParentId?: number; intoId?: number; effectiveOn?: Dayjs };
type Props = { mode: 'move' | 'merge'; org: OrgDetail; onClose: () => void };

/** "Chuyển" (new parent) and "Sáp nhập" (merge into another organisation): pick the target by search. */
export function OrgRelocateModal({ mode, org, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useOrgSubmit(form, onClose, onClose);

  const onFinish = (values: Values) => {
    const base = { version: org.version, effectiveOn: toIsoDate(values.effectiveOn) };
    if (mode === 'move') {
      const body = parseWith(form, moveOrgBody, { ...base, newParentId: values.newParentId });
      if (body) submit({ kind: 'move', id: org.id, body }, t('orgs.saved.moved'));
    } else {
      const body = parseWith(form, mergeOrgBody, { ...base, intoId: values.intoId });
      if (body) submit({ kind: 'merge', id: org.id, body }, t('orgs.saved.merged'));
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
      okDanger={mode === 'merge'}
      busy={busy}
    >
      <Typography.Paragraph type="secondary">
        {t(`orgs.${mode}.hint`, { name: org.name })}
      </Typography.Paragraph>
      <Form.Item name={mode === 'move' ? 'newParentId' : 'intoId'} label={t(`orgs.${mode}.target`)} required>
        <OrgPicker excludeIds={[org.id]} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('orgs.fields.effectiveOn')} required>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
    </FormModal>
  );
}

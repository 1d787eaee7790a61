import { closeOrgBody, type OrgDetail, reopenOrgBody } from '@contracts/orgs.ts';
import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../app/dates.ts';
import { parseWith } from '../../../app/forms.ts';
import { EffectiveOnField, OrgChangeModal } from './org-change-modal.tsx';
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
    <OrgChangeModal<Values>
      mode={mode}
      org={org}
      form={form}
      busy={busy}
      isDanger={mode === 'close'}
      onClose={onClose}
      onFinish={onFinish}
    >
      <EffectiveOnField autoFocus />
      {mode === 'close' && (
        <Form.Item name="reason" label={t('orgs.close.reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      )}
    </OrgChangeModal>
  );
}

import { mergeOrgBody, moveOrgBody, type OrgDetail } from '@contracts/orgs.ts';
import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../app/dates.ts';
import { parseWith } from '../../../app/forms.ts';
import { EffectiveOnField, OrgChangeModal } from './org-change-modal.tsx';
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
    <OrgChangeModal<Values>
      mode={mode}
      org={org}
      form={form}
      busy={busy}
      isDanger={mode === 'merge'}
      onClose={onClose}
      onFinish={onFinish}
    >
      <Form.Item name={mode === 'move' ? 'newParentId' : 'intoId'} label={t(`orgs.${mode}.target`)} required>
        <OrgPicker excludeIds={[org.id]} />
      </Form.Item>
      <EffectiveOnField />
    </OrgChangeModal>
  );
}

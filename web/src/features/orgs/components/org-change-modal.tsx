import type { OrgDetail } from '@contracts/orgs.ts';
import { Form, type FormInstance, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';

type Mode = 'move' | 'merge' | 'close' | 'reopen';

/**
 * The frame of a dated change to an organisation (move, merge, close, reopen): its title, the hint, the fields
 * of the change and a button that names it; the date it takes effect starts at today.
 */
export function OrgChangeModal<V extends { effectiveOn?: Dayjs }>({
  mode,
  org,
  form,
  busy,
  isDanger,
  onClose,
  onFinish,
  children,
}: {
  mode: Mode;
  org: OrgDetail;
  form: FormInstance<V>;
  busy: boolean;
  isDanger: boolean;
  onClose: () => void;
  onFinish: (values: V) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<V>
      title={t(`orgs.${mode}.title`, { name: org.name })}
      form={form}
      initialValues={{ effectiveOn: dayjs() } as Partial<V>}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t(`orgs.actions.${mode}`)}
      okDanger={isDanger}
      busy={busy}
    >
      <Typography.Paragraph type="secondary">
        {t(`orgs.${mode}.hint`, { name: org.name })}
      </Typography.Paragraph>
      {children}
    </FormModal>
  );
}

/** The day a change takes effect (ngày hiệu lực). */
export function EffectiveOnField({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="effectiveOn" label={t('orgs.fields.effectiveOn')} required>
      <DateInput autoFocus={autoFocus} />
    </Form.Item>
  );
}

import {
  createOrgBody,
  type OrgContact,
  type OrgDetail,
  type OrgKind,
  updateOrgBody,
} from '@contracts/orgs.ts';
import { Alert, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { toIsoDate } from '../../../app/dates.ts';
import { parseWith } from '../../../app/forms.ts';
import { OrgFormFields } from './org-form-fields.tsx';
import { useOrgSubmit } from './use-org-submit.ts';

type Values = {
  name?: string;
  shortName?: string;
  code?: string;
  kind?: OrgKind;
  adminUnitCode?: string;
  address?: string;
  phone?: string;
  email?: string;
  establishedOn?: Dayjs;
  effectiveOn?: Dayjs;
  contacts?: Partial<OrgContact>[];
};

type Props = {
  mode: 'create' | 'edit';
  org: OrgDetail;
  onClose: () => void;
  onSaved: (org: OrgDetail) => void;
};

function initialValues(mode: Props['mode'], org: OrgDetail): Values {
  if (mode === 'create') return { kind: org.kind, contacts: [] };
  const text = (v: string | null) => v ?? undefined;
  return {
    name: org.name,
    shortName: text(org.shortName),
    code: text(org.code),
    kind: org.kind,
    adminUnitCode: text(org.adminUnitCode),
    address: text(org.address),
    phone: text(org.phone),
    email: text(org.email),
    contacts: org.contacts.map((c) => ({
      ...c,
      title: c.title ?? undefined,
      phone: c.phone ?? undefined,
      email: c.email ?? undefined,
    })),
    effectiveOn: dayjs(),
  };
}

function bodyFrom(values: Values) {
  const { establishedOn, effectiveOn, ...rest } = values;
  return {
    ...rest,
    contacts: values.contacts ?? [],
    establishedOn: toIsoDate(establishedOn),
    effectiveOn: toIsoDate(effectiveOn),
  };
}

/** "Thêm đơn vị trực thuộc" and "Sửa": validated with the same zod schema as the API route. */
export function OrgFormModal({ mode, org, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const { submit, busy } = useOrgSubmit(form, onSaved, onClose);
  const name = Form.useWatch('name', form);
  const isRename = mode === 'edit' && (name ?? '').trim() !== org.name;
  const onOrphans = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));

  const onFinish = (values: Values) => {
    setProblem(null);
    const { effectiveOn, establishedOn, ...body } = bodyFrom(values);
    if (mode === 'create') {
      const parsed = parseWith(form, createOrgBody, { ...body, establishedOn, parentId: org.id }, onOrphans);
      if (parsed) submit({ kind: 'create', body: parsed }, t('orgs.saved.created', { name: parsed.name }));
      return;
    }
    const update = { ...body, version: org.version, effectiveOn: isRename ? effectiveOn : undefined };
    const parsed = parseWith(form, updateOrgBody, update, onOrphans);
    if (parsed) submit({ kind: 'update', id: org.id, body: parsed }, t('orgs.saved.updated'));
  };

  return (
    <FormModal<Values>
      title={mode === 'create' ? t('orgs.form.createTitle', { parent: org.name }) : t('orgs.form.editTitle')}
      form={form}
      width={720}
      initialValues={initialValues(mode, org)}
      onCancel={onClose}
      onFinish={onFinish}
      okText={mode === 'create' ? t('common.create') : t('common.save')}
      busy={busy}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {mode === 'create' && (
        <Typography.Paragraph type="secondary">
          {t('orgs.form.createHint', { parent: org.name })}
        </Typography.Paragraph>
      )}
      <OrgFormFields
        withEstablished={mode === 'create'}
        adminUnitLabel={org.adminUnitName && mode === 'edit' ? org.adminUnitName : null}
      />
      {isRename && (
        <Form.Item name="effectiveOn" label={t('orgs.form.renameEffective')} style={{ marginTop: 16 }}>
          <DateInput />
        </Form.Item>
      )}
    </FormModal>
  );
}

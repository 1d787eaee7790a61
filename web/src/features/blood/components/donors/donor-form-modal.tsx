import { aboGroups, rhFactors } from '@contracts/blood/common.ts';
import { createDonorBody, type DonorView, updateDonorBody } from '@contracts/blood/donors.ts';
import { Alert, App, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { ProvinceSelect } from '../../../admin-units/components/province-select.tsx';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { NewPersonFields } from '../../../people/components/new-person-fields.tsx';
import { PersonPicker } from '../../../people/components/person-picker.tsx';
import { useSaveDonor } from './donors-api.ts';

type Values = {
  keeperOrgId?: number;
  who?: 'new' | 'existing';
  personId?: number;
  person?: { fullName?: string; birthDate?: Dayjs; sex?: 'male' | 'female'; cccd?: string; phone?: string };
  memberOfOrgId?: number;
  homeProvinceCode?: string;
  preferredContact?: string;
  consentContact?: boolean;
  consentHealth?: boolean;
  abo?: string;
  rh?: string;
  weightKg?: number | null;
  weightOn?: Dayjs;
  groupConfirmedBy?: string;
  groupConfirmedOn?: Dayjs;
};

const contacts = ['sms', 'phone', 'email', 'app', 'none'] as const;

function initial(d: DonorView | undefined, orgId: number | undefined): Values {
  if (!d) return { keeperOrgId: orgId, who: 'new', preferredContact: 'sms', consentContact: false };
  return {
    memberOfOrgId: d.memberOfOrgId ?? undefined,
    homeProvinceCode: d.homeProvinceCode ?? undefined,
    preferredContact: d.preferredContact,
    consentContact: d.consentContact,
    consentHealth: d.consentHealthAt !== null,
    abo: d.abo ?? undefined,
    rh: d.rh ?? undefined,
    weightKg: d.weightKg,
    weightOn: fromIsoDate(d.weightOn),
    groupConfirmedBy: d.groupConfirmedBy ?? undefined,
    groupConfirmedOn: fromIsoDate(d.groupConfirmedOn),
  };
}

/** Add a donor (a new person or one already in the system) or edit a profile; health fields only with the right. */
export function DonorFormModal({
  donor,
  canHealth,
  onClose,
  onSaved,
}: {
  donor?: DonorView;
  canHealth: boolean;
  onClose: () => void;
  onSaved: (d: DonorView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveDonor();
  const onError = (e: unknown) => {
    if (!showServerIssues(form, e)) setProblem(errorMessage(e));
  };
  const onOrphans = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));

  const onFinish = (v: Values) => {
    setProblem(null);
    const health = canHealth
      ? {
          abo: v.abo ?? null,
          rh: v.rh ?? null,
          weightKg: v.weightKg ?? null,
          weightOn: toIsoDate(v.weightOn) ?? null,
          groupConfirmedBy: v.groupConfirmedBy,
          groupConfirmedOn: toIsoDate(v.groupConfirmedOn) ?? null,
        }
      : {};
    const fields = {
      memberOfOrgId: v.memberOfOrgId ?? null,
      homeProvinceCode: v.homeProvinceCode ?? null,
      preferredContact: v.preferredContact,
      consentContact: v.consentContact ?? false,
      consentHealth: v.consentHealth ?? false,
      ...health,
    };
    const done = (d: DonorView, text: string) => {
      message.success(text);
      onSaved(d);
    };
    if (donor) {
      const body = parseWith(form, updateDonorBody, { ...fields, version: donor.version }, onOrphans);
      if (body)
        save.mutate(
          { id: donor.id, body },
          { onSuccess: (d) => done(d, t('bloodDonors.form.saved')), onError },
        );
      return;
    }
    const person =
      v.who === 'existing'
        ? { personId: v.personId }
        : { person: { ...v.person, birthDate: toIsoDate(v.person?.birthDate) } };
    const body = parseWith(
      form,
      createDonorBody,
      { ...fields, keeperOrgId: v.keeperOrgId, ...person },
      onOrphans,
    );
    if (body)
      save.mutate(
        { body },
        {
          onSuccess: (d) => done(d, t('bloodDonors.form.created', { name: d.fullName, no: d.donorNo })),
          onError,
        },
      );
  };

  const half = (children: ReactNode) => (
    <Col xs={24} sm={12}>
      {children}
    </Col>
  );
  return (
    <FormModal<Values>
      title={
        donor ? t('bloodDonors.form.editTitle', { name: donor.fullName }) : t('bloodDonors.form.createTitle')
      }
      form={form}
      width={720}
      initialValues={initial(donor, me.grants[0]?.orgId)}
      onCancel={onClose}
      onFinish={onFinish}
      okText={donor ? t('common.save') : t('common.create')}
      busy={save.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!donor && (
        <>
          <Form.Item name="keeperOrgId" label={t('bloodDonors.form.keeper')} required>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="who" label={t('bloodDonors.form.who')}>
            <Radio.Group
              options={[
                { value: 'new', label: t('bloodDonors.form.newPerson') },
                { value: 'existing', label: t('bloodDonors.form.existingPerson') },
              ]}
            />
          </Form.Item>
          {who === 'existing' ? (
            <Form.Item name="personId" label={t('bloodDonors.form.person')} required>
              <PersonPicker />
            </Form.Item>
          ) : (
            <NewPersonFields ns="bloodDonors" sexRequired />
          )}
        </>
      )}
      <Row gutter={16}>
        {half(
          <Form.Item name="memberOfOrgId" label={t('bloodDonors.fields.memberOf')}>
            <OrgPicker />
          </Form.Item>,
        )}
        {half(
          <Form.Item
            name="homeProvinceCode"
            label={t('bloodDonors.fields.homeProvinceCode')}
            extra={t('bloodDonors.form.homeProvinceHint')}
          >
            <ProvinceSelect allowClear />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="preferredContact" label={t('bloodDonors.fields.preferredContact')}>
            <Select options={contacts.map((c) => ({ value: c, label: t(`bloodDonors.contact.${c}`) }))} />
          </Form.Item>,
        )}
      </Row>
      <Form.Item name="consentContact" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>{t('bloodDonors.fields.consentContact')}</Checkbox>
      </Form.Item>
      <Form.Item name="consentHealth" valuePropName="checked">
        <Checkbox>{t('bloodDonors.fields.consentHealth')}</Checkbox>
      </Form.Item>
      <Typography.Title level={5}>{t('bloodDonors.detail.health')}</Typography.Title>
      {canHealth ? (
        <Row gutter={16}>
          {half(
            <Form.Item name="abo" label={t('bloodDonors.fields.abo')}>
              <Select allowClear options={aboGroups.map((g) => ({ value: g, label: g }))} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="rh" label={t('bloodDonors.fields.rh')}>
              <Select
                allowClear
                options={rhFactors.map((r) => ({ value: r, label: t(`bloodDonors.rh.${r}`) }))}
              />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="weightKg" label={t('bloodDonors.fields.weightKg')}>
              <NumberField min={30} max={200} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="weightOn" label={t('bloodDonors.fields.weightOn')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="groupConfirmedBy" label={t('bloodDonors.fields.groupConfirmedBy')}>
              <Input maxLength={200} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="groupConfirmedOn" label={t('bloodDonors.fields.groupConfirmedOn')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>,
          )}
        </Row>
      ) : (
        <Typography.Paragraph type="secondary">{t('bloodDonors.form.healthNote')}</Typography.Paragraph>
      )}
    </FormModal>
  );
}

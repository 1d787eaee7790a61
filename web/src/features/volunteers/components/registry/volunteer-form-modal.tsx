import { volunteerGroups } from '@contracts/volunteers/common.ts';
import {
  createVolunteerBody,
  updateVolunteerBody,
  type VolunteerDetail,
} from '@contracts/volunteers/registry.ts';
import { Alert, App, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
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
import { useVolunteerChange } from './registry-api.ts';

type Values = {
  orgId?: number;
  who?: 'new' | 'existing';
  personId?: number;
  person?: {
    fullName?: string;
    birthDate?: Dayjs;
    sex?: 'male' | 'female';
    cccd?: string;
    phone?: string;
    email?: string;
  };
  group?: string;
  faculty?: string;
  studyYear?: number;
  profession?: string;
  languages?: string[];
  homeProvinceCode?: string;
  readyDeclaredOn?: Dayjs;
  consentContact?: boolean;
  consentOn?: Dayjs;
  note?: string;
};

function initial(v: VolunteerDetail | undefined, orgId: number | undefined): Values {
  if (!v) return { orgId, who: 'new', group: 'student', languages: [], consentContact: false };
  return {
    group: v.group,
    faculty: v.faculty ?? undefined,
    studyYear: v.studyYear ?? undefined,
    profession: v.profession ?? undefined,
    languages: v.languages,
    homeProvinceCode: v.homeProvinceCode ?? undefined,
    readyDeclaredOn: fromIsoDate(v.readyDeclaredOn),
    consentContact: v.consentContact,
    consentOn: fromIsoDate(v.consentOn),
    note: v.note ?? undefined,
  };
}

/** Add a volunteer (a new person or one already in the system) or edit a profile; the API's schema checks it. */
export function VolunteerFormModal({
  volunteer,
  onClose,
  onSaved,
}: {
  volunteer?: VolunteerDetail;
  onClose: () => void;
  onSaved: (v: VolunteerDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useVolunteerChange();
  const onError = (e: unknown) => {
    if (!showServerIssues(form, e)) setProblem(errorMessage(e));
  };
  const onOrphans = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));

  const onFinish = (v: Values) => {
    setProblem(null);
    const fields = {
      group: v.group,
      faculty: v.faculty,
      studyYear: v.studyYear ?? null,
      profession: v.profession,
      languages: v.languages ?? [],
      homeProvinceCode: v.homeProvinceCode,
      readyDeclaredOn: toIsoDate(v.readyDeclaredOn) ?? null,
      consentContact: v.consentContact ?? false,
      consentOn: toIsoDate(v.consentOn) ?? null,
      note: v.note,
    };
    if (volunteer) {
      const body = parseWith(form, updateVolunteerBody, { ...fields, version: volunteer.version }, onOrphans);
      if (body)
        change.mutate(
          { kind: 'update', id: volunteer.id, body },
          {
            onSuccess: (r) => {
              message.success(t('volunteers.registry.saved'));
              onSaved(r as VolunteerDetail);
            },
            onError,
          },
        );
      return;
    }
    const person =
      v.who === 'existing'
        ? { personId: v.personId }
        : { person: { ...v.person, birthDate: toIsoDate(v.person?.birthDate) } };
    const body = parseWith(form, createVolunteerBody, { ...fields, orgId: v.orgId, ...person }, onOrphans);
    if (body)
      change.mutate(
        { kind: 'create', body },
        {
          onSuccess: (r) => {
            const d = r as VolunteerDetail;
            message.success(t('volunteers.registry.created', { name: d.fullName }));
            onSaved(d);
          },
          onError,
        },
      );
  };

  const half = (children: React.ReactNode) => (
    <Col xs={24} sm={12}>
      {children}
    </Col>
  );
  return (
    <FormModal<Values>
      title={
        volunteer
          ? t('volunteers.form.editTitle', { name: volunteer.fullName })
          : t('volunteers.form.createTitle')
      }
      form={form}
      width={760}
      initialValues={initial(volunteer, me.grants[0]?.orgId)}
      onCancel={onClose}
      onFinish={onFinish}
      okText={volunteer ? t('common.save') : t('common.create')}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!volunteer && (
        <>
          <Form.Item name="orgId" label={t('volunteers.fields.org')} required>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="who" label={t('volunteers.form.who')} extra={t('volunteers.form.ageHint')}>
            <Radio.Group
              options={[
                { value: 'new', label: t('volunteers.form.newPerson') },
                { value: 'existing', label: t('volunteers.form.existingPerson') },
              ]}
            />
          </Form.Item>
          {who === 'existing' ? (
            <Form.Item
              name="personId"
              label={t('volunteers.form.person')}
              extra={t('volunteers.form.personHint')}
              required
            >
              <PersonPicker />
            </Form.Item>
          ) : (
            <NewPersonFields ns="volunteers" withEmail />
          )}
        </>
      )}
      <Row gutter={16}>
        {half(
          <Form.Item name="group" label={t('volunteers.fields.group')} required>
            <Select
              options={volunteerGroups.map((g) => ({ value: g, label: t(`volunteers.groups.${g}`) }))}
            />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="faculty" label={t('volunteers.fields.faculty')}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="studyYear" label={t('volunteers.fields.studyYear')}>
            <NumberField isInteger min={1} max={10} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="profession" label={t('volunteers.fields.profession')}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="languages" label={t('volunteers.fields.languages')}>
            <Select mode="tags" tokenSeparators={[',']} open={false} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="homeProvinceCode" label={t('volunteers.fields.homeProvince')}>
            <ProvinceSelect allowClear />
          </Form.Item>,
        )}
        {half(
          <Form.Item
            name="readyDeclaredOn"
            label={t('volunteers.fields.readyDeclaredOn')}
            extra={!volunteer && t('volunteers.form.readyHint')}
          >
            <DateInput style={{ width: '100%' }} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="consentOn" label={t('volunteers.fields.consentOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>,
        )}
      </Row>
      <Form.Item name="consentContact" valuePropName="checked">
        <Checkbox>{t('volunteers.fields.consentContact')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('volunteers.fields.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

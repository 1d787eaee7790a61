import { EyeOutlined } from '@ant-design/icons';
import { cccdInput, createPersonBody, updatePersonBody } from '@contracts/people.ts';
import { Alert, App, Button, Col, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../app/api-client.ts';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { zodIssueText } from '../../../app/i18n/field-issues.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { type Person, usePersonChange } from '../api.ts';

type Values = {
  fullName?: string;
  birthDate?: Dayjs;
  sex?: 'male' | 'female';
  cccd?: string;
  phone?: string;
  email?: string;
  jobTitle?: string;
  employerOrgId?: number;
  orgId?: number;
};

type Props = {
  person?: Person;
  defaultOrgId?: number;
  onClose: () => void;
  onSaved: (p: Person) => void;
  /** A 409 people.duplicate: the record this one would repeat. */
  onDuplicate?: (existingId: number) => void;
};

function initialValues(person: Person | undefined, defaultOrgId?: number): Values {
  if (!person) return { orgId: defaultOrgId };
  return {
    fullName: person.fullName,
    birthDate: fromIsoDate(person.birthDate),
    sex: person.sex ?? undefined,
    // A masked number is never sent back: the field starts empty and "unchanged" means "keep it".
    cccd: person.cccdMasked ? undefined : (person.cccd ?? undefined),
    phone: person.phone ?? undefined,
    email: person.email ?? undefined,
    jobTitle: person.jobTitle ?? undefined,
    employerOrgId: person.employerOrgId ?? undefined,
  };
}

/** Register or edit a person; checked with the API's own schema, the server's field rules shown in place. */
export function PersonFormModal({ person, defaultOrgId, onClose, onSaved, onDuplicate }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const change = usePersonChange();
  const masked = person?.cccdMasked && person.cccd;

  const reveal = async () => {
    if (!person) return;
    setRevealing(true);
    try {
      const full = await api.get<Person>(`/people/${person.id}`, { reveal: 'cccd' });
      form.setFieldValue('cccd', full.cccd ?? undefined);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRevealing(false);
    }
  };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'people.duplicate') {
      const existingId = (error.details as { existingId?: number } | null)?.existingId;
      if (existingId && onDuplicate) {
        onDuplicate(existingId);
        return;
      }
    }
    if (!showServerIssues(form, error)) setProblem(errorMessage(error));
  };

  const onFinish = (values: Values) => {
    setProblem(null);
    // The CCCD's 12 digits are checked with the contract's own field schema before anything is sent.
    const cccdCheck = cccdInput.safeParse(values.cccd ?? '');
    if (!cccdCheck.success) {
      form.setFields([{ name: 'cccd', errors: [zodIssueText(cccdCheck.error.issues[0])] }]);
      return;
    }
    const body = {
      ...values,
      birthDate: toIsoDate(values.birthDate) ?? null,
      employerOrgId: values.employerOrgId ?? null,
    };
    const onOrphans = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));
    if (!person) {
      const parsed = parseWith(form, createPersonBody, body, onOrphans);
      if (parsed)
        change.mutate(
          { kind: 'create', body: parsed },
          {
            onSuccess: (p) => {
              message.success(t('people.created', { name: p.fullName }));
              onSaved(p);
            },
            onError,
          },
        );
      return;
    }
    const { orgId: _o, cccd, ...rest } = body;
    const update = { ...rest, ...(cccd ? { cccd } : {}), version: person.version };
    const parsed = parseWith(form, updatePersonBody, update, onOrphans);
    if (parsed)
      change.mutate(
        { kind: 'update', id: person.id, body: parsed },
        {
          onSuccess: (p) => {
            message.success(t('people.saved'));
            onSaved(p);
          },
          onError,
        },
      );
  };

  return (
    <FormModal<Values>
      title={person ? t('people.editTitle', { name: person.fullName }) : t('people.createTitle')}
      form={form}
      width={720}
      initialValues={initialValues(person, defaultOrgId)}
      onCancel={onClose}
      onFinish={onFinish}
      okText={person ? t('common.save') : t('common.create')}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="fullName" label={t('people.fields.fullName')} required>
        <Input autoFocus maxLength={100} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="birthDate" label={t('people.fields.birthDate')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sex" label={t('people.fields.sex')}>
            <Radio.Group
              options={[
                { value: 'male', label: t('people.sex.male') },
                { value: 'female', label: t('people.sex.female') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="cccd"
            label={t('people.fields.cccd')}
            extra={
              masked ? (
                <span>
                  {t('people.cccdKept', { masked: person?.cccd })}{' '}
                  {person?.can.revealCccd && (
                    <Button
                      size="small"
                      type="link"
                      icon={<EyeOutlined />}
                      loading={revealing}
                      onClick={reveal}
                    >
                      {t('people.revealCccd')}
                    </Button>
                  )}
                </span>
              ) : (
                t('people.cccdHint')
              )
            }
          >
            <Input inputMode="numeric" maxLength={20} autoComplete="off" placeholder={masked || undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('people.fields.phone')}>
            <Input inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('people.fields.email')}>
            <Input type="email" maxLength={254} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="jobTitle" label={t('people.fields.jobTitle')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="employerOrgId" label={t('people.fields.employer')}>
        <OrgPicker placeholder={t('people.fields.employerPlaceholder')} />
      </Form.Item>
      {!person && (
        <Form.Item name="orgId" label={t('people.fields.keeper')} extra={t('people.keeperHint')} required>
          <OrgPicker placeholder={t('people.fields.keeper')} />
        </Form.Item>
      )}
      {person && (
        <Typography.Text type="secondary">{t('people.keptBy', { org: person.orgName })}</Typography.Text>
      )}
    </FormModal>
  );
}

import { volunteerGroups } from '@contracts/volunteers/common.ts';
import { signupBody } from '@contracts/volunteers/self-signup.ts';
import { Alert, Button, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../../app/components/app-form.tsx';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useSubmitSignup } from '../../api/self.ts';
import { skillOptions, useSkillLabel } from './self-labels.tsx';

type Values = {
  fullName?: string;
  birthDate?: Dayjs;
  sex?: 'male' | 'female';
  cccd?: string;
  phone?: string;
  email?: string;
  group?: (typeof volunteerGroups)[number];
  faculty?: string;
  studyYear?: number | null;
  skills?: string[];
  consent?: boolean;
};

/** The public sign-up form: the contract's checks first, then the server's (age on its clock, phone, CCCD). */
export function SignupForm({
  token,
  consentVersion,
  onDone,
}: {
  token: string;
  consentVersion: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitSignup(token);
  const skill = useSkillLabel();
  const [error, setError] = useState<string | null>(null);
  const onFinish = (v: Values) => {
    const body = parseWith(form, signupBody, {
      fullName: v.fullName ?? '',
      birthDate: toIsoDate(v.birthDate),
      sex: v.sex ?? null,
      cccd: v.cccd ?? '',
      phone: v.phone ?? '',
      email: v.email ?? '',
      group: v.group,
      faculty: v.faculty ?? '',
      studyYear: v.studyYear ?? null,
      skills: v.skills ?? [],
      consent: v.consent === true,
      consentVersion,
    });
    if (!body) return;
    setError(null);
    submit.mutate(body, {
      onSuccess: onDone,
      onError: (e) => {
        if (!showServerIssues(form, e)) setError(errorMessage(e));
      },
    });
  };
  return (
    <AppForm<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={clearErrorsOnChange(form)}
      initialValues={{ group: 'student', skills: [] }}
      scrollToFirstError
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item name="fullName" label={t('volunteerSelf.signup.fullName')} required>
        <Input autoComplete="name" maxLength={100} />
      </Form.Item>
      <Form.Item name="birthDate" label={t('volunteerSelf.signup.birthDate')} required>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="sex" label={t('volunteerSelf.signup.sex')}>
        <Radio.Group
          options={[
            { value: 'male', label: t('volunteerSelf.signup.male') },
            { value: 'female', label: t('volunteerSelf.signup.female') },
          ]}
        />
      </Form.Item>
      <Form.Item name="phone" label={t('volunteerSelf.signup.phone')} required>
        <Input inputMode="tel" autoComplete="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="email" label={t('volunteerSelf.signup.email')}>
        <Input inputMode="email" autoComplete="email" maxLength={254} />
      </Form.Item>
      <Form.Item name="cccd" label={t('volunteerSelf.signup.cccd')}>
        <Input inputMode="numeric" maxLength={20} />
      </Form.Item>
      <Form.Item name="group" label={t('volunteerSelf.signup.group')} required>
        <Select options={volunteerGroups.map((g) => ({ value: g, label: t(`volunteerSelf.group.${g}`) }))} />
      </Form.Item>
      <Form.Item name="faculty" label={t('volunteerSelf.signup.faculty')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="studyYear" label={t('volunteerSelf.signup.studyYear')}>
        <NumberField isInteger min={1} max={10} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="skills" label={t('volunteerSelf.signup.skills')}>
        <Select mode="multiple" options={skillOptions(skill)} optionFilterProp="label" />
      </Form.Item>
      <Typography.Title level={5}>{t('volunteerSelf.signup.consentTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="consent-text">
        {t('volunteerSelf.signup.consentText')}
      </Typography.Paragraph>
      <Form.Item name="consent" valuePropName="checked">
        <Checkbox>{t('volunteerSelf.signup.consent')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
        {t('volunteerSelf.signup.submit')}
      </Button>
    </AppForm>
  );
}

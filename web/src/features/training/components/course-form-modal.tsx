import { certificateKind, createCourseTypeBody } from '@contracts/training.ts';
import { Alert, App, Col, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { toIsoDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { foldedSearch } from '../../../app/text.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { useCourses, useCreateCourse } from '../api/catalogue.ts';
import { useCourseName } from './training-labels.tsx';

type Values = {
  ownerOrgId?: number;
  code?: string;
  nameVi?: string;
  nameEn?: string;
  periods?: number | null;
  hours?: number | null;
  maxLearners?: number | null;
  minTrainers?: number | null;
  prerequisiteCode?: string;
  validityMonths?: number | null;
  refresherMonths?: number | null;
  refresherHours?: number | null;
  passMark?: number | null;
  certificateKind?: 'certificate' | 'safety_card' | 'attendance';
  legalSource?: string;
  effectiveFrom?: Dayjs;
  effectiveTo?: Dayjs;
};

const nullToUndefined = (v: number | null | undefined) => (v === null ? undefined : v);

/** A custom course (e.g. COVID-19 topics) owned by an organisation, with its own rules and source. */
export function CourseFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const courses = useCourses();
  const name = useCourseName();
  const create = useCreateCourse();
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      ...v,
      periods: nullToUndefined(v.periods),
      hours: nullToUndefined(v.hours),
      maxLearners: nullToUndefined(v.maxLearners),
      minTrainers: nullToUndefined(v.minTrainers),
      validityMonths: nullToUndefined(v.validityMonths),
      refresherMonths: nullToUndefined(v.refresherMonths),
      refresherHours: nullToUndefined(v.refresherHours),
      passMark: nullToUndefined(v.passMark),
      effectiveFrom: toIsoDate(v.effectiveFrom),
      effectiveTo: toIsoDate(v.effectiveTo),
    };
    const parsed = parseWith(form, createCourseTypeBody, body, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    create.mutate(parsed, {
      onSuccess: (c) => {
        message.success(t('training.courses.created', { name: name(c) }));
        onClose();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  const number = (
    field: keyof Values,
    label: string,
    props: { min?: number; max?: number; step?: number } = {},
  ) => (
    <Form.Item name={field} label={label}>
      <NumberField
        min={props.min ?? 0}
        max={props.max}
        isInteger={props.step === undefined || Number.isInteger(props.step)}
      />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      title={t('training.courses.createTitle')}
      form={form}
      width={820}
      initialValues={{
        ownerOrgId: me.grants[0]?.orgId,
        minTrainers: 1,
        passMark: 5,
        certificateKind: 'certificate',
        effectiveFrom: dayjs(),
      }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('common.create')}
      busy={create.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('training.courses.createHint')}</Typography.Paragraph>
      <Form.Item name="ownerOrgId" label={t('training.courses.owner')} required>
        <OrgPicker />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="code"
            label={t('training.courses.code')}
            required
            extra={t('training.courses.codeHint')}
          >
            <Input autoFocus maxLength={40} className="mono" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="nameVi" label={t('training.courses.nameVi')} required>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="nameEn" label={t('training.courses.nameEn')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} sm={6}>
          {number('hours', t('training.courses.hours'), { step: 0.5 })}
        </Col>
        <Col xs={12} sm={6}>
          {number('periods', t('training.courses.periods'))}
        </Col>
        <Col xs={12} sm={6}>
          {number('maxLearners', t('training.courses.maxLearnersLabel'), { min: 1 })}
        </Col>
        <Col xs={12} sm={6}>
          {number('minTrainers', t('training.courses.minTrainersLabel'), { min: 1, max: 20 })}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} sm={6}>
          {number('validityMonths', t('training.courses.validityMonths'), { min: 1 })}
        </Col>
        <Col xs={12} sm={6}>
          {number('refresherMonths', t('training.courses.refresherMonths'), { min: 1 })}
        </Col>
        <Col xs={12} sm={6}>
          {number('refresherHours', t('training.courses.refresherHours'), { step: 0.5 })}
        </Col>
        <Col xs={12} sm={6}>
          {number('passMark', t('training.courses.passMark'), { max: 10, step: 0.5 })}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="certificateKind" label={t('training.courses.certificateKindLabel')}>
            <Select
              options={certificateKind.options.map((k) => ({
                value: k,
                label: t(`training.certificateKind.${k}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="prerequisiteCode" label={t('training.courses.prerequisite')}>
            <Select
              allowClear
              showSearch={foldedSearch}
              options={(courses.data ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${name(c)}` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="legalSource"
        label={t('training.courses.legalSource')}
        required
        extra={t('training.courses.legalSourceHint')}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="effectiveFrom" label={t('training.courses.effectiveFrom')} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="effectiveTo" label={t('training.courses.effectiveTo')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

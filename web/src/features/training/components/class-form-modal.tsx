import { createClassBody, updateClassBody } from '@contracts/training.ts';
import { Alert, App, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { parseWith } from '../../../app/forms.ts';
import { foldedSearch } from '../../../app/text.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { useCourses } from '../api/catalogue.ts';
import { type TrainingClass, useClassChange } from '../api/classes.ts';
import { MoneyInput } from './money-input.tsx';
import { MyOrgSelect } from './org-choice.tsx';
import { useModalSaveError } from './save-error.ts';
import { sortCourses, useCourseName, useMoney } from './training-labels.tsx';

type Values = {
  providerOrgId?: number;
  courseTypeId?: number;
  code?: string;
  title?: string;
  venue?: string;
  capacity?: number | null;
  pricePerLearner?: number | null;
  paidAmount?: number | null;
  customerOrgId?: number;
};

const num = (v: number | null | undefined) => (v === null ? undefined : v);

/** Create a class, or edit one (incl. the service agreement: price per learner and the amount paid). */
export function ClassFormModal({
  klass,
  courseTypeId,
  onClose,
}: {
  klass?: TrainingClass;
  /** A new class's course, chosen already (a wave's missing training topic links here with it). */
  courseTypeId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const courses = useCourses();
  const name = useCourseName();
  const money = useMoney();
  const change = useClassChange();
  const courseId = Form.useWatch('courseTypeId', form) ?? klass?.courseTypeId;
  const capacity = Form.useWatch('capacity', form);
  const price = Form.useWatch('pricePerLearner', form);
  const course = courses.data?.find((c) => c.id === courseId);
  const onError = useModalSaveError(form, 'training.class_version_conflict', onClose, setProblem);
  const onOrphans = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));
  const onFinish = (v: Values) => {
    setProblem(null);
    const fields = {
      code: v.code,
      title: v.title,
      venue: v.venue,
      capacity: num(v.capacity),
      pricePerLearner: num(v.pricePerLearner),
      paidAmount: num(v.paidAmount),
    };
    if (klass) {
      const parsed = parseWith(
        form,
        updateClassBody,
        { ...fields, customerOrgId: klass.customerOrgId, version: klass.version },
        onOrphans,
      );
      if (parsed)
        change.mutate(
          { kind: 'update', id: klass.id, body: parsed },
          {
            onSuccess: () => {
              message.success(t('training.classes.saved'));
              onClose();
            },
            onError,
          },
        );
      return;
    }
    const parsed = parseWith(
      form,
      createClassBody,
      {
        ...fields,
        providerOrgId: v.providerOrgId,
        courseTypeId: v.courseTypeId,
        customerOrgId: v.customerOrgId ?? null,
      },
      onOrphans,
    );
    if (parsed)
      change.mutate(
        { kind: 'create', body: parsed },
        {
          onSuccess: (c) => {
            message.success(t('training.classes.created', { code: c.code }));
            onClose();
            navigate(`/training/classes/${c.id}`);
          },
          onError,
        },
      );
  };
  const initial: Values = klass
    ? {
        code: klass.code,
        title: klass.title,
        venue: klass.venue ?? undefined,
        capacity: klass.capacity,
        pricePerLearner: klass.pricePerLearner,
        paidAmount: klass.paidAmount,
      }
    : { courseTypeId, pricePerLearner: 0, paidAmount: 0 };
  const money0 = (v: number | null | undefined) => money(v ?? 0);
  return (
    <FormModal<Values>
      title={
        klass ? t('training.classes.editTitle', { code: klass.code }) : t('training.classes.createTitle')
      }
      form={form}
      width={720}
      initialValues={initial}
      onCancel={onClose}
      onFinish={onFinish}
      okText={klass ? t('common.save') : t('common.create')}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!klass && (
        <>
          <Form.Item name="providerOrgId" label={t('training.classes.provider')} required>
            <MyOrgSelect />
          </Form.Item>
          <Form.Item name="courseTypeId" label={t('training.classes.course')} required>
            <Select<number>
              showSearch={foldedSearch}
              options={sortCourses(courses.data ?? [])
                .filter((c) => c.active)
                .map((c) => ({ value: c.id, label: name(c) }))}
            />
          </Form.Item>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="code" label={t('training.classes.code')} required>
            <Input maxLength={40} className="mono" autoFocus={!klass} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="title" label={t('training.classes.titleField')} required>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="venue" label={t('training.classes.venue')}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="capacity"
            label={t('training.classes.capacity')}
            required
            extra={
              course?.maxLearners
                ? t('training.classes.capacityMax', { count: course.maxLearners })
                : undefined
            }
          >
            <NumberField min={1} max={1000} isInteger />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="pricePerLearner" label={t('training.classes.pricePerLearner')}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="paidAmount" label={t('training.classes.paidAmount')}>
            <MoneyInput />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        {t('training.classes.agreementHint', {
          total: money0((price ?? 0) * (klass?.enrolled ?? capacity ?? 0)),
          learners: klass?.enrolled ?? capacity ?? 0,
        })}
      </Typography.Paragraph>
      {!klass && (
        <Form.Item
          name="customerOrgId"
          label={t('training.classes.customer')}
          extra={t('training.classes.customerHint')}
        >
          <OrgPicker />
        </Form.Item>
      )}
      {klass?.customerName && (
        <Typography.Text type="secondary">
          {t('training.classes.customer')}: {klass.customerName}
        </Typography.Text>
      )}
    </FormModal>
  );
}

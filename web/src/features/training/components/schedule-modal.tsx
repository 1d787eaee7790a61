import { scheduleRequestBody } from '@contracts/training.ts';
import { Alert, App, Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { parseWith } from '../../../app/forms.ts';
import type { Course } from '../api/catalogue.ts';
import { type TrainingRequest, useRequestChange } from '../api/requests.ts';
import { MoneyInput } from './money-input.tsx';
import { useModalSaveError } from './save-error.ts';
import { useMoney } from './training-labels.tsx';

type Values = {
  classSize?: number | null;
  codePrefix?: string;
  title?: string;
  venue?: string;
  pricePerLearner?: number | null;
};

/** Same split as the server: ⌈N / size⌉ classes, learners spread evenly (120 by 30 → 4 × 30). */
export function splitLearners(learners: number, size: number): number[] {
  if (learners <= 0 || size <= 0) return [];
  const n = Math.ceil(learners / size);
  const base = Math.floor(learners / n);
  return Array.from({ length: n }, (_, i) => base + (i < learners % n ? 1 : 0));
}

/** The provider turns a request into classes, with the price per learner of the service agreement. */
export function ScheduleModal({
  request,
  course,
  onClose,
}: {
  request: TrainingRequest;
  course: Course | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoney();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const onError = useModalSaveError(form, 'training.request_version_conflict', onClose, setProblem);
  const change = useRequestChange();
  const max = course?.maxLearners ?? request.learners;
  const size = Form.useWatch('classSize', form) ?? max;
  const price = Form.useWatch('pricePerLearner', form) ?? 0;
  const sizes = splitLearners(request.learners, Math.min(size || max, max));
  const year = new Date().getFullYear();
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      ...v,
      classSize: v.classSize ?? undefined,
      pricePerLearner: v.pricePerLearner ?? undefined,
      version: request.version,
    };
    const parsed = parseWith(form, scheduleRequestBody, body, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    change.mutate(
      { kind: 'schedule', id: request.id, body: parsed },
      {
        onSuccess: (r) => {
          message.success(t('training.requests.scheduled', { count: r.classIds.length }));
          onClose();
        },
        onError,
      },
    );
  };
  return (
    <FormModal<Values>
      title={t('training.requests.scheduleTitle')}
      form={form}
      width={680}
      initialValues={{
        classSize: max,
        codePrefix: `${request.courseCode.replace(/_/g, '')}-${year}-${request.id}`,
        venue: request.place ?? undefined,
        pricePerLearner: 0,
      }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('training.requests.scheduleOk', { count: sizes.length })}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item
            name="classSize"
            label={t('training.requests.classSize')}
            extra={
              course?.maxLearners
                ? t('training.classes.capacityMax', { count: course.maxLearners })
                : undefined
            }
          >
            <NumberField min={1} max={max} isInteger autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="codePrefix"
            label={t('training.requests.codePrefix')}
            required
            extra={t('training.requests.codePrefixHint')}
          >
            <Input maxLength={36} className="mono" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t('training.requests.classTitle')}
        extra={t('training.requests.classTitleHint')}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="venue" label={t('training.classes.venue')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="pricePerLearner" label={t('training.classes.pricePerLearner')}>
        <MoneyInput />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        title={t('training.requests.splitPreview', {
          learners: request.learners,
          count: sizes.length,
          sizes: sizes.join(' + '),
        })}
        description={
          <Typography.Text>
            {t('training.requests.agreementPreview', { total: money(price * request.learners) })}
          </Typography.Text>
        }
      />
    </FormModal>
  );
}

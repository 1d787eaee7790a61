import { decisionBody, honourRuleBody } from '@contracts/blood/clubs-honours.ts';
import { Alert, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { fromIsoDate, todayIso, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { type Honour, useCreateRule, useDecide } from './api.ts';

/** The honours page's forms: a new honour rule, a decision on a proposal. */

type RuleValues = {
  orgId?: number;
  decidingBody?: string;
  kind?: string;
  threshold?: number;
  titleVi?: string;
  titleEn?: string;
  legalSource?: string;
  effectiveFrom?: Dayjs;
  effectiveTo?: Dayjs;
};

export function RuleModal({ orgId, onClose }: { orgId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateRule();
  const onFinish = (v: RuleValues) => {
    const parsed = parseWith(form, honourRuleBody, {
      ...v,
      effectiveFrom: toIsoDate(v.effectiveFrom),
      effectiveTo: toIsoDate(v.effectiveTo) ?? null,
    });
    if (!parsed) return;
    create.mutate(parsed, {
      onSuccess: onClose,
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<RuleValues>
      title={t('bloodClubs.honours.addRule')}
      form={form}
      width={620}
      initialValues={{ orgId, kind: 'individual' }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('common.create')}
      busy={create.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="orgId" label={t('bloodClubs.honours.org')} required>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="decidingBody" label={t('bloodClubs.honours.decidingBody')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('bloodClubs.honours.kind')} required>
          <Select
            style={{ width: 160 }}
            options={(['individual', 'family'] as const).map((k) => ({
              value: k,
              label: t(`bloodClubs.honours.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="threshold" label={t('bloodClubs.honours.threshold')} required>
          <NumberField isInteger min={1} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="titleVi" label={t('bloodClubs.honours.titleVi')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="titleEn" label={t('bloodClubs.honours.titleEn')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="legalSource" label={t('bloodClubs.honours.legalSource')}>
        <Input maxLength={300} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="effectiveFrom" label={t('bloodClubs.honours.effectiveFrom')} required>
          <DateInput />
        </Form.Item>
        <Form.Item name="effectiveTo" label={t('bloodClubs.honours.effectiveTo')}>
          <DateInput />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

type DecisionValues = { status?: string; decisionNo?: string; decidedOn?: Dayjs };

export function DecideModal({ honour, onClose }: { honour: Honour; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const decide = useDecide();
  const onFinish = (v: DecisionValues) => {
    const parsed = parseWith(form, decisionBody, { ...v, decidedOn: toIsoDate(v.decidedOn) });
    if (!parsed) return;
    decide.mutate(
      { ...parsed, id: honour.id },
      {
        onSuccess: onClose,
        onError: (e) => {
          if (!showServerIssues(form, e)) setProblem(errorMessage(e));
        },
      },
    );
  };
  return (
    <FormModal<DecisionValues>
      title={`${t('bloodClubs.honours.decide')}: ${honour.name}`}
      form={form}
      initialValues={{ status: 'awarded', decidedOn: fromIsoDate(todayIso()) }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={decide.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>
        {honour.titleVi} — {honour.decidingBody}
      </Typography.Paragraph>
      <Form.Item name="status" label={t('bloodClubs.honours.decision')} required>
        <Select
          options={(['approved', 'awarded', 'rejected'] as const).map((s) => ({
            value: s,
            label: t(`bloodClubs.honours.statuses.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="decisionNo" label={t('bloodClubs.honours.decisionNo')}>
        <Input maxLength={100} placeholder="125/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('bloodClubs.honours.decidedOn')} required>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

import { amendPlanBody, type PlanView } from '@contracts/plans.ts';
import { Alert, App, Col, Divider, Form, Input, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { usePlanChange } from '../api/plans.ts';
import { IndicatorsEditor, type IndicatorValues } from './indicators-editor.tsx';
import { OrgListField, OrgNamesProvider } from './org-list-field.tsx';
import { withoutNulls } from './plan-form-values.ts';

type Values = {
  revisedOn?: Dayjs;
  documentNumber?: string;
  reason?: string;
  title?: string;
  periodEnd?: Dayjs | null;
  objectives?: string;
  reportDueOn?: Dayjs | null;
  reportDueDays?: number | null;
  reportLockDays?: number | null;
  addReporterOrgIds?: number[];
  addCopyOrgIds?: number[];
  addIndicators?: IndicatorValues[];
};

const blankToUndefined = (s: string | undefined) => (s?.trim() ? s : undefined);

/** Điều chỉnh: a dated revision of an issued plan; blank fields keep what the plan says. */
export function AmendModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = usePlanChange();
  const [problem, setProblem] = useState<string | null>(null);
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = withoutNulls({
      ...v,
      version: plan.version,
      revisedOn: toIsoDate(v.revisedOn),
      title: blankToUndefined(v.title),
      objectives: blankToUndefined(v.objectives),
      documentNumber: blankToUndefined(v.documentNumber),
      periodEnd: toIsoDate(v.periodEnd),
      reportDueOn: toIsoDate(v.reportDueOn),
      addReporterOrgIds: v.addReporterOrgIds ?? [],
      addCopyOrgIds: v.addCopyOrgIds ?? [],
      addIndicators: v.addIndicators ?? [],
    });
    const parsed = parseWith(form, amendPlanBody, body, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    change.mutate(
      { kind: 'amend', id: plan.id, body: parsed },
      {
        onSuccess: () => {
          message.success(t('plans.revisions.amended'));
          onClose();
        },
        onError: (error) => {
          if (!showServerIssues(form, error)) setProblem(errorMessage(error));
        },
      },
    );
  };
  return (
    <OrgNamesProvider initial={[]}>
      <FormModal<Values>
        title={t('plans.revisions.amendTitle', { number: plan.number })}
        form={form}
        width={960}
        initialValues={{ revisedOn: dayjs(), addReporterOrgIds: [], addCopyOrgIds: [], addIndicators: [] }}
        onCancel={onClose}
        onFinish={onFinish}
        busy={change.isPending}
        okText={t('plans.actions.amend')}
      >
        <Typography.Paragraph type="secondary">{t('plans.revisions.amendHint')}</Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="revisedOn" label={t('plans.revisions.revisedOn')} required>
              <DateInput placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="documentNumber" label={t('plans.revisions.documentNumber')}>
              <Input maxLength={60} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reason" label={t('plans.revisions.reason')} required>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('plans.revisions.newTitle')}>
          <Input maxLength={500} placeholder={plan.title} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="periodEnd" label={t('plans.revisions.newPeriodEnd')}>
              <DateInput style={{ width: '100%' }} placeholder={dayjs(plan.periodEnd).format(DATE_FORMAT)} />
            </Form.Item>
          </Col>
          {plan.reportPeriodType === 'once' ? (
            <Col xs={12} md={6}>
              <Form.Item name="reportDueOn" label={t('plans.fields.reportDueOn')}>
                <DateInput
                  placeholder={plan.reportDueOn ? formatDate(plan.reportDueOn) : 'dd/mm/yyyy'}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ) : (
            <Col xs={12} md={6}>
              <Form.Item name="reportDueDays" label={t('plans.fields.reportDueDays')}>
                <NumberField min={0} max={365} isInteger placeholder={String(plan.reportDueDays)} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="reportLockDays" label={t('plans.fields.reportLockDays')}>
              <NumberField
                min={0}
                max={365}
                isInteger
                placeholder={
                  plan.reportLockDays === null ? t('plans.revisions.noLock') : String(plan.reportLockDays)
                }
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="objectives" label={t('plans.fields.objectives')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {/* The plan may reach thousands of units: the server skips those already on it. */}
        <Form.Item
          name="addReporterOrgIds"
          label={t('plans.revisions.addReporters')}
          extra={t('plans.fields.existingSkipped')}
        >
          <OrgListField
            childrenOf={plan.issuerOrgId}
            aria-label={t('plans.revisions.addReporters')}
            placeholder={t('plans.fields.addReporter')}
          />
        </Form.Item>
        <Form.Item name="addCopyOrgIds" label={t('plans.revisions.addCopies')}>
          <OrgListField aria-label={t('plans.revisions.addCopies')} placeholder={t('plans.fields.addCopy')} />
        </Form.Item>
        <Divider titlePlacement="start">{t('plans.revisions.addIndicators')}</Divider>
        <IndicatorsEditor listName="addIndicators" />
      </FormModal>
    </OrgNamesProvider>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { createPlanBody, type PlanView, periodType, planKind, updatePlanBody } from '@contracts/plans.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { errorMessage, type FieldIssue, serverFieldIssues } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showFieldIssues } from '../../../app/forms.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useSaveDraft } from '../api/drafts.ts';
import { usePlanChange } from '../api/plans.ts';
import {
  ActivitiesEditor,
  type ActivityValues,
  activityBodyOf,
  activityValuesOf,
} from './activity-fields.tsx';
import { IndicatorsEditor, type IndicatorValues, newIndicator } from './indicators-editor.tsx';
import { OrgListField, OrgNamesProvider, useOrgNames } from './org-list-field.tsx';
import { RecipientsTable } from './recipients-table.tsx';

type Values = {
  issuerOrgId?: number;
  /** Kept as it is (an implementing plan's link to the plan it implements). */
  implementsPlanId?: number | null;
  kind?: PlanView['kind'];
  number?: string;
  title?: string;
  issuedOn?: Dayjs;
  periodStart?: Dayjs;
  periodEnd?: Dayjs;
  legalBases?: string[];
  objectives?: string | null;
  reportPeriodType?: PlanView['reportPeriodType'];
  reportDueOn?: Dayjs | null;
  reportDueDays?: number | null;
  reportLockDays?: number | null;
  /** A new plan: its recipients whole. */
  reporterOrgIds?: number[];
  copyOrgIds?: number[];
  /** A draft being edited: what is added and removed (it may be sent to thousands of units). */
  addReporterOrgIds?: number[];
  addCopyOrgIds?: number[];
  removeRecipientOrgIds?: number[];
  indicators?: IndicatorValues[];
  activities?: ActivityValues[];
};

/** Blank optional inputs come back as null; the contract reads "not given" as undefined. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object' && !dayjs.isDayjs(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])),
    );
  }
  return value;
}

function initialValues(plan: PlanView | undefined, issuerOrgId: number | undefined): Values {
  if (!plan) {
    return {
      issuerOrgId,
      kind: 'plan',
      issuedOn: dayjs(),
      legalBases: [],
      reportPeriodType: 'once',
      reportDueDays: 10,
      reporterOrgIds: [],
      copyOrgIds: [],
      indicators: [{ ...newIndicator }],
      activities: [],
    };
  }
  return {
    issuerOrgId: plan.issuerOrgId,
    implementsPlanId: plan.implementsPlanId,
    kind: plan.kind,
    number: plan.number,
    title: plan.title,
    issuedOn: fromIsoDate(plan.issuedOn),
    periodStart: fromIsoDate(plan.periodStart),
    periodEnd: fromIsoDate(plan.periodEnd),
    legalBases: plan.legalBases,
    objectives: plan.objectives,
    reportPeriodType: plan.reportPeriodType,
    reportDueOn: fromIsoDate(plan.reportDueOn),
    reportDueDays: plan.reportDueDays,
    reportLockDays: plan.reportLockDays,
    addReporterOrgIds: [],
    addCopyOrgIds: [],
    removeRecipientOrgIds: [],
    indicators: plan.indicators.map(({ id: _id, ...i }) => i),
    activities: plan.activities.map(activityValuesOf),
  };
}

/** The body: a new plan's recipients whole, a draft's as what is added and removed. */
function bodyFrom(v: Values, isEdit: boolean) {
  const recipients = isEdit
    ? {
        addReporterOrgIds: v.addReporterOrgIds ?? [],
        addCopyOrgIds: v.addCopyOrgIds ?? [],
        removeRecipientOrgIds: v.removeRecipientOrgIds ?? [],
      }
    : { reporterOrgIds: v.reporterOrgIds ?? [], copyOrgIds: v.copyOrgIds ?? [] };
  const {
    reporterOrgIds: _r,
    copyOrgIds: _c,
    addReporterOrgIds: _ar,
    addCopyOrgIds: _ac,
    removeRecipientOrgIds: _rm,
    ...fields
  } = v;
  return withoutNulls({
    ...fields,
    ...recipients,
    issuedOn: toIsoDate(v.issuedOn),
    periodStart: toIsoDate(v.periodStart),
    periodEnd: toIsoDate(v.periodEnd),
    reportDueOn: toIsoDate(v.reportDueOn),
    legalBases: v.legalBases ?? [],
    indicators: v.indicators ?? [],
    activities: (v.activities ?? []).map(activityBodyOf),
  }) as Record<string, unknown>;
}

function LegalBasesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="legalBases">
      {(fields, { add, remove }) => (
        <Form.Item label={t('plans.fields.legalBases')}>
          {fields.map((field, n) => (
            <Space.Compact key={field.key} style={{ width: '100%', marginBottom: 8 }}>
              <Form.Item name={field.name} noStyle>
                <Input
                  maxLength={300}
                  aria-label={`${t('plans.fields.legalBases')} ${n + 1}`}
                  placeholder={t('plans.fields.legalBasisPlaceholder')}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={`${t('common.remove')} ${t('plans.fields.legalBases')} ${n + 1}`}
                onClick={() => remove(field.name)}
              />
            </Space.Compact>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add('')}>
            {t('plans.fields.addLegalBasis')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

function HeaderFields({ issuers, isEdit }: { issuers: { value: number; label: string }[]; isEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('plans.form.header')}>
      <Form.Item name="implementsPlanId" hidden>
        <InputNumber />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          {/* A draft keeps its issuer: the server refuses another one. */}
          <Form.Item name="issuerOrgId" label={t('plans.fields.issuer')} required>
            <Select options={issuers} showSearch={{ optionFilterProp: 'label' }} disabled={isEdit} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={t('plans.fields.kind')} required>
            <Select options={planKind.options.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="number"
            label={t('plans.fields.number')}
            tooltip={t('plans.fields.numberHint')}
            required
          >
            <Input autoFocus maxLength={60} placeholder="45/HD-LĐLĐ" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('plans.fields.title')} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="issuedOn" label={t('plans.fields.issuedOn')} required>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="periodStart" label={t('plans.fields.periodStart')} required>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="periodEnd" label={t('plans.fields.periodEnd')} required>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <LegalBasesField />
      <Form.Item name="objectives" label={t('plans.fields.objectives')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
    </Card>
  );
}

function ReportingFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const type = Form.useWatch('reportPeriodType', form);
  return (
    <Card title={t('plans.form.reporting')}>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="reportPeriodType" label={t('plans.fields.reportPeriodType')} required>
            <Select
              options={periodType.options.map((p) => ({ value: p, label: t(`plans.periodTypes.${p}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          {type === 'once' ? (
            <Form.Item name="reportDueOn" label={t('plans.fields.reportDueOn')} required>
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          ) : (
            <Form.Item
              name="reportDueDays"
              label={t('plans.fields.reportDueDays')}
              extra={t('plans.form.dueDaysHint')}
            >
              <InputNumber min={0} max={365} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item
            name="reportLockDays"
            label={t('plans.fields.reportLockDays')}
            extra={t('plans.fields.reportLockHint')}
          >
            <InputNumber min={0} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * A draft's recipients: the current ones a page at a time, each removable, and the units to add. The form
 * never holds the whole list (a national plan reaches thousands of units); it sends what changes.
 */
function DraftRecipientsFields({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const { reporters, copies } = plan.recipientCounts;
  return (
    <Card title={t('plans.form.recipients')}>
      <Typography.Paragraph type="secondary">
        {t('plans.fields.recipientsSummary', { reporters, copies })}
      </Typography.Paragraph>
      <Form.Item name="removeRecipientOrgIds" noStyle>
        <RecipientsTable plan={plan} removable />
      </Form.Item>
      <Form.Item
        name="addReporterOrgIds"
        label={t('plans.fields.addReporters')}
        extra={`${t('plans.fields.reportersHint')} ${t('plans.fields.existingSkipped')}`}
        style={{ marginTop: 16 }}
      >
        <OrgListField
          childrenOf={plan.issuerOrgId}
          aria-label={t('plans.fields.addReporters')}
          placeholder={t('plans.fields.addReporter')}
        />
      </Form.Item>
      <Form.Item
        name="addCopyOrgIds"
        label={t('plans.fields.addCopies')}
        extra={t('plans.fields.copiesHint')}
      >
        <OrgListField aria-label={t('plans.fields.addCopies')} placeholder={t('plans.fields.addCopy')} />
      </Form.Item>
    </Card>
  );
}

function RecipientsFields({ plan }: { plan?: PlanView }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const issuer = Form.useWatch('issuerOrgId', form);
  if (plan) return <DraftRecipientsFields plan={plan} />;
  return (
    <Card title={t('plans.form.recipients')}>
      <Form.Item
        name="reporterOrgIds"
        label={t('plans.fields.reporters')}
        extra={t('plans.fields.reportersHint')}
      >
        <OrgListField
          childrenOf={issuer}
          aria-label={t('plans.fields.reporters')}
          placeholder={t('plans.fields.addReporter')}
        />
      </Form.Item>
      <Form.Item name="copyOrgIds" label={t('plans.fields.copies')} extra={t('plans.fields.copiesHint')}>
        <OrgListField aria-label={t('plans.fields.copies')} placeholder={t('plans.fields.addCopy')} />
      </Form.Item>
    </Card>
  );
}

/** Organisations the user may issue for: their grants (the server checks plan.manage again). */
function useIssuerOptions(plan: PlanView | undefined) {
  const me = useCurrentUser();
  const options = new Map(me.grants.map((g) => [g.orgId, g.orgName]));
  if (plan) options.set(plan.issuerOrgId, plan.issuerName);
  return [...options].map(([value, label]) => ({ value, label }));
}

function PlanFormBody({ plan }: { plan?: PlanView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const issuers = useIssuerOptions(plan);
  const change = usePlanChange();
  const saveDraft = useSaveDraft();
  const { nameOf } = useOrgNames();
  const [problems, setProblems] = useState<string[]>([]);
  const [initial] = useState(() => initialValues(plan, issuers[0]?.value));
  // The version the form was filled from: a save after someone else's change is refused (409), never
  // written over it, even when a refetch has since brought the newer plan in.
  const [baseVersion] = useState(plan?.version);

  /** Issues no field shows (a recipient list entry, the list as a whole) go in the alert, named. */
  const onOrphans = (issues: FieldIssue[]) =>
    setProblems(
      issues.map((i) => {
        const [list, n] = i.path;
        const ids =
          typeof n === 'number' && typeof list === 'string'
            ? form.getFieldValue(list as keyof Values)
            : undefined;
        const orgId = Array.isArray(ids) ? (ids[n as number] as number | undefined) : undefined;
        return orgId !== undefined ? `${nameOf(orgId)}: ${i.message}` : i.message;
      }),
    );

  const onFinish = (values: Values) => {
    setProblems([]);
    const body = bodyFrom(values, !!plan);
    const done = (saved: PlanView, text: string) => {
      message.success(text);
      navigate(`/plans/${saved.id}`);
    };
    const onError = (error: unknown) => {
      const issues = serverFieldIssues(error);
      if (issues.length === 0) {
        setProblems([errorMessage(error)]);
        return;
      }
      const orphans = showFieldIssues(form, issues);
      if (orphans.length) onOrphans(orphans);
      else setProblems([t('plans.form.problems')]);
    };
    let hasOrphans = false;
    const collect = (issues: FieldIssue[]) => {
      hasOrphans = true;
      onOrphans(issues);
    };
    if (plan) {
      const parsed = parseWith(
        form,
        updatePlanBody,
        { ...body, version: baseVersion ?? plan.version },
        collect,
      );
      if (parsed) {
        const activities = parsed.activities.map((a, n) => ({ id: values.activities?.[n]?.id, body: a }));
        saveDraft.mutate(
          { id: plan.id, body: parsed, activities },
          {
            onSuccess: ({ plan: saved, failures }) => {
              if (failures.length === 0) return done(saved, t('plans.form.saved'));
              message.error(
                t('plans.form.activitiesNotSaved', {
                  list: failures.map((f) => `“${f.title}”: ${errorMessage(f.error)}`).join('; '),
                }),
                8,
              );
              navigate(`/plans/${saved.id}?tab=activities`);
            },
            onError,
          },
        );
      } else if (!hasOrphans) setProblems([t('plans.form.problems')]);
      return;
    }
    const parsed = parseWith(form, createPlanBody, body, collect);
    if (parsed)
      change.mutate(
        { kind: 'create', body: parsed },
        { onSuccess: (p) => done(p, t('plans.form.created', { number: p.number })), onError },
      );
    else if (!hasOrphans) setProblems([t('plans.form.problems')]);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      onFinishFailed={() => setProblems([t('plans.form.problems')])}
      onValuesChange={clearErrorsOnChange(form)}
      scrollToFirstError
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {plan ? t('plans.form.editTitle', { number: plan.number }) : t('plans.form.createTitle')}
        </Typography.Title>
        <HeaderFields issuers={issuers} isEdit={!!plan} />
        <ReportingFields />
        <RecipientsFields plan={plan} />
        <Card title={t('plans.form.indicators')}>
          <IndicatorsEditor />
        </Card>
        <Card title={t('plans.form.activities')}>
          <ActivitiesEditor />
        </Card>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={problems.length === 1 ? problems[0] : t('plans.form.problems')}
            description={
              problems.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Space className="plan-form-footer">
          <Button type="primary" htmlType="submit" loading={change.isPending || saveDraft.isPending}>
            {t('plans.form.saveDraft')}
          </Button>
          <Button onClick={() => navigate(plan ? `/plans/${plan.id}` : '/plans')}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Space>
    </Form>
  );
}

/** Drafting a plan (new, or editing a draft): validated with the same zod schema as the API route. */
export function PlanForm({ plan }: { plan?: PlanView }) {
  const names: [number, string][] = plan
    ? [
        ...plan.recipients.map((r): [number, string] => [r.orgId, r.orgName]),
        ...plan.activities.flatMap((a) => [
          ...(a.leadOrgId && a.leadOrgName ? [[a.leadOrgId, a.leadOrgName] as [number, string]] : []),
          ...a.partners.map((p): [number, string] => [p.orgId, p.orgName]),
        ]),
      ]
    : [];
  return (
    <OrgNamesProvider initial={names}>
      <PlanFormBody plan={plan} />
    </OrgNamesProvider>
  );
}

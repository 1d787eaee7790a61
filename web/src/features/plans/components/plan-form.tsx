import { createPlanBody, type PlanView, updatePlanBody } from '@contracts/plans.ts';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AppForm } from '../../../app/components/app-form.tsx';
import { PageBreadcrumb } from '../../../app/components/page-breadcrumb.tsx';
import { errorMessage, type FieldIssue, serverFieldIssues } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showFieldIssues } from '../../../app/forms.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useSaveDraft } from '../api/drafts.ts';
import { usePlanChange } from '../api/plans.ts';
import { ActivitiesEditor } from './activity-fields.tsx';
import { IndicatorsEditor } from './indicators-editor.tsx';
import { OrgNamesProvider, useOrgNames } from './org-list-field.tsx';
import { HeaderFields, ReportingFields } from './plan-form-fields.tsx';
import { RecipientsFields } from './plan-form-recipients.tsx';
import { bodyFrom, initialValues, type Values } from './plan-form-values.ts';

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
    <AppForm<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      onFinishFailed={() => setProblems([t('plans.form.problems')])}
      onValuesChange={clearErrorsOnChange(form)}
      scrollToFirstError
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PageBreadcrumb
          items={[
            ...(plan ? [{ key: 'plan', title: <Link to={`/plans/${plan.id}`}>{plan.number}</Link> }] : []),
            { key: 'form', title: plan ? t('plans.form.editCrumb') : t('plans.form.createCrumb') },
          ]}
        />
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
    </AppForm>
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

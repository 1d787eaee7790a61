import { type ActivityView, activityActualsBody, activityInput, type PlanView } from '@contracts/plans.ts';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { useFormatNumber } from '../../../app/numbers.ts';
import { useActivityChange } from '../api/activities.ts';
import {
  ActivityFields,
  type ActivityValues,
  activityBodyOf,
  activityValuesOf,
  newActivity,
} from './activity-fields.tsx';
import { OrgNamesProvider } from './org-list-field.tsx';

/** The activities tab's dialogs: add or edit an activity, and report its actual outputs. */

export function ActivityModal({
  plan,
  activity,
  onClose,
}: {
  plan: PlanView;
  activity?: ActivityView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const change = useActivityChange();
  const onFinish = (values: ActivityValues) => {
    const parsed = parseWith(form, activityInput, activityBodyOf(values), (issues) =>
      message.error(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    const action = activity
      ? {
          kind: 'update' as const,
          planId: plan.id,
          id: activity.id,
          body: { ...parsed, version: activity.version },
        }
      : { kind: 'add' as const, planId: plan.id, body: parsed };
    change.mutate(action, {
      onSuccess: () => {
        message.success(t('plans.activity.saved'));
        onClose();
      },
      onError: (error) => {
        if (!showServerIssues(form, error)) message.error(errorMessage(error));
      },
    });
  };
  const names: [number, string][] = activity
    ? [
        ...(activity.leadOrgId && activity.leadOrgName
          ? [[activity.leadOrgId, activity.leadOrgName] as [number, string]]
          : []),
        ...activity.partners.map((p): [number, string] => [p.orgId, p.orgName]),
      ]
    : [];
  return (
    <OrgNamesProvider initial={names}>
      <FormModal<ActivityValues>
        title={activity ? t('plans.activity.editTitle') : t('plans.activity.addTitle')}
        form={form}
        width={860}
        initialValues={activity ? activityValuesOf(activity) : newActivity}
        onCancel={onClose}
        onFinish={onFinish}
        busy={change.isPending}
      >
        <ActivityFields />
      </FormModal>
    </OrgNamesProvider>
  );
}

type ActualsValues = { outputs: { actual?: number | null }[] };

export function ActualsModal({
  plan,
  activity,
  onClose,
}: {
  plan: PlanView;
  activity: ActivityView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActualsValues>();
  const change = useActivityChange();
  const onFinish = (values: ActualsValues) => {
    // A refused text is NaN here: the schema refuses it and parseWith leaves its message to the field.
    const body = {
      version: activity.version,
      outputs: activity.outputs.map((o, n) => ({
        metric: o.metric,
        actual: values.outputs?.[n]?.actual ?? null,
      })),
    };
    const parsed = parseWith(form, activityActualsBody, body);
    if (!parsed) return;
    change.mutate(
      { kind: 'actuals', planId: plan.id, id: activity.id, body: parsed },
      {
        onSuccess: () => {
          message.success(t('plans.activity.actualsSaved'));
          onClose();
        },
        onError: (error) => {
          if (!showServerIssues(form, error)) message.error(errorMessage(error));
        },
      },
    );
  };
  return (
    <FormModal<ActualsValues>
      title={t('plans.activity.actualsTitle', { title: activity.title })}
      form={form}
      initialValues={{ outputs: activity.outputs.map((o) => ({ actual: o.actual })) }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={change.isPending}
    >
      {activity.outputs.map((o, n) => (
        <Form.Item
          key={o.metric}
          name={['outputs', n, 'actual']}
          label={`${t(`plans.activity.metrics.${o.metric}`)} (${t('plans.activity.planned')}: ${fmt(o.planned) || '—'})`}
        >
          <NumberField min={0} style={{ width: '100%' }} autoFocus={n === 0} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

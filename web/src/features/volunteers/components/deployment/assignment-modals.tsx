import { incidentKinds } from '@contracts/volunteers/deployment.ts';
import { App, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { showServerIssues } from '../../../../app/forms.ts';
import { type Assignment, useAssignmentAction } from './deployment-api.ts';

export type AssignmentAction = 'end' | 'incidents' | 'cancel';
type Values = { on?: Dayjs; kind?: string; reason?: string; description?: string };

/** Ending (returned / early), recording an incident, or cancelling an assignment: each asks what the log keeps. */
export function AssignmentModal({
  waveId,
  assignment: a,
  action,
  onClose,
}: {
  waveId: number;
  assignment: Assignment;
  action: AssignmentAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const run = useAssignmentAction(waveId);
  const required = [{ required: true, message: t('validation.required') }];
  const onFinish = (v: Values) => {
    const body =
      action === 'end'
        ? { on: toIsoDate(v.on), kind: v.kind, reason: v.reason }
        : action === 'incidents'
          ? { occurredOn: toIsoDate(v.on), kind: v.kind, description: v.description }
          : { reason: v.reason };
    run.mutate(
      { id: a.id, action, body },
      {
        onSuccess: () => {
          message.success(
            t(
              action === 'end'
                ? 'deployment.end.done'
                : action === 'incidents'
                  ? 'deployment.incident.done'
                  : 'deployment.cancel.done',
            ),
          );
          onClose();
        },
        onError: (e) => {
          // The server names `occurredOn`; the form's field is `on`.
          if (!showServerIssues(form, e)) message.error(errorMessage(e));
        },
      },
    );
  };
  const title =
    action === 'end'
      ? t('deployment.end.title', { name: a.fullName })
      : action === 'incidents'
        ? t('deployment.incident.title', { name: a.fullName })
        : t('deployment.cancel.title', { name: a.fullName });
  return (
    <FormModal<Values>
      title={title}
      form={form}
      busy={run.isPending}
      okDanger={action === 'cancel'}
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={{
        kind: action === 'end' ? 'ended_early' : 'incident',
        on: fromIsoDate(a.endedOn ?? a.endsOn),
      }}
    >
      {action !== 'cancel' && (
        <Form.Item
          name="on"
          label={action === 'end' ? t('deployment.end.on') : t('deployment.incident.occurredOn')}
          rules={required}
        >
          <DateInput style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action === 'end' && (
        <Form.Item name="kind" label={t('deployment.end.kind')}>
          <Radio.Group
            options={[
              { value: 'returned', label: t('deployment.end.returned') },
              { value: 'ended_early', label: t('deployment.end.ended_early') },
            ]}
          />
        </Form.Item>
      )}
      {action === 'incidents' && (
        <>
          <Form.Item name="kind" label={t('deployment.incident.kind')}>
            <Select
              options={incidentKinds.map((k) => ({ value: k, label: t(`deployment.incidentKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('deployment.incident.description')} rules={required}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </>
      )}
      {action !== 'incidents' && (
        <Form.Item name="reason" label={t('deployment.end.reason')} rules={required}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
    </FormModal>
  );
}

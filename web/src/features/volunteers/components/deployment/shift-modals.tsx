import { App, Checkbox, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { isRefusedNumber, NumberField } from '../../../../app/components/number-field.tsx';
import { toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { showServerIssues } from '../../../../app/forms.ts';
import {
  type Assignment,
  type Shift,
  type Signup,
  useCreateShift,
  useSignUp,
  useSignupAction,
  vnClock,
} from './deployment-api.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
type ShiftValues = {
  destinationId?: number;
  day?: Dayjs;
  start?: string;
  end?: string;
  capacity?: number;
  task?: string;
};

/** A new shift: a destination, a day and two Vietnamese times (a shift ending past midnight ends the next day). */
export function CreateShiftModal({
  waveId,
  destinations,
  onClose,
}: {
  waveId: number;
  destinations: { id: number; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShiftValues>();
  const create = useCreateShift(waveId);
  const required = { required: true, message: t('validation.required') };
  const time = [required, { pattern: TIME, message: t('deployment.shifts.timeInvalid') }];
  const onFinish = (v: ShiftValues) => {
    if (isRefusedNumber(v.capacity)) return;
    const day = toIsoDate(v.day)!;
    const startsAt = `${day}T${v.start}:00+07:00`;
    let endsAt = `${day}T${v.end}:00+07:00`;
    if (v.end! <= v.start!) endsAt = new Date(Date.parse(endsAt) + 24 * 3600_000).toISOString();
    create.mutate(
      { destinationId: v.destinationId!, startsAt, endsAt, capacity: v.capacity!, task: v.task ?? null },
      {
        onSuccess: () => {
          message.success(t('deployment.shifts.saved'));
          onClose();
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) message.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <FormModal<ShiftValues>
      title={t('deployment.shifts.createTitle')}
      form={form}
      busy={create.isPending}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item name="destinationId" label={t('deployment.shifts.destination')} rules={[required]}>
        <Select options={destinations.map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="day" label={t('deployment.shifts.day')} rules={[required]}>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="start"
        label={t('deployment.shifts.start')}
        extra={t('deployment.shifts.timeHint')}
        rules={time}
      >
        <Input inputMode="numeric" placeholder="07:00" maxLength={5} />
      </Form.Item>
      <Form.Item name="end" label={t('deployment.shifts.end')} rules={time}>
        <Input inputMode="numeric" placeholder="11:00" maxLength={5} />
      </Form.Item>
      <Form.Item name="capacity" label={t('deployment.shifts.capacity')} rules={[required]}>
        <NumberField min={1} max={1000} isInteger />
      </Form.Item>
      <Form.Item name="task" label={t('deployment.shifts.task')}>
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

/** Signs up assignments at the shift's destination whose dates cover its day (those not on it yet). */
export function SignUpModal({
  waveId,
  shift,
  assignments,
  onClose,
}: {
  waveId: number;
  shift: Shift;
  assignments: Assignment[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ids: number[] }>();
  const signUp = useSignUp(waveId);
  const on = new Set(shift.signups.map((s) => s.assignmentId));
  const eligible = assignments.filter(
    (a) =>
      a.destinationId === shift.destinationId &&
      (a.status === 'assigned' || a.status === 'deployed') &&
      a.startsOn <= shift.day &&
      (a.endedOn ?? a.endsOn) >= shift.day &&
      !on.has(a.id),
  );
  return (
    <FormModal<{ ids: number[] }>
      title={t('deployment.shifts.signUpTitle', {
        time: `${shift.day.split('-').reverse().join('/')} ${vnClock(shift.startsAt)}–${vnClock(shift.endsAt)}`,
      })}
      form={form}
      busy={signUp.isPending}
      onCancel={onClose}
      onFinish={(v) =>
        signUp.mutate(
          { shiftId: shift.id, body: { assignmentIds: v.ids ?? [] } },
          {
            onSuccess: () => {
              message.success(t('deployment.shifts.signedUp', { count: v.ids.length }));
              onClose();
            },
            onError: (e) => message.error(errorMessage(e)),
          },
        )
      }
    >
      {eligible.length === 0 ? (
        <Typography.Text type="secondary">{t('deployment.shifts.noneEligible')}</Typography.Text>
      ) : (
        <Form.Item
          name="ids"
          label={t('deployment.shifts.assignments')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Checkbox.Group
            options={eligible.map((a) => ({ value: a.id, label: `${a.fullName} (${a.orgName})` }))}
            style={{ display: 'grid', gap: 4 }}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** An officer's hours for a sign-up (a forgotten check-out, a correction), with a note for the log. */
export function HoursModal({
  waveId,
  signup,
  max,
  onClose,
}: {
  waveId: number;
  signup: Signup;
  max: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ hours?: number; note?: string }>();
  const run = useSignupAction(waveId);
  return (
    <FormModal<{ hours?: number; note?: string }>
      title={t('deployment.shifts.setHoursTitle', { name: signup.fullName })}
      form={form}
      busy={run.isPending}
      onCancel={onClose}
      initialValues={{ hours: signup.hours ?? undefined }}
      onFinish={(v) => {
        if (isRefusedNumber(v.hours)) return;
        run.mutate(
          { id: signup.id, hours: v.hours!, note: v.note ?? '' },
          {
            onSuccess: () => {
              message.success(t('deployment.shifts.saved'));
              onClose();
            },
            onError: (e) => {
              if (!showServerIssues(form, e)) message.error(errorMessage(e));
            },
          },
        );
      }}
    >
      <Form.Item
        name="hours"
        label={t('deployment.shifts.hoursLabel')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <NumberField min={0} max={max} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('deployment.shifts.note')}
        rules={[{ required: true, min: 2, message: t('validation.required') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

import { statusBody, type VolunteerDetail } from '@contracts/volunteers/registry.ts';
import { Alert, App, Button, Card, Form, Input, Select, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useVolunteerChange, useVolunteerHistory } from './registry-api.ts';
import { StatusTag } from './volunteer-labels.tsx';

type Values = { to?: string; onDate?: Dayjs; reason?: string };

function StatusModal({ v, onClose }: { v: VolunteerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useVolunteerChange();
  const onFinish = (values: Values) => {
    setProblem(null);
    const body = parseWith(form, statusBody, { ...values, onDate: toIsoDate(values.onDate) }, (i) =>
      setProblem(i.map((x) => x.message).join('; ')),
    );
    if (body)
      change.mutate(
        { kind: 'status', id: v.id, body },
        {
          onSuccess: () => {
            message.success(t('volunteers.detail.statusChanged'));
            onClose();
          },
          onError: (e) => {
            if (!showServerIssues(form, e)) setProblem(errorMessage(e));
          },
        },
      );
  };
  return (
    <FormModal<Values>
      title={t('volunteers.detail.changeStatus')}
      form={form}
      initialValues={{ onDate: dayjs() }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="to"
        label={t('volunteers.detail.to')}
        required
        extra={t('volunteers.detail.deployedHint')}
      >
        <Select options={v.nextStatuses.map((s) => ({ value: s, label: t(`volunteers.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="onDate" label={t('volunteers.detail.onDate')} required>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('volunteers.detail.reason')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The status over time (newest first) and the change-status action. */
export function StatusCard({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const history = useVolunteerHistory(v.id);
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('volunteers.detail.history')}
      extra={
        v.can.manage &&
        v.nextStatuses.length > 0 && (
          <Button className="no-print" onClick={() => setOpen(true)}>
            {t('volunteers.detail.changeStatus')}
          </Button>
        )
      }
    >
      {history.error && <QueryError error={history.error} onRetry={() => history.refetch()} />}
      <Timeline
        items={(history.data ?? []).map((h) => ({
          key: h.id,
          content: (
            <div>
              <Typography.Text strong>{formatDate(h.onDate)}</Typography.Text>{' '}
              {h.fromStatus && (
                <>
                  <StatusTag status={h.fromStatus} />→{' '}
                </>
              )}
              <StatusTag status={h.toStatus} />
              {h.reason && <div>{h.reason}</div>}
              {h.changedBy && (
                <Typography.Text type="secondary">
                  {t('volunteers.detail.by', { name: h.changedBy })}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
      {open && <StatusModal v={v} onClose={() => setOpen(false)} />}
    </Card>
  );
}

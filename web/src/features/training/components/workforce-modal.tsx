import { workforceBody } from '@contracts/training.ts';
import { Alert, App, Checkbox, Form, Input, List, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { formatDate, toIsoDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { type Compliance, useDeclareWorkforce, useWorkforce } from '../api/compliance.ts';

type Values = { asOf?: Dayjs; workers?: number | null; strictOsh?: boolean; note?: string };

/** Khai báo số lao động on a date: the TT 19/2016 first-aider requirement follows the latest declaration. */
export function WorkforceModal({
  orgId,
  current,
  onClose,
}: {
  orgId: number;
  current?: Compliance['firstAiders'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const history = useWorkforce(orgId);
  const declare = useDeclareWorkforce();
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      ...v,
      orgId,
      asOf: toIsoDate(v.asOf),
      workers: v.workers ?? undefined,
      strictOsh: !!v.strictOsh,
    };
    const parsed = parseWith(form, workforceBody, body, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    declare.mutate(parsed, {
      onSuccess: (w) => {
        message.success(t('training.compliance.declared', { workers: w.workers, date: formatDate(w.asOf) }));
        onClose();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<Values>
      title={t('training.compliance.declareTitle')}
      form={form}
      initialValues={{
        asOf: dayjs(),
        workers: current?.headcountSource === 'declared' ? current.headcount : undefined,
        strictOsh: current?.strict ?? false,
      }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={declare.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('training.compliance.declareHint')}</Typography.Paragraph>
      <Form.Item name="asOf" label={t('training.compliance.asOf')} required>
        <DateInput />
      </Form.Item>
      <Form.Item name="workers" label={t('training.compliance.headcount')} required>
        <NumberField min={0} max={1_000_000} isInteger style={{ width: 160 }} autoFocus />
      </Form.Item>
      <Form.Item name="strictOsh" valuePropName="checked">
        <Checkbox>{t('training.compliance.strict')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('training.requests.notes')}>
        <Input maxLength={500} />
      </Form.Item>
      {(history.data?.length ?? 0) > 0 && (
        <List
          size="small"
          header={t('training.compliance.history')}
          dataSource={history.data?.slice(0, 5)}
          renderItem={(w) => (
            <List.Item>
              {t('training.compliance.historyLine', {
                date: formatDate(w.asOf),
                workers: w.workers,
                by: w.recordedBy ?? '—',
              })}
              {w.strictOsh ? ` · ${t('training.compliance.strictShort')}` : ''}
            </List.Item>
          )}
        />
      )}
    </FormModal>
  );
}

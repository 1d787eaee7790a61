import { classPaymentBody } from '@contracts/training.ts';
import { Alert, App, Descriptions, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { parseWith } from '../../../app/forms.ts';
import { type TrainingClass, useClassChange } from '../api/classes.ts';
import { MoneyInput } from './money-input.tsx';
import { useModalSaveError } from './save-error.ts';
import { useMoney } from './training-labels.tsx';

type Values = { paidAmount?: number | null };

/** Ghi nhận thanh toán: the amount the customer has paid so far, also after the class has ended. */
export function PaymentModal({ klass, onClose }: { klass: TrainingClass; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoney();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const onError = useModalSaveError(form, 'training.class_version_conflict', onClose, setProblem);
  const change = useClassChange();
  const onFinish = (v: Values) => {
    setProblem(null);
    const parsed = parseWith(form, classPaymentBody, {
      paidAmount: v.paidAmount ?? 0,
      version: klass.version,
    });
    if (!parsed) return;
    change.mutate(
      { kind: 'payment', id: klass.id, body: parsed },
      {
        onSuccess: (c) => {
          message.success(
            t('training.classes.paymentSaved', { paid: money(c.paidAmount), unpaid: money(c.unpaidAmount) }),
          );
          onClose();
        },
        onError,
      },
    );
  };
  return (
    <FormModal<Values>
      title={t('training.classes.paymentTitle', { code: klass.code })}
      form={form}
      initialValues={{ paidAmount: klass.paidAmount }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'p', label: t('training.classes.pricePerLearner'), children: money(klass.pricePerLearner) },
          {
            key: 't',
            label: t('training.classes.totalFor', { count: klass.enrolled }),
            children: money(klass.totalAmount),
          },
        ]}
      />
      <Form.Item
        name="paidAmount"
        label={t('training.classes.paidAmount')}
        extra={t('training.classes.paymentHint')}
      >
        <MoneyInput />
      </Form.Item>
    </FormModal>
  );
}

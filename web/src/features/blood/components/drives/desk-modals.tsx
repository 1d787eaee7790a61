import { donationKinds } from '@contracts/blood/common.ts';
import type { BookingView, DeskView } from '@contracts/blood/drives.ts';
import { Alert, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { showServerIssues } from '../../../../app/forms.ts';
import { useDonation, useScreen } from '../../api/drives.ts';

type ScreenValues = { outcome: 'eligible' | 'deferred'; weightKg?: number; reasonCode?: string };

/** Screening at the desk (health data): eligible with the weight measured, or deferred with a reason. */
export function ScreeningModal({
  driveId,
  booking,
  reasons,
  onClose,
  onWeight,
}: {
  driveId: number;
  booking: BookingView;
  reasons: DeskView['reasons'];
  onClose: () => void;
  onWeight: (kg: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<ScreenValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const screen = useScreen(driveId);
  const outcome = Form.useWatch('outcome', form);
  const onFinish = (v: ScreenValues) => {
    setProblem(null);
    screen.mutate(
      { bookingId: booking.id, body: { outcome: v.outcome, weightKg: v.weightKg, reasonCode: v.reasonCode } },
      {
        onSuccess: () => {
          if (v.weightKg) onWeight(v.weightKg);
          onClose();
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) setProblem(errorMessage(e));
        },
      },
    );
  };
  return (
    <FormModal<ScreenValues>
      title={`${t('bloodDrives.desk.screen')} — ${booking.queueNo ?? ''}. ${booking.fullName}`}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      busy={screen.isPending}
      initialValues={{ outcome: 'eligible' }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="outcome" label={t('bloodDrives.desk.outcome')}>
        <Radio.Group
          optionType="button"
          size="large"
          options={[
            { value: 'eligible', label: t('bloodDrives.desk.eligible') },
            { value: 'deferred', label: t('bloodDrives.desk.defer') },
          ]}
        />
      </Form.Item>
      <Form.Item name="weightKg" label={t('bloodDrives.desk.weight')} required={outcome !== 'deferred'}>
        <NumberField min={30} max={200} size="large" autoFocus />
      </Form.Item>
      {outcome === 'deferred' && (
        <Form.Item name="reasonCode" label={t('bloodDrives.desk.reason')} required>
          <Select
            size="large"
            options={reasons.map((r) => ({
              value: r.code,
              label: i18n.language === 'en' ? r.nameEn : r.nameVi,
            }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

type DonationValues = { kind: (typeof donationKinds)[number]; volumeMl?: number; weightKg?: number };

/** The donation: kind, volume (refused above what the weight allows) and the weight measured at screening. */
export function DonationModal({
  driveId,
  booking,
  weightKg,
  onClose,
}: {
  driveId: number;
  booking: BookingView;
  weightKg: number | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DonationValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const donate = useDonation(driveId);
  const onFinish = (v: DonationValues) => {
    setProblem(null);
    donate.mutate(
      { bookingId: booking.id, body: { kind: v.kind, volumeMl: v.volumeMl ?? 0, weightKg: v.weightKg ?? 0 } },
      {
        onSuccess: onClose,
        onError: (e) => {
          if (!showServerIssues(form, e)) setProblem(errorMessage(e));
        },
      },
    );
  };
  return (
    <FormModal<DonationValues>
      title={`${t('bloodDrives.desk.donate')} — ${booking.queueNo ?? ''}. ${booking.fullName}`}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      busy={donate.isPending}
      initialValues={{ kind: 'whole_blood', volumeMl: weightKg && weightKg < 50 ? 250 : 350, weightKg }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="kind" label={t('bloodDrives.desk.kind')}>
        <Select
          size="large"
          options={donationKinds.map((k) => ({ value: k, label: t(`bloodDrives.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="volumeMl" label={t('bloodDrives.desk.volume')} required>
        <Radio.Group
          optionType="button"
          size="large"
          options={[250, 350, 450].map((v) => ({ value: v, label: `${v} ml` }))}
        />
      </Form.Item>
      <Form.Item name="weightKg" label={t('bloodDrives.desk.weight')} required>
        <NumberField min={30} max={200} size="large" />
      </Form.Item>
    </FormModal>
  );
}

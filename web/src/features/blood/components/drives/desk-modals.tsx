import { donationKinds } from '@contracts/blood/common.ts';
import type { BookingView, DeskView } from '@contracts/blood/drives.ts';
import { Alert, Form, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { formatDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { showServerIssues } from '../../../../app/forms.ts';
import { fold } from '../../../../app/text.ts';
import { useDonation, useScreen } from '../../api/drives.ts';

type ScreenValues = {
  outcome: 'eligible' | 'deferred';
  weightKg?: number;
  reasonCode?: string;
  until?: Dayjs;
};

/** What the desk tells a deferred donor: the reason, and from which day they may come back (or never). */
export type Deferral = { fullName: string; reason: string; until: string | null; permanent: boolean };

/**
 * Screening at the desk (health data): eligible with the weight measured, or deferred with a reason — a reason of
 * fixed length shows the day the donor may come back; one without it takes that day (optional). Enter moves from
 * field to field; the button or Ctrl+Enter sends, and a missing weight or reason is said on its field.
 */
export function ScreeningModal({
  driveId,
  driveDate,
  booking,
  reasons,
  onClose,
  onWeight,
  onDeferred,
}: {
  driveId: number;
  driveDate: string;
  booking: BookingView;
  reasons: DeskView['reasons'];
  onClose: () => void;
  onWeight: (kg: number) => void;
  onDeferred: (d: Deferral) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<ScreenValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const screen = useScreen(driveId);
  const outcome = Form.useWatch('outcome', form);
  const reasonCode = Form.useWatch('reasonCode', form);
  const reason = reasons.find((r) => r.code === reasonCode);
  const nameOf = (r: DeskView['reasons'][number]) => (i18n.language === 'en' ? r.nameEn : r.nameVi);
  const onFinish = (v: ScreenValues) => {
    setProblem(null);
    const body = {
      outcome: v.outcome,
      weightKg: v.weightKg,
      reasonCode: v.outcome === 'deferred' ? v.reasonCode : undefined,
      until: v.outcome === 'deferred' ? toIsoDate(v.until) : undefined,
    };
    screen.mutate(
      { bookingId: booking.id, body },
      {
        onSuccess: (r) => {
          if (v.weightKg) onWeight(v.weightKg);
          const chosen = reasons.find((x) => x.code === v.reasonCode);
          if (r.deferral && chosen)
            onDeferred({ fullName: booking.fullName, reason: nameOf(chosen), ...r.deferral });
          onClose();
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) setProblem(errorMessage(e));
        },
      },
    );
  };
  const required = { required: true, message: t('validation.required') };
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
      <Form.Item
        name="weightKg"
        label={t('bloodDrives.desk.weight')}
        rules={outcome === 'deferred' ? [] : [required]}
      >
        <NumberField min={30} max={200} size="large" autoFocus />
      </Form.Item>
      {outcome === 'deferred' && (
        <>
          <Form.Item
            name="reasonCode"
            label={t('bloodDrives.desk.reason')}
            rules={[required]}
            extra={
              reason?.permanent
                ? t('bloodDrives.desk.deferredNever')
                : reason?.days
                  ? t('bloodDrives.desk.deferredUntil', {
                      date: formatDate(addDaysIso(driveDate, reason.days)),
                    })
                  : undefined
            }
          >
            <Select
              size="large"
              showSearch={{
                filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)),
              }}
              options={reasons.map((r) => ({ value: r.code, label: nameOf(r) }))}
            />
          </Form.Item>
          {reason && !reason.permanent && !reason.days && (
            <Form.Item
              name="until"
              label={t('bloodDrives.desk.until')}
              extra={t('bloodDrives.desk.untilHint')}
            >
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}

/** The day `days` after an ISO day (the drive's), as ISO. */
function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
      <Form.Item
        name="volumeMl"
        label={t('bloodDrives.desk.volume')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Radio.Group
          optionType="button"
          size="large"
          options={[250, 350, 450].map((v) => ({ value: v, label: `${v} ml` }))}
        />
      </Form.Item>
      <Form.Item
        name="weightKg"
        label={t('bloodDrives.desk.weight')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <NumberField min={30} max={200} size="large" />
      </Form.Item>
    </FormModal>
  );
}

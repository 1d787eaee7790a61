import { donationKinds, standardVolumes } from '@contracts/blood/common.ts';
import { recordDonationBody } from '@contracts/blood/donors.ts';
import { Alert, App, Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../app/api-client.ts';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { useRefusalText } from './donor-labels.tsx';
import {
  type Donor,
  type Refusal,
  useDeferralReasons,
  useDonorEligibility,
  useRecordDonation,
} from './donors-api.ts';

type Values = {
  donatedOn?: Dayjs;
  organiserOrgId?: number;
  establishmentOrgId?: number;
  site?: string;
  kind?: string;
  outcome?: 'donated' | 'deferred' | 'adverse_event';
  volumeMl?: number | null;
  deferralReason?: string;
  deferralUntil?: Dayjs;
  adverseNote?: string;
};

/**
 * Records one attempt: donated (volume at most what the donor's weight allows), deferred (a reason from the list;
 * its end from the reason's days unless given) or an adverse event. A refusal by the rules is shown in words.
 */
export function DonationFormModal({
  donor,
  onClose,
  onSaved,
}: {
  donor: Donor;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'whole_blood';
  const outcome = Form.useWatch('outcome', form) ?? 'donated';
  const eligibility = useDonorEligibility(donor.id, kind);
  const reasons = useDeferralReasons();
  const refusalText = useRefusalText();
  const record = useRecordDonation();
  const [problem, setProblem] = useState<ReactNode>(null);
  const max = eligibility.data?.maxVolumeMl ?? null;

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'donors.not_eligible') {
      const refusals = ((e.details as { refusals?: Refusal[] })?.refusals ?? []).map(refusalText);
      setProblem(
        <>
          {t('bloodDonors.donation.refused')}
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>,
      );
      return;
    }
    if (!showServerIssues(form, e)) setProblem(errorMessage(e));
  };
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = parseWith(
      form,
      recordDonationBody,
      {
        personId: donor.personId,
        donatedOn: toIsoDate(v.donatedOn),
        organiserOrgId: v.organiserOrgId,
        establishmentOrgId: v.establishmentOrgId ?? null,
        site: v.site,
        kind: v.kind,
        outcome: v.outcome,
        volumeMl: v.outcome === 'deferred' ? null : (v.volumeMl ?? null),
        deferralReason: v.outcome === 'deferred' ? v.deferralReason : null,
        deferralUntil: v.outcome === 'deferred' ? (toIsoDate(v.deferralUntil) ?? null) : null,
        adverseNote: v.outcome === 'adverse_event' ? v.adverseNote : null,
      },
      (issues) => setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (body)
      record.mutate(body, {
        onSuccess: () => {
          message.success(t('bloodDonors.donation.saved'));
          onSaved();
        },
        onError,
      });
  };
  const half = (children: ReactNode) => (
    <Col xs={24} sm={12}>
      {children}
    </Col>
  );
  const reasonLabel = (r: { nameVi: string; nameEn: string; permanent: boolean }) =>
    `${i18n.language === 'en' ? r.nameEn : r.nameVi}${r.permanent ? ` (${t('bloodDonors.donation.permanent')})` : ''}`;
  return (
    <FormModal<Values>
      title={t('bloodDonors.donation.title', { name: donor.fullName })}
      form={form}
      width={720}
      initialValues={{
        donatedOn: dayjs(),
        organiserOrgId: me.grants[0]?.orgId,
        kind: 'whole_blood',
        outcome: 'donated',
      }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={record.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        {half(
          <Form.Item name="donatedOn" label={t('bloodDonors.donation.date')} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="organiserOrgId" label={t('bloodDonors.donation.organiser')} required>
            <OrgPicker />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="establishmentOrgId" label={t('bloodDonors.donation.establishment')}>
            <OrgPicker />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="site" label={t('bloodDonors.donation.site')}>
            <Input maxLength={300} />
          </Form.Item>,
        )}
      </Row>
      <Form.Item
        name="outcome"
        label={t('bloodDonors.donation.outcome')}
        required
        extra={donor.can.health ? undefined : t('bloodDonors.donation.healthOnly')}
      >
        <Radio.Group
          optionType="button"
          options={(['donated', 'deferred', 'adverse_event'] as const).map((o) => ({
            value: o,
            label: t(`bloodDonors.outcomes.${o}`),
            disabled: o === 'deferred' && !donor.can.health,
          }))}
        />
      </Form.Item>
      {!donor.can.health && outcome === 'donated' && (
        <Alert
          type="info"
          showIcon
          title={t('bloodDonors.donation.healthOnly')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16}>
        {half(
          <Form.Item name="kind" label={t('bloodDonors.donation.kind')} required>
            <Select options={donationKinds.map((k) => ({ value: k, label: t(`bloodDonors.kinds.${k}`) }))} />
          </Form.Item>,
        )}
        {outcome !== 'deferred' &&
          half(
            <Form.Item
              name="volumeMl"
              label={t('bloodDonors.donation.volume')}
              required={outcome === 'donated'}
              extra={
                max !== null && (
                  <Space size={4} wrap>
                    {t('bloodDonors.donation.volumeHint', { max })}
                    {kind === 'whole_blood' &&
                      standardVolumes
                        .filter((ml) => ml <= max)
                        .map((ml) => (
                          <Button key={ml} size="small" onClick={() => form.setFieldValue('volumeMl', ml)}>
                            {ml}
                          </Button>
                        ))}
                  </Space>
                )
              }
            >
              <NumberField isInteger min={1} max={max ?? 1000} suffix="ml" />
            </Form.Item>,
          )}
      </Row>
      {outcome === 'deferred' && (
        <Row gutter={16}>
          {half(
            <Form.Item name="deferralReason" label={t('bloodDonors.donation.reason')} required>
              <Select
                loading={reasons.isLoading}
                options={(reasons.data?.items ?? []).map((r) => ({ value: r.code, label: reasonLabel(r) }))}
              />
            </Form.Item>,
          )}
          {half(
            <Form.Item
              name="deferralUntil"
              label={t('bloodDonors.donation.until')}
              extra={t('bloodDonors.donation.untilHint')}
            >
              <DateInput style={{ width: '100%' }} />
            </Form.Item>,
          )}
        </Row>
      )}
      {outcome === 'adverse_event' && (
        <Form.Item name="adverseNote" label={t('bloodDonors.donation.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      )}
    </FormModal>
  );
}

import { EditOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Grid,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../../../app/components/empty-state.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate, formatDateTime } from '../../../../app/dates.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { ProvinceName } from '../../../admin-units/components/province-select.tsx';
import { DonationFormModal } from '../../components/donors/donation-form-modal.tsx';
import { DonorFormModal } from '../../components/donors/donor-form-modal.tsx';
import { EligibilityTag, GroupTag, useRefusalText } from '../../components/donors/donor-labels.tsx';
import {
  certificateUrl,
  type Donation,
  type Donor,
  useDonations,
  useDonor,
  useDonorEligibility,
} from '../../components/donors/donors-api.ts';

function useHistoryColumns(health: boolean): TableColumnsType<Donation> {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().sm;
  const num = useFormatNumber();
  return [
    {
      key: 'date',
      title: t('bloodDonors.history.date'),
      width: 110,
      render: (_v, d) => formatDate(d.donatedOn),
    },
    {
      key: 'kind',
      title: t('bloodDonors.history.kind'),
      render: (_v, d) => t(`bloodDonors.kinds.${d.kind}`),
    },
    {
      key: 'volume',
      title: t('bloodDonors.history.volume'),
      width: 90,
      align: 'right',
      responsive: ['sm'],
      render: (_v, d) => (d.volumeMl ? `${num(d.volumeMl)} ml` : ''),
    },
    {
      key: 'outcome',
      title: t('bloodDonors.history.outcome'),
      render: (_v, d) => (
        <Space direction="vertical" size={0}>
          <Tag color={d.outcome === 'donated' ? 'green' : d.outcome === 'deferred' ? 'gold' : 'red'}>
            {t(`bloodDonors.outcomes.${d.outcome}`)}
          </Tag>
          {d.outcome === 'deferred' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                health ? d.deferralReasonName : null,
                d.deferralPermanent
                  ? t('bloodDonors.history.permanent')
                  : d.deferralUntil && `${t('bloodDonors.history.until')} ${formatDate(d.deferralUntil)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'site',
      title: t('bloodDonors.history.site'),
      responsive: ['md'],
      render: (_v, d) => [d.driveTitle, d.site, d.organiserName].filter(Boolean).join(' — '),
    },
    {
      key: 'certificate',
      title: phone ? null : t('bloodDonors.history.certificate'),
      className: 'no-print',
      render: (_v, d) =>
        d.certificateNo && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={certificateUrl(d.id)}
            target="_blank"
            aria-label={`${t('bloodDonors.history.download')} ${d.certificateNo}`}
          >
            {!phone && t('bloodDonors.history.download')}
          </Button>
        ),
    },
  ];
}

function NextDate({ donor }: { donor: Donor }) {
  const { t } = useTranslation();
  const e = useDonorEligibility(donor.id);
  const refusalText = useRefusalText();
  if (!e.data) return null;
  if (e.data.eligible)
    return (
      <Alert
        type="success"
        showIcon
        title={t('bloodDonors.detail.eligibleToday', { max: e.data.maxVolumeMl ?? '—' })}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      title={
        e.data.nextEligibleOn
          ? t('bloodDonors.detail.nextDate', { date: formatDate(e.data.nextEligibleOn) })
          : t('bloodDonors.detail.notEligible')
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {e.data.refusals.map((r) => (
            <li key={r.code + (r.until ?? '')}>{refusalText(r)}</li>
          ))}
        </ul>
      }
    />
  );
}

/** /blood/donors/:id — profile, health data (with the right), next eligible date in words, history, certificates. */
export function DonorDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const donor = useDonor(id);
  const donations = useDonations(id);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const columns = useHistoryColumns(donor.data?.healthVisible ?? false);
  if (donor.isLoading) return <PageLoading />;
  if (donor.error || !donor.data) return <QueryError error={donor.error} onRetry={() => donor.refetch()} />;
  const d = donor.data;
  const dash = (v: string | null | undefined) => v || '—';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="print-area">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {d.fullName}
            </Typography.Title>
            <GroupTag donor={d} />
            <EligibilityTag donor={d} />
          </Space>
        }
        extra={
          d.can.manage && (
            <Space wrap className="no-print">
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('bloodDonors.detail.edit')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                {t('bloodDonors.detail.record')}
              </Button>
            </Space>
          )
        }
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <NextDate donor={d} />
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('bloodDonors.fields.donorNo')}>{d.donorNo}</Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.birthDate')}>
              {formatDate(d.birthDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.sex')}>
              {d.sex ? t(`bloodDonors.sex.${d.sex}`) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.phone')}>{dash(d.phone)}</Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.keeper')}>{d.keeperName}</Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.memberOf')}>
              {dash(d.memberOfName)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.homeProvinceCode')}>
              <ProvinceName code={d.homeProvinceCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.preferredContact')}>
              {t(`bloodDonors.contact.${d.preferredContact}`)}
              {d.consentContact ? ' ✓' : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.donations')}>
              {t('bloodDonors.detail.donatedCount', { count: d.donationCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('bloodDonors.fields.lastDonatedOn')}>
              {formatDate(d.lastDonatedOn)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('bloodDonors.detail.health')}
          </Typography.Title>
          {d.healthVisible ? (
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('bloodDonors.fields.group')}>
                <GroupTag donor={d} />
              </Descriptions.Item>
              <Descriptions.Item label={t('bloodDonors.fields.groupConfirmedBy')}>
                {[d.groupConfirmedBy, formatDate(d.groupConfirmedOn)].filter(Boolean).join(', ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('bloodDonors.fields.rareFlags')}>
                {d.rareFlags?.length ? d.rareFlags.join(', ') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('bloodDonors.fields.weightKg')}>
                {d.weightKg !== null
                  ? `${d.weightKg} kg${d.weightOn ? ` (${formatDate(d.weightOn)})` : ''}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('bloodDonors.fields.consentHealthShort')}>
                {d.consentHealthAt ? formatDateTime(d.consentHealthAt) : '—'}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('bloodDonors.detail.healthHidden')}</Typography.Text>
          )}
        </Space>
      </Card>
      <Card title={t('bloodDonors.detail.history')}>
        {donations.error && <QueryError error={donations.error} onRetry={() => donations.refetch()} />}
        <Table<Donation>
          size="middle"
          rowKey="id"
          loading={donations.isFetching}
          dataSource={donations.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <EmptyState text={t('bloodDonors.detail.historyEmpty')} /> }}
        />
      </Card>
      {editing && (
        <DonorFormModal
          donor={d}
          canHealth={d.can.health}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {recording && (
        <DonationFormModal
          donor={d}
          onClose={() => setRecording(false)}
          onSaved={() => setRecording(false)}
        />
      )}
    </Space>
  );
}

import { EditOutlined } from '@ant-design/icons';
import { Button, Col, Descriptions, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PrintableCard, PrintButton } from '../../../../app/components/list-card.tsx';
import { PageBreadcrumb } from '../../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { ProvinceName } from '../../../admin-units/components/province-select.tsx';
import { AvailabilityCard } from '../../components/registry/availability-card.tsx';
import { QualificationsCard } from '../../components/registry/qualifications-card.tsx';
import { useVolunteer } from '../../components/registry/registry-api.ts';
import { StatusCard } from '../../components/registry/status-card.tsx';
import { VolunteerFormModal } from '../../components/registry/volunteer-form-modal.tsx';
import { StatusTag } from '../../components/registry/volunteer-labels.tsx';
import { CreateVolunteerAccountButton } from '../../components/self/create-volunteer-account-button.tsx';

/** /volunteers/:id — a volunteer's profile, qualifications (with training certificates), availability and status. */
export function VolunteerDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useVolunteer(id);
  const [editing, setEditing] = useState(false);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const v = q.data;
  const dash = (s: string | number | null | undefined) =>
    s === null || s === undefined || s === '' ? '—' : s;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <PageBreadcrumb items={[{ key: 'v', title: v.fullName }]} />
      <PrintableCard
        title={v.fullName}
        extra={
          <Space wrap className="no-print">
            <PrintButton />
            {v.can.manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('volunteers.detail.edit')}
              </Button>
            )}
            {v.can.manage && <CreateVolunteerAccountButton profileId={v.id} />}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('volunteers.fields.status')}>
            <Space size={4}>
              <StatusTag status={v.status} />
              {formatDate(v.statusSince)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.org')}>{v.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.group')}>
            {t(`volunteers.groups.${v.group}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.birthDate')}>
            {formatDate(v.birthDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.sex')}>
            {v.sex ? t(`volunteers.sex.${v.sex}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.cccd')}>
            <span className="mono">{dash(v.cccd)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.phone')}>{dash(v.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.email')}>{dash(v.email)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.faculty')}>{dash(v.faculty)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.studyYear')}>{dash(v.studyYear)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.profession')}>
            {dash(v.profession)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.languages')}>
            {dash(v.languages.join(', '))}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.homeProvince')}>
            <ProvinceName code={v.homeProvinceCode} />
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.readyDeclaredOn')}>
            {dash(formatDate(v.readyDeclaredOn))}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.fields.consentOn')}>
            {v.consentContact ? dash(formatDate(v.consentOn)) : '—'}
          </Descriptions.Item>
          {v.note && <Descriptions.Item label={t('volunteers.fields.note')}>{v.note}</Descriptions.Item>}
        </Descriptions>
      </PrintableCard>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <QualificationsCard v={v} />
            <AvailabilityCard v={v} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <StatusCard v={v} />
        </Col>
      </Row>
      {editing && (
        <VolunteerFormModal
          volunteer={v}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </Space>
  );
}

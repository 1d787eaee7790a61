import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { documentUrl, useWaveAssignments } from './deployment-api.ts';

function Downloads({ path, query }: { path: string; query?: Record<string, number | undefined> }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined />} href={documentUrl(`${path}.xlsx`, query)}>
        {t('deployment.documents.xlsx')}
      </Button>
      <Button icon={<FilePdfOutlined />} href={documentUrl(`${path}.pdf`, query)} target="_blank">
        {t('deployment.documents.pdf')}
      </Button>
    </Space>
  );
}

/**
 * A wave's documents: the send-off list (whole wave, one institution or one destination), the summary report and
 * the participation certificates. The server gives each institution only its own volunteers.
 */
export function WaveDocuments({ waveId }: { waveId: number }) {
  const { t } = useTranslation();
  const q = useWaveAssignments(waveId);
  const [orgId, setOrgId] = useState<number | undefined>();
  const [destinationId, setDestinationId] = useState<number | undefined>();
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const orgs = [...new Map(q.data.assignments.map((a) => [a.orgId, a.orgName])).entries()];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('deployment.documents.sendOff')}>
        <Typography.Paragraph type="secondary">{t('deployment.documents.sendOffHelp')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 220, maxWidth: '100%' }}
            allowClear
            placeholder={t('deployment.documents.byOrg')}
            aria-label={t('deployment.documents.byOrg')}
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              setDestinationId(undefined);
            }}
            options={orgs.map(([id, name]) => ({ value: id, label: name }))}
          />
          <Select
            style={{ minWidth: 180, maxWidth: '100%' }}
            allowClear
            placeholder={t('deployment.documents.byDestination')}
            aria-label={t('deployment.documents.byDestination')}
            value={destinationId}
            onChange={(v) => {
              setDestinationId(v);
              setOrgId(undefined);
            }}
            options={q.data.destinations.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Space>
        <Downloads path={`/waves/${waveId}/send-off`} query={{ orgId, destinationId }} />
      </Card>
      <Card size="small" title={t('deployment.documents.summary')}>
        <Typography.Paragraph type="secondary">{t('deployment.documents.summaryHelp')}</Typography.Paragraph>
        <Downloads path={`/waves/${waveId}/summary`} />
      </Card>
      <Card size="small" title={t('deployment.documents.certificates')}>
        <Typography.Paragraph type="secondary">
          {t('deployment.documents.certificatesHelp')}
        </Typography.Paragraph>
        <Button
          icon={<FilePdfOutlined />}
          href={documentUrl(`/waves/${waveId}/certificates.pdf`, { orgId })}
          target="_blank"
        >
          {t('deployment.documents.pdf')}
        </Button>
      </Card>
    </Space>
  );
}

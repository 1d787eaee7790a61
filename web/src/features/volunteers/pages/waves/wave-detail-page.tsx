import { Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageBreadcrumb } from '../../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { WaveDeploymentTab } from '../../components/deployment/wave-deployment-tab.tsx';
import { WaveDocuments } from '../../components/deployment/wave-documents.tsx';
import { WaveShiftsTab } from '../../components/deployment/wave-shifts-tab.tsx';
import { TopicGapsTab } from '../../components/waves/topic-gaps-tab.tsx';
import { WaveActions } from '../../components/waves/wave-actions.tsx';
import { WaveStatusTag } from '../../components/waves/wave-labels.tsx';
import { WaveOverviewTab } from '../../components/waves/wave-overview-tab.tsx';
import { WaveQuotasTab } from '../../components/waves/wave-quotas-tab.tsx';
import { useWave } from '../../components/waves/waves-api.ts';

/** /waves/:id — a wave: overview, quotas and proposals, training gaps, and the deployment's tabs. */
export function WaveDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const wave = useWave(id);
  if (wave.error) return <QueryError error={wave.error} onRetry={() => wave.refetch()} />;
  if (!wave.data) return <PageLoading />;
  const w = wave.data;
  const tab = params.get('tab') ?? 'overview';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageBreadcrumb items={[{ key: 'wave', title: w.title }]} />
      <Card
        title={
          <Space wrap>
            <Typography.Text strong style={{ whiteSpace: 'normal' }}>
              {w.title}
            </Typography.Text>
            <WaveStatusTag status={w.status} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {w.issuerName} · {formatDate(w.startsOn)} – {formatDate(w.endsOn)}
        </Typography.Paragraph>
        <WaveActions wave={w} />
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            {
              key: 'overview',
              label: t('waves.detail.tabs.overview'),
              children: <WaveOverviewTab wave={w} />,
            },
            { key: 'quotas', label: t('waves.detail.tabs.quotas'), children: <WaveQuotasTab wave={w} /> },
            { key: 'training', label: t('waves.detail.tabs.training'), children: <TopicGapsTab wave={w} /> },
            {
              key: 'deployment',
              label: t('waves.detail.tabs.deployment'),
              children: <WaveDeploymentTab waveId={w.id} />,
            },
            {
              key: 'shifts',
              label: t('waves.detail.tabs.shifts'),
              children: <WaveShiftsTab waveId={w.id} />,
            },
            {
              key: 'documents',
              label: t('waves.detail.tabs.documents'),
              children: <WaveDocuments waveId={w.id} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

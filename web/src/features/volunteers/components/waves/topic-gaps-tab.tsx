import { Card, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { useTopicGaps, type Wave } from './waves-api.ts';

/** Tập huấn: per required topic, who named still lacks it, and where to open a class for them. */
export function TopicGapsTab({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const gaps = useTopicGaps(wave.id);
  if (wave.topics.length === 0) return <Empty description={t('waves.training.noTopics')} />;
  if (gaps.error) return <QueryError error={gaps.error} onRetry={() => gaps.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('waves.training.intro')}</Typography.Paragraph>
      {(gaps.data?.topics ?? []).map((tp) => (
        <Card
          key={tp.courseTypeId}
          size="small"
          loading={gaps.isPending}
          title={`${tp.name} — ${t('waves.training.people', { count: tp.people.length })}`}
          extra={
            tp.people.length > 0 && (
              <Link to={`/training/classes?courseTypeId=${tp.courseTypeId}`}>
                {t('waves.training.openClass')}
              </Link>
            )
          }
        >
          {tp.people.length === 0 ? (
            <Typography.Text type="success">{t('waves.training.nobody')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={tp.people}
              renderItem={(p) => <List.Item>{p.fullName}</List.Item>}
            />
          )}
        </Card>
      ))}
    </Space>
  );
}

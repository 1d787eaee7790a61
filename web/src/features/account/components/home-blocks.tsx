import type { HomeBlock } from '@contracts/home.ts';
import { Alert, Badge, Card, Col, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { isTranslationKey } from '../../../app/i18n/keys.ts';
import { usePeriodLabel } from '../../plans/components/plan-labels.tsx';
import { useHome } from '../api.ts';

/** The block's text by its key (`home.blocks.<key with _>.<part>`), or the key itself for an unknown block. */
function useBlockText() {
  const { t } = useTranslation();
  return (key: string, part: 'title' | 'empty' | 'urgent' | 'all', opts: Record<string, unknown> = {}) => {
    const k = `home.blocks.${key.replace('.', '_')}.${part}`;
    return isTranslationKey(k) ? t(k, opts) : key;
  };
}

function BlockCard({ block }: { block: HomeBlock }) {
  const { t } = useTranslation();
  const text = useBlockText();
  const periodLabel = usePeriodLabel();
  const when = (d: string) => (d.length > 10 ? formatDateTime(d) : formatDate(d));
  return (
    <Card
      data-testid={`home-block-${block.key}`}
      title={
        <span>
          {text(block.key, 'title')}{' '}
          <Badge count={block.count} showZero color={block.count > 0 ? 'blue' : '#bfbfbf'} />
        </span>
      }
      extra={block.count > 0 && <Link to={block.link}>{text(block.key, 'all', { count: block.count })}</Link>}
    >
      {block.urgent !== null && block.urgent > 0 && (
        <Typography.Paragraph type="warning">
          {text(block.key, 'urgent', { count: block.urgent })}
        </Typography.Paragraph>
      )}
      <List
        dataSource={block.items}
        locale={{ emptyText: <EmptyState text={text(block.key, 'empty')} /> }}
        renderItem={(i) => (
          <List.Item extra={i.date && <Typography.Text type="secondary">{when(i.date)}</Typography.Text>}>
            <List.Item.Meta
              title={<Link to={i.link}>{i.title}</Link>}
              description={
                [i.period && periodLabel(i.period), i.detail].filter(Boolean).join(' · ') ||
                t('home.noDetail')
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The home page's work blocks: only those the server answers for the caller's role; an empty state otherwise. */
export function HomeBlocks() {
  const { t } = useTranslation();
  const home = useHome();
  if (home.error) return <Alert type="error" showIcon title={errorMessage(home.error)} />;
  if (home.isPending) return <Card loading />;
  if (home.data.blocks.length === 0)
    return (
      <Card title={t('home.workTitle')}>
        <EmptyState text={t('home.nothingToDo')} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]}>
      {home.data.blocks.map((b) => (
        <Col key={b.key} xs={24} lg={home.data.blocks.length === 1 ? 24 : 12}>
          <BlockCard block={b} />
        </Col>
      ))}
    </Row>
  );
}

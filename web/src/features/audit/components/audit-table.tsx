import type { AuditEntry } from '@contracts/audit.ts';
import { Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { labelIn } from '../../../app/i18n/keys.ts';
import type { AuditPage } from '../api.ts';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** Before and after, side by side. */
function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
        <Json value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
        <Json value={entry.after} />
      </Col>
    </Row>
  );
}

type Props = {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  filtered: boolean;
};

export function AuditTable({ data, loading, page, pageSize, onPage, filtered }: Props) {
  const { t } = useTranslation();
  const entity = (e: AuditEntry) =>
    `${labelIn(t, 'audit.entities', e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}`;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <EmptyState text={filtered ? t('audit.emptyFiltered') : t('audit.empty')} /> }}
      pagination={serverPager(page, pageSize, data?.total ?? 0, onPage)}
      expandable={{ expandedRowRender: (e) => <Diff entry={e} /> }}
      columns={[
        { key: 'at', title: t('audit.columns.at'), render: (_v, e) => formatDateTime(e.at), width: 140 },
        {
          key: 'user',
          title: t('audit.columns.user'),
          render: (_v, e) => e.actorUsername ?? t('common.system'),
        },
        { key: 'ip', title: t('audit.columns.ip'), dataIndex: 'ip', width: 120 },
        {
          key: 'action',
          title: t('audit.columns.action'),
          render: (_v, e) => <Tag>{labelIn(t, 'audit.actions', e.action)}</Tag>,
        },
        { key: 'entity', title: t('audit.columns.entity'), render: (_v, e) => entity(e) },
        {
          key: 'org',
          title: t('audit.columns.org'),
          render: (_v, e) =>
            e.orgId ? <Link to={`/orgs/${e.orgId}`}>{e.orgName ?? `#${e.orgId}`}</Link> : '',
        },
      ]}
    />
  );
}

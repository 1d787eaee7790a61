import type { AuditEntry } from '@contracts/audit.ts';
import { isSignInAction } from '@contracts/audit-vocabulary.ts';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditWords } from '../../../app/audit-words.ts';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { type AuditPage, entityPath } from '../api.ts';
import { AuditChanges } from './audit-changes.tsx';
import { useAuditLang } from './audit-lang.ts';

type Props = {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  filtered: boolean;
};

/** The object: its kind, then its name linked to its page where it has one. */
function EntityCell({ entry }: { entry: AuditEntry }) {
  const lang = useAuditLang();
  const name = entry.entityLabel ?? (entry.entityId ? `#${entry.entityId}` : null);
  const path = entityPath(entry.entityType, entry.entityId);
  return (
    <>
      <Typography.Text type="secondary">{auditWords.entityLabel(lang, entry.entityType)}</Typography.Text>
      {name && (
        <>
          <br />
          {path ? <Link to={path}>{name}</Link> : name}
        </>
      )}
    </>
  );
}

export function AuditTable({ data, loading, page, pageSize, onPage, filtered }: Props) {
  const { t } = useTranslation();
  const lang = useAuditLang();
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState text={filtered ? t('audit.emptyFiltered') : t('audit.empty')} /> }}
      pagination={serverPager(page, pageSize, data?.total ?? 0, onPage)}
      expandable={{ expandedRowRender: (e) => <AuditChanges entry={e} /> }}
      columns={[
        { key: 'at', title: t('audit.columns.at'), render: (_v, e) => formatDateTime(e.at), width: 140 },
        {
          key: 'user',
          title: t('audit.columns.user'),
          render: (_v, e) => e.actorUsername ?? t('common.system'),
        },
        {
          key: 'action',
          title: t('audit.columns.action'),
          render: (_v, e) => (
            <Tag color={isSignInAction(e.action) ? 'default' : 'blue'}>
              {auditWords.actionLabel(lang, e.action)}
            </Tag>
          ),
        },
        { key: 'entity', title: t('audit.columns.entity'), render: (_v, e) => <EntityCell entry={e} /> },
        {
          key: 'org',
          title: t('audit.columns.org'),
          render: (_v, e) =>
            e.orgId ? <Link to={`/orgs/${e.orgId}`}>{e.orgName ?? `#${e.orgId}`}</Link> : '',
        },
        { key: 'ip', title: t('audit.columns.ip'), dataIndex: 'ip', width: 120 },
      ]}
    />
  );
}

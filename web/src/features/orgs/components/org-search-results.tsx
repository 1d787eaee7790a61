import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { useOrgSearch } from '../api.ts';
import { OrgStatusTag, useKindLabel } from './org-labels.tsx';

type Props = { q: string; showClosed: boolean; selectedId: number | undefined };

/** Results of a diacritic-insensitive search ("bac giang" finds "Bắc Giang"). */
export function OrgSearchResults({ q, showClosed, selectedId }: Props) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const search = useOrgSearch({ q, status: showClosed ? 'all' : 'active', pageSize: 30 });
  if (search.error) return <Alert type="error" showIcon title={errorMessage(search.error)} />;
  const total = search.data?.total ?? 0;
  return (
    <List
      size="small"
      loading={search.isFetching}
      header={
        search.data && (
          <Typography.Text type="secondary">{t('orgs.searchCount', { count: total })}</Typography.Text>
        )
      }
      dataSource={search.data?.items ?? []}
      locale={{ emptyText: <EmptyState text={t('orgs.searchEmpty', { q })} /> }}
      renderItem={(org) => (
        <List.Item style={org.id === selectedId ? { background: '#fff1f0' } : undefined}>
          <List.Item.Meta
            title={<Link to={`/orgs/${org.id}`}>{org.name}</Link>}
            description={
              <>
                {[kindLabel(org.kind), org.parentName].filter(Boolean).join(' · ')}
                {org.status !== 'active' && (
                  <>
                    {' '}
                    <OrgStatusTag status={org.status} />
                  </>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

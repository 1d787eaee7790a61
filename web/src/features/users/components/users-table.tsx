import type { UserView } from '@contracts/users.ts';
import { Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import type { UserPage } from '../api.ts';
import { GrantTags } from './grant-tags.tsx';

function StatusTags({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      {user.isActive ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
      {user.isLocked && <Tag color="red">{t('users.locked')}</Tag>}
    </Space>
  );
}

function useColumns(onEdit: (id: number) => void): TableColumnsType<UserView> {
  const { t } = useTranslation();
  return [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'fullName', title: t('users.fullName'), dataIndex: 'fullName' },
    { key: 'grants', title: t('users.grants'), render: (_v, u) => <GrantTags grants={u.grants} /> },
    { key: 'status', title: t('users.status'), render: (_v, u) => <StatusTags user={u} /> },
    { key: 'lastLogin', title: t('users.lastLogin'), render: (_v, u) => formatDateTime(u.lastLoginAt) },
    {
      key: 'actions',
      title: '',
      render: (_v, u) => (
        <Button
          size="small"
          onClick={() => onEdit(u.id)}
          aria-label={t('users.editNamed', { name: u.username })}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}

type Props = {
  data: UserPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onEdit: (id: number) => void;
  isSearching: boolean;
};

export function UsersTable({ data, loading, page, pageSize, onPage, onEdit, isSearching }: Props) {
  const { t } = useTranslation();
  const columns = useColumns(onEdit);
  return (
    <Table<UserView>
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      columns={columns}
      locale={{ emptyText: <EmptyState text={isSearching ? t('users.emptySearch') : t('users.empty')} /> }}
      pagination={serverPager(page, pageSize, data?.total ?? 0, onPage)}
      onRow={(u) => ({ onDoubleClick: () => onEdit(u.id) })}
    />
  );
}

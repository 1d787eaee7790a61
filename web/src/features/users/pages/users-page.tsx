import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useUsers } from '../api.ts';
import { CreateUserDrawer } from '../components/create-user-drawer.tsx';
import { EditUserDrawer } from '../components/edit-user-drawer.tsx';
import { UsersTable } from '../components/users-table.tsx';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<number | undefined>();
  const q = useDebouncedValue(text.trim(), 300);
  const users = useUsers({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const title = (
    <Typography.Title level={4} style={{ margin: 0 }}>
      {t('users.title')}
    </Typography.Title>
  );
  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('users.create')}
    </Button>
  );
  return (
    <Card title={title} extra={createButton}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPage(1);
        }}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <UsersTable
        data={users.data}
        loading={users.isFetching}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        onEdit={setEditingId}
        isSearching={q !== ''}
      />
      {creating && <CreateUserDrawer onClose={() => setCreating(false)} />}
      {editingId !== undefined && (
        <EditUserDrawer userId={editingId} onClose={() => setEditingId(undefined)} />
      )}
    </Card>
  );
}

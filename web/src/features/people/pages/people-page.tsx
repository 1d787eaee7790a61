import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../app/api-client.ts';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { ListCard } from '../../../app/components/list-card.tsx';
import { SearchBox } from '../../../app/components/list-filters.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { type Person, usePeople } from '../api.ts';
import { DuplicatesTab } from '../components/duplicates-tab.tsx';
import { PersonFormModal } from '../components/person-form-modal.tsx';

function useColumns(onEdit: (p: Person) => void): TableColumnsType<Person> {
  const { t } = useTranslation();
  return [
    {
      key: 'name',
      title: t('people.fields.fullName'),
      render: (_v, p) =>
        p.can.manage ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => onEdit(p)}>
            {p.fullName}
          </Button>
        ) : (
          p.fullName
        ),
    },
    {
      key: 'birth',
      title: t('people.fields.birthDate'),
      width: 120,
      render: (_v, p) => formatDate(p.birthDate),
    },
    {
      key: 'sex',
      title: t('people.fields.sex'),
      width: 80,
      render: (_v, p) => (p.sex ? t(`people.sex.${p.sex}`) : ''),
    },
    {
      key: 'cccd',
      title: t('people.fields.cccd'),
      width: 150,
      render: (_v, p) => <span className="mono">{p.cccd}</span>,
    },
    { key: 'phone', title: t('people.fields.phone'), width: 130, dataIndex: 'phone' },
    {
      key: 'employer',
      title: t('people.fields.employer'),
      render: (_v, p) => p.employerName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'keeper',
      title: t('people.fields.keeper'),
      responsive: ['lg'],
      render: (_v, p) => (
        <Space size={4} wrap>
          {p.orgName}
          {p.status === 'merged' && <Tag>{t('people.merged')}</Tag>}
        </Space>
      ),
    },
  ];
}

function PeopleList({ onEdit, onCreate }: { onEdit: (p: Person) => void; onCreate: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(text.trim(), 300);
  const people = usePeople({ q: q || undefined, page, pageSize: 50 });
  const columns = useColumns(onEdit);
  const total = people.data?.total ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <SearchBox
          value={text}
          onChange={(v) => {
            setText(v);
            setPage(1);
          }}
          placeholder={t('people.searchPlaceholder')}
          label={t('people.searchLabel')}
          width={420}
        />
        {people.data && (
          <Typography.Text type="secondary">{t('people.count', { count: total })}</Typography.Text>
        )}
      </Space>
      {people.error && <QueryError error={people.error} onRetry={() => people.refetch()} />}
      <Table<Person>
        size="middle"
        rowKey="id"
        loading={people.isFetching}
        dataSource={people.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={total > 50 ? serverPager(page, 50, total, setPage) : false}
        locale={{
          emptyText: (
            <EmptyState
              text={q ? t('people.emptySearch') : t('people.empty')}
              action={
                !q &&
                people.data && (
                  <Button type="primary" onClick={onCreate}>
                    {t('people.create')}
                  </Button>
                )
              }
            />
          ),
        }}
      />
    </Space>
  );
}

/** /people — the one person registry (learners, trainers…): search, register, edit, duplicates and merge. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'duplicates' ? 'duplicates' : 'list';
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const defaultOrgId = me.grants[0]?.orgId;
  const onDuplicate = (existingId: number) => {
    setEditing(null);
    modal.confirm({
      title: t('people.duplicateTitle'),
      content: t('people.duplicateText'),
      okText: t('people.openExisting'),
      cancelText: t('common.cancel'),
      onOk: async () => setEditing(await api.get<Person>(`/people/${existingId}`)),
    });
  };
  return (
    <ListCard
      title={t('people.title')}
      intro={t('people.intro')}
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('people.create')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'list' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'list',
            label: t('people.tabs.list'),
            children: <PeopleList onEdit={setEditing} onCreate={() => setEditing('new')} />,
          },
          { key: 'duplicates', label: t('people.tabs.duplicates'), children: <DuplicatesTab /> },
        ]}
      />
      {editing && (
        <PersonFormModal
          person={editing === 'new' ? undefined : editing}
          defaultOrgId={defaultOrgId}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
          onDuplicate={onDuplicate}
        />
      )}
    </ListCard>
  );
}

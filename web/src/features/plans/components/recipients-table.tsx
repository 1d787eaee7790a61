import type { PlanView } from '@contracts/plans.ts';
import { Button, Input, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { type Recipient, useRecipients } from '../api/recipients.ts';

type Role = 'all' | 'reporter' | 'copy';

type Props = {
  plan: Pick<PlanView, 'id' | 'recipientCounts'>;
  /** In a draft's form: the recipients marked to be removed when it is saved (a form field's value). */
  value?: number[];
  onChange?: (ids: number[]) => void;
  removable?: boolean;
};

/**
 * A plan's recipients a page at a time, searchable without diacritics and by role: a national plan is sent
 * to thousands of units, so the server pages and the table only shows the page it asked for.
 */
export function RecipientsTable({ plan, value = [], onChange, removable = false }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('all');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useDebouncedValue(text.trim(), 300);
  const list = useRecipients(plan.id, {
    role: role === 'all' ? undefined : role,
    q: q || undefined,
    page,
    pageSize,
  });
  const { reporters, copies } = plan.recipientCounts;
  const toggle = (orgId: number) =>
    onChange?.(value.includes(orgId) ? value.filter((id) => id !== orgId) : [...value, orgId]);
  const columns: TableColumnsType<Recipient> = [
    {
      key: 'unit',
      title: t('plans.columns.unit'),
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text delete={value.includes(r.orgId)}>{r.orgName}</Typography.Text>
          {r.parentName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.parentName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'role',
      title: t('plans.fields.recipientsRole'),
      width: 200,
      render: (_v, r) => (
        <Space size={4} wrap>
          <Tag color={r.role === 'reporter' ? 'blue' : 'default'}>{t(`plans.fields.roles.${r.role}`)}</Tag>
          {r.addedOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plans.fields.addedOn', { date: formatDate(r.addedOn) })}
            </Typography.Text>
          )}
          {value.includes(r.orgId) && <Tag color="red">{t('plans.fields.willRemove')}</Tag>}
        </Space>
      ),
    },
    ...(removable
      ? [
          {
            key: 'remove',
            width: 110,
            render: (_v: unknown, r: Recipient) => {
              const label = value.includes(r.orgId)
                ? t('plans.fields.keepRecipient')
                : t('plans.fields.removeRecipient');
              return (
                <Button size="small" aria-label={`${label} ${r.orgName}`} onClick={() => toggle(r.orgId)}>
                  {label}
                </Button>
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<Role>
          value={role}
          aria-label={t('plans.fields.recipientsRole')}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('plans.fields.allRoles', { count: reporters + copies }) },
            { value: 'reporter', label: t('plans.fields.roleReporters', { count: reporters }) },
            { value: 'copy', label: t('plans.fields.roleCopies', { count: copies }) },
          ]}
        />
        <Input.Search
          allowClear
          value={text}
          style={{ width: 320 }}
          aria-label={t('plans.fields.searchRecipients')}
          placeholder={t('plans.fields.searchRecipients')}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
        />
      </Space>
      <Table<Recipient>
        size="small"
        rowKey="orgId"
        columns={columns}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <EmptyState
              text={q || role !== 'all' ? t('plans.fields.recipientsEmpty') : t('plans.fields.noRecipients')}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          hideOnSinglePage: (list.data?.total ?? 0) <= 20,
          showTotal: (total, [from, to]) => t('plans.fields.recipientsTotal', { from, to, total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      {removable && value.length > 0 && (
        <Typography.Text type="warning">
          {t('plans.fields.removing', { count: value.length })}
        </Typography.Text>
      )}
    </Space>
  );
}

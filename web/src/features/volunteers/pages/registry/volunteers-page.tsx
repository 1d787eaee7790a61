import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { volunteerGroups, volunteerStatuses } from '@contracts/volunteers/common.ts';
import { Button, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../../app/components/empty-state.tsx';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../../app/components/list-filters.tsx';
import { serverPager } from '../../../../app/components/list-table.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { useDebouncedValue } from '../../../../app/hooks/use-debounced-value.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { useVolunteers, type Volunteer, volunteerFiles } from '../../components/registry/registry-api.ts';
import { VolunteerFormModal } from '../../components/registry/volunteer-form-modal.tsx';
import { StatusTag, useSkillLabel, useSkillOptions } from '../../components/registry/volunteer-labels.tsx';

const PAGE = 50;

function useColumns(): TableColumnsType<Volunteer> {
  const { t } = useTranslation();
  const skill = useSkillLabel();
  return [
    {
      key: 'name',
      title: t('volunteers.fields.fullName'),
      render: (_v, v) => <Link to={`/volunteers/${v.id}`}>{v.fullName}</Link>,
    },
    {
      key: 'birth',
      title: t('volunteers.fields.birthDate'),
      width: 110,
      responsive: ['sm'],
      render: (_v, v) => formatDate(v.birthDate),
    },
    { key: 'phone', title: t('volunteers.fields.phone'), width: 120, dataIndex: 'phone', responsive: ['md'] },
    {
      key: 'group',
      title: t('volunteers.fields.group'),
      width: 140,
      render: (_v, v) => [t(`volunteers.groups.${v.group}`), v.faculty].filter(Boolean).join(' · '),
    },
    {
      key: 'skills',
      title: t('volunteers.fields.skills'),
      responsive: ['lg'],
      render: (_v, v) => v.skills.map(skill).join(', '),
    },
    { key: 'org', title: t('volunteers.fields.org'), dataIndex: 'orgName', responsive: ['lg'] },
    {
      key: 'status',
      title: t('volunteers.fields.status'),
      width: 150,
      render: (_v, v) => (
        <Space size={4} wrap>
          <StatusTag status={v.status} />
          <Typography.Text type="secondary">{formatDate(v.statusSince)}</Typography.Text>
        </Space>
      ),
    },
  ];
}

/** /volunteers — an institution's volunteers (or every institution's, from above): search, filters, add, import, export. */
export function VolunteersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [orgId, setOrgId] = useState<number>();
  const [status, setStatus] = useState<string>();
  const [group, setGroup] = useState<string>();
  const [skill, setSkill] = useState<string>();
  const [adding, setAdding] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  const filters = { q: q || undefined, orgId, status, group, skill };
  const list = useVolunteers({ ...filters, page, pageSize: PAGE });
  const columns = useColumns();
  const skills = useSkillOptions();
  const total = list.data?.total ?? 0;
  const canManage = list.data?.can.manage ?? false;
  const filtered = Boolean(q || orgId || status || group || skill);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <ListCard
      title={t('volunteers.registry.title')}
      intro={t('volunteers.registry.intro')}
      leadingActions={
        <Button icon={<DownloadOutlined />} href={volunteerFiles.export(filters)}>
          {t('volunteers.registry.export')}
        </Button>
      }
      actions={
        canManage && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/volunteers/import')}>
              {t('volunteers.registry.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('volunteers.registry.add')}
            </Button>
          </Space>
        )
      }
    >
      <ListFilters>
        <SearchBox
          value={text}
          onChange={reset(setText)}
          placeholder={t('volunteers.registry.searchPlaceholder')}
          label={t('volunteers.registry.searchLabel')}
          width={340}
        />
        <OrgPicker
          value={orgId}
          onChange={reset(setOrgId)}
          placeholder={t('volunteers.registry.allOrgs')}
          style={{ width: 260, maxWidth: '100%' }}
        />
        <Select
          allowClear
          value={status}
          onChange={reset(setStatus)}
          placeholder={t('volunteers.registry.allStatuses')}
          aria-label={t('volunteers.fields.status')}
          style={{ width: 170 }}
          options={volunteerStatuses.map((s) => ({ value: s, label: t(`volunteers.statuses.${s}`) }))}
        />
        <Select
          allowClear
          value={group}
          onChange={reset(setGroup)}
          placeholder={t('volunteers.registry.allGroups')}
          aria-label={t('volunteers.fields.group')}
          style={{ width: 150 }}
          options={volunteerGroups.map((g) => ({ value: g, label: t(`volunteers.groups.${g}`) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={skill}
          onChange={reset(setSkill)}
          placeholder={t('volunteers.registry.allSkills')}
          aria-label={t('volunteers.fields.skills')}
          style={{ width: 200 }}
          options={skills}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t('volunteers.registry.count', { count: total })}
          </Typography.Text>
        )}
      </ListFilters>
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Volunteer>
        size="middle"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={total > PAGE ? serverPager(page, PAGE, total, setPage) : false}
        locale={{
          emptyText: (
            <EmptyState
              text={filtered ? t('volunteers.registry.emptySearch') : t('volunteers.registry.empty')}
              action={
                !filtered &&
                canManage && (
                  <Space wrap>
                    <Button type="primary" onClick={() => setAdding(true)}>
                      {t('volunteers.registry.add')}
                    </Button>
                    <Button onClick={() => navigate('/volunteers/import')}>
                      {t('volunteers.registry.import')}
                    </Button>
                  </Space>
                )
              }
            />
          ),
        }}
      />
      {adding && (
        <VolunteerFormModal
          onClose={() => setAdding(false)}
          onSaved={(v) => {
            setAdding(false);
            navigate(`/volunteers/${v.id}`);
          }}
        />
      )}
    </ListCard>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { aboGroups, rhFactors } from '@contracts/blood/common.ts';
import { Button, Checkbox, Grid, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
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
import { DonorFormModal } from '../../components/donors/donor-form-modal.tsx';
import { EligibilityTag, GroupTag } from '../../components/donors/donor-labels.tsx';
import { type Donor, useDonors } from '../../components/donors/donors-api.ts';

const PAGE = 50;

function useColumns(showGroup: boolean): TableColumnsType<Donor> {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().sm;
  return [
    {
      key: 'name',
      title: t('bloodDonors.fields.fullName'),
      render: (_v, d) => (
        <Space direction="vertical" size={0}>
          <Link to={`/blood/donors/${d.id}`}>{d.fullName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.donorNo}
          </Typography.Text>
          {phone && <EligibilityTag donor={d} />}
        </Space>
      ),
    },
    {
      key: 'birth',
      title: t('bloodDonors.fields.birthDate'),
      width: 110,
      responsive: ['sm'],
      render: (_v, d) => formatDate(d.birthDate),
    },
    ...(showGroup
      ? [
          {
            key: 'group',
            title: t('bloodDonors.fields.group'),
            width: 110,
            render: (_v: unknown, d: Donor) => <GroupTag donor={d} />,
          },
        ]
      : []),
    {
      key: 'phone',
      title: t('bloodDonors.fields.phone'),
      dataIndex: 'phone',
      width: 120,
      responsive: ['md'],
    },
    { key: 'member', title: t('bloodDonors.fields.memberOf'), dataIndex: 'memberOfName', responsive: ['lg'] },
    {
      key: 'count',
      title: t('bloodDonors.fields.donations'),
      width: 90,
      align: 'right',
      responsive: ['md'],
      dataIndex: 'donationCount',
    },
    {
      key: 'next',
      title: t('bloodDonors.fields.next'),
      width: 170,
      responsive: ['sm'],
      render: (_v, d) => <EligibilityTag donor={d} />,
    },
  ];
}

/** /blood/donors — the donors an organisation keeps: search, filters (group only with health rights), add, print. */
export function DonorsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [abo, setAbo] = useState<string>();
  const [rh, setRh] = useState<string>();
  const [rare, setRare] = useState(false);
  const [eligibleToday, setEligible] = useState<'true' | 'false'>();
  const [memberOfOrgId, setMemberOf] = useState<number>();
  const [adding, setAdding] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  const list = useDonors({
    q: q || undefined,
    abo,
    rh,
    rare: rare ? 'true' : undefined,
    eligibleToday,
    memberOfOrgId,
    page,
    pageSize: PAGE,
  });
  const canHealth = list.data?.can.health ?? false;
  const canCreate = list.data?.can.create ?? false;
  const columns = useColumns(canHealth);
  const total = list.data?.total ?? 0;
  const filtered = Boolean(q || abo || rh || rare || eligibleToday || memberOfOrgId);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <ListCard
      title={t('bloodDonors.list.title')}
      intro={t('bloodDonors.list.intro')}
      actions={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('bloodDonors.list.add')}
          </Button>
        )
      }
    >
      <ListFilters>
        <SearchBox
          value={text}
          onChange={reset(setText)}
          placeholder={t('bloodDonors.list.searchPlaceholder')}
          label={t('bloodDonors.list.searchLabel')}
          width={320}
        />
        {canHealth && (
          <>
            <Select
              allowClear
              value={abo}
              onChange={reset(setAbo)}
              placeholder={t('bloodDonors.list.allGroups')}
              aria-label={t('bloodDonors.fields.abo')}
              style={{ width: 140 }}
              options={aboGroups.map((g) => ({ value: g, label: g }))}
            />
            <Select
              allowClear
              value={rh}
              onChange={reset(setRh)}
              placeholder={t('bloodDonors.list.allRh')}
              aria-label={t('bloodDonors.fields.rh')}
              style={{ width: 140 }}
              options={rhFactors.map((r) => ({ value: r, label: t(`bloodDonors.rh.${r}`) }))}
            />
            <Checkbox checked={rare} onChange={(e) => reset(setRare)(e.target.checked)}>
              {t('bloodDonors.list.rareOnly')}
            </Checkbox>
          </>
        )}
        <Select
          allowClear
          value={eligibleToday}
          onChange={reset(setEligible)}
          placeholder={t('bloodDonors.list.eligibility')}
          aria-label={t('bloodDonors.list.eligibility')}
          style={{ width: 180 }}
          options={[
            { value: 'true', label: t('bloodDonors.list.eligibleNow') },
            { value: 'false', label: t('bloodDonors.list.notEligibleNow') },
          ]}
        />
        <OrgPicker
          value={memberOfOrgId}
          onChange={reset(setMemberOf)}
          placeholder={t('bloodDonors.list.memberOf')}
          style={{ width: 240, maxWidth: '100%' }}
        />
        {list.data && (
          <Typography.Text type="secondary">{t('bloodDonors.list.count', { count: total })}</Typography.Text>
        )}
      </ListFilters>
      {list.data && !canHealth && total > 0 && (
        <Typography.Paragraph type="secondary" className="no-print">
          {t('bloodDonors.list.healthHidden')}
        </Typography.Paragraph>
      )}
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Donor>
        size="middle"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={total > PAGE ? serverPager(page, PAGE, total, setPage) : false}
        locale={{
          emptyText: (
            <EmptyState
              text={filtered ? t('bloodDonors.list.emptySearch') : t('bloodDonors.list.empty')}
              action={
                !filtered &&
                canCreate && (
                  <Button type="primary" onClick={() => setAdding(true)}>
                    {t('bloodDonors.list.add')}
                  </Button>
                )
              }
            />
          ),
        }}
      />
      {adding && (
        <DonorFormModal
          canHealth={canHealth}
          onClose={() => setAdding(false)}
          onSaved={(d) => {
            setAdding(false);
            navigate(`/blood/donors/${d.id}`);
          }}
        />
      )}
    </ListCard>
  );
}

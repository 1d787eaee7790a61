import { SearchOutlined } from '@ant-design/icons';
import type { AdminUnitView } from '@contracts/admin-units.ts';
import { Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { labelIn } from '../../../app/i18n/keys.ts';
import { useAdminUnits, useProvinces } from '../api.ts';

const PAGE_SIZE = 50;

export function CommunesTable({
  provinceCode,
  onClearProvince,
}: {
  provinceCode?: string;
  onClearProvince: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  // A new filter starts again at page 1.
  const filterKey = `${provinceCode ?? ''}|${q}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const setPage = (p: number) => setPaging({ key: filterKey, page: p });
  const communes = useAdminUnits({
    level: 'commune',
    provinceCode,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const province = useProvinces().data?.find((p) => p.code === provinceCode);
  const total = communes.data?.total ?? 0;
  const empty = q || provinceCode ? t('adminUnits.emptySearch') : t('adminUnits.emptyCommunes');
  return (
    <Card
      title={t('adminUnits.communes', { count: total })}
      extra={
        province && (
          <Tag closable onClose={onClearProvince} color="red">
            {province.name}
          </Tag>
        )
      }
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('adminUnits.searchPlaceholder')}
        aria-label={t('adminUnits.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <Table<AdminUnitView>
        size="small"
        rowKey="code"
        loading={communes.isFetching}
        dataSource={communes.data?.items ?? []}
        locale={{ emptyText: <EmptyState text={empty} /> }}
        pagination={serverPager(page, PAGE_SIZE, total, setPage)}
        columns={[
          { key: 'code', title: t('adminUnits.code'), dataIndex: 'code', width: 80 },
          { key: 'name', title: t('adminUnits.name'), dataIndex: 'name' },
          {
            key: 'kind',
            title: t('adminUnits.kind'),
            width: 120,
            render: (_v, u) => labelIn(t, 'adminUnits.kinds', u.kind),
          },
          { key: 'province', title: t('adminUnits.province'), dataIndex: 'provinceName' },
        ]}
      />
    </Card>
  );
}

import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { type ProvinceView, useProvinces } from '../api.ts';

type Props = { selected: string | undefined; onSelect: (code: string | undefined) => void };

/** 34 provinces since 1/7/2025; clicking one filters the communes table. */
export function ProvincesTable({ selected, onSelect }: Props) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  return (
    <Card
      title={t('adminUnits.provinces', { count: provinces.data?.length ?? 0 })}
      styles={{ body: { padding: 0 } }}
    >
      <Table<ProvinceView>
        size="small"
        rowKey="code"
        loading={provinces.isPending}
        dataSource={provinces.data ?? []}
        pagination={false}
        scroll={{ y: 560 }}
        locale={{ emptyText: <EmptyState text={t('adminUnits.emptyProvinces')} /> }}
        rowClassName={(p) => (p.code === selected ? 'ant-table-row-selected' : '')}
        onRow={(p) => ({
          onClick: () => onSelect(p.code === selected ? undefined : p.code),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { key: 'code', title: t('adminUnits.code'), dataIndex: 'code', width: 64 },
          { key: 'name', title: t('adminUnits.name'), dataIndex: 'name' },
          {
            key: 'communes',
            title: t('adminUnits.communeCount'),
            dataIndex: 'communeCount',
            align: 'right',
            width: 96,
          },
        ]}
      />
    </Card>
  );
}

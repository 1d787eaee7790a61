import type { OrgContact, OrgDetail } from '@contracts/orgs.ts';
import { Descriptions, type DescriptionsProps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useKindLabel } from './org-labels.tsx';

function orEmpty(value: string | null | undefined, empty: string) {
  return value ? value : <Typography.Text type="secondary">{empty}</Typography.Text>;
}

export function OrgInfo({ org }: { org: OrgDetail }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const none = t('common.none');
  const adminUnit = org.adminUnitName ? `${org.adminUnitName} (${org.adminUnitCode})` : org.adminUnitCode;
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('orgs.fields.kind'), children: kindLabel(org.kind) },
    { key: 'code', label: t('orgs.fields.code'), children: orEmpty(org.code, none) },
    { key: 'shortName', label: t('orgs.fields.shortName'), children: orEmpty(org.shortName, none) },
    { key: 'adminUnit', label: t('orgs.fields.adminUnit'), children: orEmpty(adminUnit, none) },
    { key: 'address', label: t('orgs.fields.address'), children: orEmpty(org.address, none), span: 2 },
    { key: 'phone', label: t('orgs.fields.phone'), children: orEmpty(org.phone, none) },
    { key: 'email', label: t('orgs.fields.email'), children: orEmpty(org.email, none) },
    {
      key: 'established',
      label: t('orgs.fields.establishedOn'),
      children: orEmpty(formatDate(org.establishedOn), none),
    },
    { key: 'closed', label: t('orgs.fields.closedOn'), children: orEmpty(formatDate(org.closedOn), none) },
    {
      key: 'size',
      label: t('orgs.fields.size'),
      children: t('orgs.sizeText', { children: org.childCount, descendants: org.descendantCount }),
      span: 2,
    },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('orgs.contacts.title')}
      </Typography.Title>
      <Table<OrgContact>
        size="small"
        rowKey={(c) => `${c.name}-${c.phone ?? ''}-${c.email ?? ''}`}
        dataSource={org.contacts}
        pagination={false}
        locale={{
          emptyText: (
            <EmptyState text={t(org.can.manage ? 'orgs.contacts.emptyCanEdit' : 'orgs.contacts.empty')} />
          ),
        }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('orgs.contacts.name') },
          { key: 'title', dataIndex: 'title', title: t('orgs.contacts.role') },
          { key: 'phone', dataIndex: 'phone', title: t('orgs.fields.phone') },
          { key: 'email', dataIndex: 'email', title: t('orgs.fields.email') },
        ]}
      />
    </>
  );
}

import { PrinterOutlined } from '@ant-design/icons';
import type { OrgDetail, OrgSummary } from '@contracts/orgs.ts';
import { Button, Space, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, todayIso } from '../../../app/dates.ts';
import { useOrgChildren } from '../api.ts';
import { OrgStatusTag, useKindLabel } from './org-labels.tsx';

function useColumns(): TableColumnsType<OrgSummary> {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  return [
    { key: 'index', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
    {
      key: 'name',
      title: t('orgs.fields.name'),
      render: (_v, o) => <Link to={`/orgs/${o.id}`}>{o.name}</Link>,
    },
    { key: 'kind', title: t('orgs.fields.kind'), render: (_v, o) => kindLabel(o.kind) },
    { key: 'code', title: t('orgs.fields.code'), dataIndex: 'code' },
    { key: 'adminUnit', title: t('orgs.fields.adminUnit'), dataIndex: 'adminUnitName' },
    { key: 'count', title: t('orgs.children.units'), dataIndex: 'descendantCount', align: 'right' },
    { key: 'status', title: t('orgs.fields.status'), render: (_v, o) => <OrgStatusTag status={o.status} /> },
  ];
}

/** What goes on paper above the list (hidden on screen). */
function PrintHeader({ org }: { org: OrgDetail }) {
  const { t } = useTranslation();
  return (
    <div className="print-only">
      <Typography.Title level={4}>{t('orgs.children.printTitle', { name: org.name })}</Typography.Title>
      <Typography.Text type="secondary">
        {t('orgs.children.printedOn', { date: formatDate(todayIso()) })}
      </Typography.Text>
    </div>
  );
}

/** Direct sub-organisations; printable (only this list goes to paper). */
export function OrgChildrenTable({ org }: { org: OrgDetail }) {
  const { t } = useTranslation();
  const columns = useColumns();
  const [showClosed, setShowClosed] = useState(false);
  const children = useOrgChildren(org.id, showClosed ? 'all' : 'active');
  const empty =
    org.can.manage && org.status === 'active' ? t('orgs.children.emptyCanAdd') : t('orgs.children.empty');
  return (
    <div className="print-area">
      <Space
        className="no-print"
        style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}
      >
        <Space>
          <Switch
            size="small"
            checked={showClosed}
            onChange={setShowClosed}
            aria-label={t('orgs.showClosed')}
          />
          <Typography.Text type="secondary">{t('orgs.showClosed')}</Typography.Text>
        </Space>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
      </Space>
      <PrintHeader org={org} />
      <Table<OrgSummary>
        size="small"
        rowKey="id"
        loading={children.isPending}
        dataSource={children.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <EmptyState text={empty} /> }}
      />
    </div>
  );
}

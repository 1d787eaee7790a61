import type { OrgDetail } from '@contracts/orgs.ts';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/errors.ts';
import { rootsQuery } from '../api.ts';
import { OrgActions } from './org-actions.tsx';
import { OrgChildrenTable } from './org-children-table.tsx';
import { OrgHistory } from './org-history.tsx';
import { OrgInfo } from './org-info.tsx';
import { MergedInto, OrgStatusTag } from './org-labels.tsx';

/** Ancestors above the user's own top organisations are shown as text: they cannot be opened. */
function OrgBreadcrumb({ org }: { org: OrgDetail }) {
  const roots = useQuery(rootsQuery());
  const rootIds = new Set((roots.data ?? []).map((r) => r.id));
  const firstVisible = org.ancestors.findIndex((a) => rootIds.has(a.id));
  const items = [
    ...org.ancestors.map((a, i) => ({
      key: a.id,
      title: firstVisible >= 0 && i >= firstVisible ? <Link to={`/orgs/${a.id}`}>{a.name}</Link> : a.name,
    })),
    { key: org.id, title: org.name },
  ];
  return <Breadcrumb items={items} />;
}

export function OrgDetailPanel({ query }: { query: UseQueryResult<OrgDetail> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('info');
  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (query.error) return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  const org = query.data;
  const tabs = [
    { key: 'info', label: t('orgs.tabs.info'), children: <OrgInfo org={org} /> },
    {
      key: 'children',
      label: t('orgs.tabs.children', { count: org.childCount }),
      children: <OrgChildrenTable org={org} />,
    },
    {
      key: 'history',
      label: t('orgs.tabs.history'),
      children: <OrgHistory orgId={org.id} enabled={tab === 'history'} />,
    },
  ];
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div className="no-print">
          <OrgBreadcrumb org={org} />
        </div>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <Space orientation="vertical" size={4}>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 24 }}>
              {org.name}
            </Typography.Title>
            <Space wrap>
              <OrgStatusTag status={org.status} />
              {org.status === 'merged' && <MergedInto id={org.mergedIntoId} name={org.mergedIntoName} />}
            </Space>
          </Space>
          {org.can.manage && <OrgActions org={org} />}
        </Space>
        <Tabs activeKey={tab} onChange={setTab} items={tabs} />
      </Space>
    </Card>
  );
}

import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FormOutlined,
  HeartOutlined,
  IdcardOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { useRoleName } from '../../users/api.ts';
import { useLastBackup } from '../api.ts';
import { HomeBlocks } from '../components/home-blocks.tsx';

type QuickLink = { to: string; icon: ReactNode; label: string; text: string };

function useQuickLinks(): QuickLink[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const links: (QuickLink & { permission?: string })[] = [
    { to: '/orgs', icon: <ApartmentOutlined />, label: t('nav.orgs'), text: t('home.links.orgs') },
    { to: '/plans', icon: <FileTextOutlined />, label: t('nav.plans'), text: t('home.links.plans') },
    { to: '/reports', icon: <FormOutlined />, label: t('nav.reports'), text: t('home.links.reports') },
    {
      to: '/training/classes',
      icon: <BookOutlined />,
      label: t('nav.training'),
      text: t('home.links.training'),
    },
    {
      to: '/people',
      icon: <IdcardOutlined />,
      label: t('nav.people'),
      text: t('home.links.people'),
      permission: 'person.manage',
    },
    {
      to: '/admin/users',
      icon: <UserOutlined />,
      label: t('nav.users'),
      text: t('home.links.users'),
      permission: 'user.manage',
    },
    {
      to: '/admin/admin-units',
      icon: <EnvironmentOutlined />,
      label: t('nav.adminUnits'),
      text: t('home.links.adminUnits'),
      permission: 'admin_unit.manage',
    },
    {
      to: '/admin/audit',
      icon: <AuditOutlined />,
      label: t('nav.audit'),
      text: t('home.links.audit'),
      permission: 'audit.read',
    },
  ];
  // An account without any grant (a volunteer's) has no staff page to go to: only its own pages.
  const staff = me.isSystemAdmin || me.grants.length > 0;
  const own: QuickLink[] =
    me.user.personId !== null
      ? [
          {
            to: '/me/volunteering',
            icon: <HeartOutlined />,
            label: t('volunteers.nav.mine'),
            text: t('home.links.mine'),
          },
          {
            to: '/me/blood',
            icon: <HeartOutlined />,
            label: t('bloodDonors.nav.mine'),
            text: t('home.links.myBlood'),
          },
        ]
      : [];
  return [...own, ...(staff ? links.filter((l) => !l.permission || hasPermission(me, l.permission)) : [])];
}

function LastBackup() {
  const { t } = useTranslation();
  const { data } = useLastBackup(true);
  if (!data) return null;
  return (
    <Typography.Paragraph type={data.lastBackup ? 'secondary' : 'warning'} data-testid="last-backup">
      {data.lastBackup
        ? t('home.lastBackup', { date: formatDateTime(data.lastBackup.madeAt) })
        : t('home.noBackup')}
    </Typography.Paragraph>
  );
}

function GrantsCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const roleName = useRoleName();
  const empty = me.isSystemAdmin
    ? t('home.noGrantsAdmin')
    : me.user.personId !== null
      ? t('home.noGrantsPerson')
      : t('home.noGrants');
  return (
    <Card title={t('home.yourOrgs')}>
      {me.isSystemAdmin && (
        <Tag color="red" style={{ marginBottom: 12 }}>
          {t('home.systemAdmin')}
        </Tag>
      )}
      {me.isSystemAdmin && <LastBackup />}
      <List
        dataSource={me.grants}
        locale={{ emptyText: <EmptyState text={empty} /> }}
        renderItem={(g) => (
          <List.Item>
            <List.Item.Meta
              avatar={<ApartmentOutlined />}
              title={<Link to={`/orgs/${g.orgId}`}>{g.orgName}</Link>}
              description={roleName(g.role, g.roleName)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function QuickLinksCard() {
  const { t } = useTranslation();
  const links = useQuickLinks();
  return (
    <Card title={t('home.quickLinks')}>
      <List
        dataSource={links}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta avatar={l.icon} title={<Link to={l.to}>{l.label}</Link>} description={l.text} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Tổng quan: what I must act on (by role), where I work, where to go next. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('home.greeting', { name: me.user.fullName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <HomeBlocks />
        </Col>
        <Col xs={24} lg={12}>
          <GrantsCard />
        </Col>
        <Col xs={24} lg={12}>
          <QuickLinksCard />
        </Col>
      </Row>
    </Space>
  );
}

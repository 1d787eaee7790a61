import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, useCurrentUser } from '../../features/auth/api.ts';

type MenuItem = Required<MenuProps>['items'][number];

const comingSoon: { key: string; icon: ReactNode }[] = [
  { key: 'blood', icon: <HeartOutlined /> },
  { key: 'volunteers', icon: <TeamOutlined /> },
  { key: 'firstAid', icon: <MedicineBoxOutlined /> },
  { key: 'osh', icon: <SafetyOutlined /> },
];

/** Tập huấn & chứng nhận: what every signed-in user sees (scoped lists), and the provider's own pages. */
const trainingEntries = [
  { key: '/training/classes', label: 'training.nav.classes' },
  { key: '/training/requests', label: 'training.nav.requests' },
  { key: '/training/certificates', label: 'training.nav.certificates' },
  { key: '/training/compliance', label: 'training.nav.compliance' },
  { key: '/training/reach', label: 'training.nav.reach', permission: 'training.manage' },
  { key: '/training/courses', label: 'training.nav.courses' },
  { key: '/training/trainers', label: 'training.nav.trainers', permission: 'training.manage' },
];

const adminEntries = [
  { key: '/admin/users', permission: 'user.manage', label: 'nav.users', icon: <UserOutlined /> },
  {
    key: '/admin/admin-units',
    permission: 'admin_unit.manage',
    label: 'nav.adminUnits',
    icon: <EnvironmentOutlined />,
  },
  { key: '/admin/audit', permission: 'audit.read', label: 'nav.audit', icon: <AuditOutlined /> },
];

function useMenuItems(): MenuItem[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const soon = <Tag className="menu-soon-tag">{t('nav.comingSoon')}</Tag>;
  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    { key: '/orgs', icon: <ApartmentOutlined />, label: t('nav.orgs') },
    { key: '/plans', icon: <FileTextOutlined />, label: t('nav.plans') },
    { key: '/reports', icon: <FormOutlined />, label: t('nav.reports') },
    {
      key: 'training',
      icon: <BookOutlined />,
      label: t('nav.training'),
      children: trainingEntries
        .filter((e) => !e.permission || hasPermission(me, e.permission))
        .map((e) => ({ key: e.key, label: t(e.label) })),
    },
    ...(hasPermission(me, 'person.manage')
      ? [{ key: '/people', icon: <IdcardOutlined />, label: t('nav.people') }]
      : []),
    ...comingSoon.map((m) => ({
      key: m.key,
      icon: m.icon,
      disabled: true,
      className: 'menu-soon',
      label: (
        <span>
          {t(`nav.${m.key}`)} {soon}
        </span>
      ),
    })),
  ];
  const admin = adminEntries.filter((e) => hasPermission(me, e.permission));
  if (admin.length > 0) {
    items.push({
      type: 'group',
      key: 'admin',
      label: t('nav.admin'),
      children: admin.map((e) => ({ key: e.key, icon: e.icon, label: t(e.label) })),
    });
  }
  return items;
}

export function SideMenu() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMenuItems();
  const nested = pathname.startsWith('/admin') || pathname.startsWith('/training');
  const selected =
    pathname === '/'
      ? '/'
      : `/${pathname
          .split('/')
          .slice(1, nested ? 3 : 2)
          .join('/')}`;
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={pathname.startsWith('/training') ? ['training'] : []}
      items={items}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

import { HeartOutlined, MedicineBoxOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, useCurrentUser } from '../../features/auth/api.ts';
import type { MenuEntry, MenuLink } from '../feature.tsx';
import { features } from '../features.ts';
import type { TranslationKey } from '../i18n/keys.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** The modules to come, shown disabled with a "Sắp ra mắt" tag among the features by their order. */
const comingSoon: { key: string; label: TranslationKey; icon: ReactNode; order: number }[] = [
  { key: 'blood', label: 'nav.blood', icon: <HeartOutlined />, order: 70 },
  { key: 'volunteers', label: 'nav.volunteers', icon: <TeamOutlined />, order: 71 },
  { key: 'firstAid', label: 'nav.firstAid', icon: <MedicineBoxOutlined />, order: 72 },
  { key: 'osh', label: 'nav.osh', icon: <SafetyOutlined />, order: 73 },
];

const entries: MenuEntry[] = features.flatMap((f) => f.menu ?? []).sort((a, b) => a.order - b.order);
const links: MenuLink[] = entries.flatMap((e) => ('children' in e ? e.children : [e]));

function useMenuItems(): MenuItem[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isVisible = (l: { permission?: string }) => !l.permission || hasPermission(me, l.permission);
  const toItem = (e: MenuEntry): MenuItem | null => {
    if (!('children' in e)) {
      if (!isVisible(e)) return null;
      const Badge = e.badge;
      const label = Badge ? (
        <>
          {t(e.label)} <Badge />
        </>
      ) : (
        t(e.label)
      );
      return { key: e.path, icon: e.icon, label };
    }
    const children = e.children.filter(isVisible).map((c) => ({ key: c.path, label: t(c.label) }));
    return children.length > 0 ? { key: e.key, icon: e.icon, label: t(e.label), children } : null;
  };
  const ofSection = (section: MenuEntry['section']) =>
    entries.filter((e) => (e.section ?? 'main') === section);

  const soon = <Tag className="menu-soon-tag">{t('nav.comingSoon')}</Tag>;
  const main = [
    ...ofSection('main').map((e) => ({ order: e.order, item: toItem(e) })),
    ...comingSoon.map((m) => ({
      order: m.order,
      item: {
        key: m.key,
        icon: m.icon,
        disabled: true,
        className: 'menu-soon',
        label: (
          <span>
            {t(m.label)} {soon}
          </span>
        ),
      },
    })),
  ].sort((a, b) => a.order - b.order);
  const items = main.flatMap(({ item }) => (item ? [item] : []));

  const admin = ofSection('admin').flatMap((e) => toItem(e) ?? []);
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });
  return items;
}

/** The menu entry a page belongs to: the longest menu path the address starts with (`/plans/7/edit` → `/plans`). */
function selectedKey(pathname: string): string {
  const isUnder = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  const paths = links.map((l) => l.path).filter(isUnder);
  return paths.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

/** Submenus to open on arrival: the one whose pages share the address's first segment (`/training/…`). */
function openKeys(pathname: string): string[] {
  const first = (path: string) => path.split('/')[1];
  return entries
    .filter((e) => 'children' in e && e.children.some((c) => first(c.path) === first(pathname)))
    .map((e) => e.key);
}

export function SideMenu() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMenuItems();
  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      defaultOpenKeys={openKeys(pathname)}
      items={items}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

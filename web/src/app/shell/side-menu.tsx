import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, useCurrentUser } from '../../features/auth/api.ts';
import type { MenuAudience, MenuEntry } from '../feature.tsx';
import { menuEntries as entries, usePageMenuLink } from './menu-match.ts';

type MenuItem = Required<MenuProps>['items'][number];

function useMenuItems(): MenuItem[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const hasGrants = me.isSystemAdmin || me.grants.length > 0;
  const isVisible = (l: MenuAudience) => {
    if (l.self) return me.user.personId !== null;
    if (l.everyone) return true;
    // Without any grant (a volunteer's own account) every staff page is empty or refused: not offered.
    return hasGrants && (!l.permission || hasPermission(me, l.permission));
  };
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

  // A module's entry shows only when the module is there (a feature in app/features.ts) and the user may use it.
  const items = ofSection('main').flatMap((e) => toItem(e) ?? []);

  const admin = ofSection('admin').flatMap((e) => toItem(e) ?? []);
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });
  return items;
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
  const selected = usePageMenuLink()?.path ?? pathname;
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={openKeys(pathname)}
      items={items}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

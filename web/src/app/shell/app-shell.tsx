import { Grid, Layout } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../../features/auth/api.ts';
import { changeLocale, currentLocale } from '../i18n/index.ts';
import { HeaderBar } from './header-bar.tsx';
import { SideMenu } from './side-menu.tsx';

/** The language the user chose last time (kept server-side) wins when a session starts. */
function useServerLocale() {
  const me = useCurrentUser();
  const syncedFor = useRef<number | null>(null);
  useEffect(() => {
    if (syncedFor.current === me.user.id) return;
    syncedFor.current = me.user.id;
    if (me.user.locale !== currentLocale()) void changeLocale(me.user.locale);
  }, [me.user.id, me.user.locale]);
}

export function AppShell() {
  const [collapsed, setCollapsed] = useState(false);
  const screens = Grid.useBreakpoint();
  const { pathname } = useLocation();
  const phone = screens.sm === false;
  // On a phone the open menu covers most of the page: choosing a page folds it away again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (phone) setCollapsed(true);
  }, [pathname, phone]);
  useServerLocale();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={264}
        breakpoint="lg"
        // On a phone the menu folds away completely (a tab at the edge opens it) and the page gets the width.
        collapsedWidth={phone ? 0 : 80}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        className="app-sider"
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <div className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && <span>Chung Tay</span>}
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

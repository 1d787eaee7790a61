import { Drawer, Grid, Layout } from 'antd';
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

function Brand({ isNameShown }: { isNameShown: boolean }) {
  return (
    <div className="app-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {isNameShown && <span>Chung Tay</span>}
    </div>
  );
}

export function AppShell() {
  const [collapsed, setCollapsed] = useState(false);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  const { pathname } = useLocation();
  const isPhone = screens.sm === false;
  // On a phone the menu is a drawer opened from the header's menu button: choosing a page closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    setDrawerOpen(false);
  }, [pathname]);
  useServerLocale();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          size={264}
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          styles={{ body: { padding: 0 } }}
        >
          <Brand isNameShown />
          <SideMenu />
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={264}
          breakpoint="lg"
          collapsedWidth={80}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="app-sider"
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <Brand isNameShown={!collapsed} />
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout className="app-main">
        <HeaderBar onMenu={isPhone ? () => setDrawerOpen(true) : undefined} />
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

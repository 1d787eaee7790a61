import { HomeOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.tsx';
import { lazyPage } from '../../app/feature.tsx';
import { enAccount, enHome } from './i18n.en.ts';
import { viAccount, viHome } from './i18n.vi.ts';

const DashboardPage = lazyPage(
  () => import('./pages/dashboard-page.tsx'),
  (m) => m.DashboardPage,
);
const AccountPage = lazyPage(
  () => import('./pages/account-page.tsx'),
  (m) => m.AccountPage,
);

const vi = { home: viHome, account: viAccount };

/** The overview page at `/` and the signed-in user's own account (profile, password, API tokens). */
export const accountFeature: WebFeature<typeof vi> = {
  name: 'account',
  routes: [
    { index: true, element: <DashboardPage /> },
    { path: 'account', element: <AccountPage /> },
  ],
  menu: [{ key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, order: 10, everyone: true }],
  translations: { vi, en: { home: enHome, account: enAccount } },
};

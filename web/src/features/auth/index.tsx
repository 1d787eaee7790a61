import { authAuditWords } from '@contracts/auth/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { lazyPage } from '../../app/feature.tsx';
import { enAuth } from './i18n.en.ts';
import { viAuth } from './i18n.vi.ts';

const LoginPage = lazyPage(
  () => import('./pages/login-page.tsx'),
  (m) => m.LoginPage,
);

const vi = { auth: viAuth };

/** Signing in. The session itself (`useMe`, `RequireAuth`, `hasPermission`) is what the shell stands on. */
export const authFeature: WebFeature<typeof vi> = {
  name: 'auth',
  publicRoutes: [{ path: '/login', element: <LoginPage /> }],
  auditWords: [authAuditWords],
  translations: { vi, en: { auth: enAuth } },
};

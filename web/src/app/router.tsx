import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequirePermission } from '../features/auth/components/require-auth.tsx';
import { AppShell } from './shell/app-shell.tsx';

/** Route-level code splitting: each page is its own chunk, loaded on first visit. */
function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
  return function LazyPage() {
    return (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
        <Page />
      </Suspense>
    );
  };
}

const LoginPage = lazyPage(
  () => import('../features/auth/pages/login-page.tsx'),
  (m) => m.LoginPage,
);
const DashboardPage = lazyPage(
  () => import('../features/account/pages/dashboard-page.tsx'),
  (m) => m.DashboardPage,
);
const OrgsPage = lazyPage(
  () => import('../features/orgs/pages/orgs-page.tsx'),
  (m) => m.OrgsPage,
);
const AdminUnitsPage = lazyPage(
  () => import('../features/admin-units/pages/admin-units-page.tsx'),
  (m) => m.AdminUnitsPage,
);
const UsersPage = lazyPage(
  () => import('../features/users/pages/users-page.tsx'),
  (m) => m.UsersPage,
);
const AuditPage = lazyPage(
  () => import('../features/audit/pages/audit-page.tsx'),
  (m) => m.AuditPage,
);
const AccountPage = lazyPage(
  () => import('../features/account/pages/account-page.tsx'),
  (m) => m.AccountPage,
);
const PlansPage = lazyPage(
  () => import('../features/plans/pages/plans-page.tsx'),
  (m) => m.PlansPage,
);
const PlanFormPage = lazyPage(
  () => import('../features/plans/pages/plan-form-page.tsx'),
  (m) => m.PlanFormPage,
);
const PlanDetailPage = lazyPage(
  () => import('../features/plans/pages/plan-detail-page.tsx'),
  (m) => m.PlanDetailPage,
);
const ReportFormPage = lazyPage(
  () => import('../features/plans/pages/report-form-page.tsx'),
  (m) => m.ReportFormPage,
);
const ReportsPage = lazyPage(
  () => import('../features/plans/pages/reports-page.tsx'),
  (m) => m.ReportsPage,
);
const NotFoundPage = lazyPage(
  () => import('./not-found-page.tsx'),
  (m) => m.NotFoundPage,
);

function guarded(permission: string, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'orgs/:id?', element: <OrgsPage /> },
        { path: 'plans', element: <PlansPage /> },
        { path: 'plans/new', element: guarded('plan.manage', <PlanFormPage />) },
        { path: 'plans/:id', element: <PlanDetailPage /> },
        { path: 'plans/:id/edit', element: guarded('plan.manage', <PlanFormPage />) },
        { path: 'plans/:id/report', element: <ReportFormPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'admin/users', element: guarded('user.manage', <UsersPage />) },
        { path: 'admin/admin-units', element: guarded('admin_unit.manage', <AdminUnitsPage />) },
        { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
        { path: 'account', element: <AccountPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
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
const ClassesPage = lazyPage(
  () => import('../features/training/pages/classes-page.tsx'),
  (m) => m.ClassesPage,
);
const ClassDetailPage = lazyPage(
  () => import('../features/training/pages/class-detail-page.tsx'),
  (m) => m.ClassDetailPage,
);
const RequestsPage = lazyPage(
  () => import('../features/training/pages/requests-page.tsx'),
  (m) => m.RequestsPage,
);
const RequestDetailPage = lazyPage(
  () => import('../features/training/pages/request-detail-page.tsx'),
  (m) => m.RequestDetailPage,
);
const CoursesPage = lazyPage(
  () => import('../features/training/pages/courses-page.tsx'),
  (m) => m.CoursesPage,
);
const TrainersPage = lazyPage(
  () => import('../features/training/pages/trainers-page.tsx'),
  (m) => m.TrainersPage,
);
const CertificatesPage = lazyPage(
  () => import('../features/training/pages/certificates-page.tsx'),
  (m) => m.CertificatesPage,
);
const CompliancePage = lazyPage(
  () => import('../features/training/pages/compliance-page.tsx'),
  (m) => m.CompliancePage,
);
const ReachPage = lazyPage(
  () => import('../features/training/pages/reach-page.tsx'),
  (m) => m.ReachPage,
);
const PeoplePage = lazyPage(
  () => import('../features/people/pages/people-page.tsx'),
  (m) => m.PeoplePage,
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
        { path: 'training', element: <Navigate to="/training/classes" replace /> },
        { path: 'training/classes', element: <ClassesPage /> },
        { path: 'training/classes/:id', element: <ClassDetailPage /> },
        { path: 'training/requests', element: <RequestsPage /> },
        { path: 'training/requests/:id', element: <RequestDetailPage /> },
        { path: 'training/courses', element: <CoursesPage /> },
        { path: 'training/trainers', element: guarded('training.manage', <TrainersPage />) },
        { path: 'training/certificates', element: <CertificatesPage /> },
        { path: 'training/compliance', element: <CompliancePage /> },
        { path: 'training/reach', element: guarded('training.manage', <ReachPage />) },
        { path: 'people', element: guarded('person.manage', <PeoplePage />) },
        { path: 'admin/users', element: guarded('user.manage', <UsersPage />) },
        { path: 'admin/admin-units', element: guarded('admin_unit.manage', <AdminUnitsPage />) },
        { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
        { path: 'account', element: <AccountPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

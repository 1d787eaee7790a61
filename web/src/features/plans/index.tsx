import { AuditOutlined, FileTextOutlined, FormOutlined } from '@ant-design/icons';
import { plansAuditWords } from '@contracts/plans/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { ReviewQueueBadge } from './components/review-queue-badge.tsx';
import { enPlans, enReports } from './i18n.en.ts';
import { viPlans, viReports } from './i18n.vi.ts';

const PlansPage = lazyPage(
  () => import('./pages/plans-page.tsx'),
  (m) => m.PlansPage,
);
const PlanFormPage = lazyPage(
  () => import('./pages/plan-form-page.tsx'),
  (m) => m.PlanFormPage,
);
const PlanDetailPage = lazyPage(
  () => import('./pages/plan-detail-page.tsx'),
  (m) => m.PlanDetailPage,
);
const ReportFormPage = lazyPage(
  () => import('./pages/report-form-page.tsx'),
  (m) => m.ReportFormPage,
);
const ReviewQueuePage = lazyPage(
  () => import('./pages/review-queue-page.tsx'),
  (m) => m.ReviewQueuePage,
);
const ReportsPage = lazyPage(
  () => import('./pages/reports-page.tsx'),
  (m) => m.ReportsPage,
);

const vi = { plans: viPlans, reports: viReports };

/** Kế hoạch & báo cáo: plans, their targets and reports, and the reports a unit must submit. */
export const plansFeature: WebFeature<typeof vi> = {
  name: 'plans',
  routes: [
    { path: 'plans', element: <PlansPage /> },
    { path: 'plans/new', element: guarded('plan.manage', <PlanFormPage />) },
    { path: 'plans/:id', element: <PlanDetailPage /> },
    { path: 'plans/:id/edit', element: guarded('plan.manage', <PlanFormPage />) },
    { path: 'plans/:id/report', element: <ReportFormPage />, handle: { menu: '/reports' } },
    { path: 'reports', element: <ReportsPage /> },
    { path: 'reports/review', element: guarded('plan.manage', <ReviewQueuePage />) },
  ],
  menu: [
    { key: 'plans', path: '/plans', label: 'nav.plans', icon: <FileTextOutlined />, order: 30 },
    { key: 'reports', path: '/reports', label: 'nav.reports', icon: <FormOutlined />, order: 40 },
    {
      key: 'review',
      path: '/reports/review',
      label: 'plans.queue.menu',
      icon: <AuditOutlined />,
      order: 41,
      permission: 'plan.manage',
      badge: ReviewQueueBadge,
    },
  ],
  auditWords: [plansAuditWords],
  translations: { vi, en: { plans: enPlans, reports: enReports } },
};

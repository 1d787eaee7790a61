import { BookOutlined } from '@ant-design/icons';
import { trainingAuditWords } from '@contracts/training/audit-words.ts';
import { Navigate } from 'react-router';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { enTraining } from './i18n.en.ts';
import { viTraining } from './i18n.vi.ts';

const ClassesPage = lazyPage(
  () => import('./pages/classes-page.tsx'),
  (m) => m.ClassesPage,
);
const ClassDetailPage = lazyPage(
  () => import('./pages/class-detail-page.tsx'),
  (m) => m.ClassDetailPage,
);
const RequestsPage = lazyPage(
  () => import('./pages/requests-page.tsx'),
  (m) => m.RequestsPage,
);
const RequestDetailPage = lazyPage(
  () => import('./pages/request-detail-page.tsx'),
  (m) => m.RequestDetailPage,
);
const CoursesPage = lazyPage(
  () => import('./pages/courses-page.tsx'),
  (m) => m.CoursesPage,
);
const TrainersPage = lazyPage(
  () => import('./pages/trainers-page.tsx'),
  (m) => m.TrainersPage,
);
const CertificatesPage = lazyPage(
  () => import('./pages/certificates-page.tsx'),
  (m) => m.CertificatesPage,
);
const CompliancePage = lazyPage(
  () => import('./pages/compliance-page.tsx'),
  (m) => m.CompliancePage,
);
const ReachPage = lazyPage(
  () => import('./pages/reach-page.tsx'),
  (m) => m.ReachPage,
);

const vi = { training: viTraining };

/** Tập huấn & chứng nhận: what every signed-in user sees (scoped lists), and the provider's own pages. */
export const trainingFeature: WebFeature<typeof vi> = {
  name: 'training',
  routes: [
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
  ],
  menu: [
    {
      key: 'training',
      label: 'nav.training',
      icon: <BookOutlined />,
      order: 50,
      children: [
        { path: '/training/classes', label: 'training.nav.classes' },
        { path: '/training/requests', label: 'training.nav.requests' },
        { path: '/training/certificates', label: 'training.nav.certificates' },
        { path: '/training/compliance', label: 'training.nav.compliance' },
        { path: '/training/reach', label: 'training.nav.reach', permission: 'training.manage' },
        { path: '/training/courses', label: 'training.nav.courses' },
        { path: '/training/trainers', label: 'training.nav.trainers', permission: 'training.manage' },
      ],
    },
  ],
  auditWords: [trainingAuditWords],
  translations: { vi, en: { training: enTraining } },
};

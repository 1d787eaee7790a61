import { TeamOutlined } from '@ant-design/icons';
import { deploymentAuditWords } from '@contracts/volunteers/audit-words.deployment.ts';
import { volunteerRegistryAuditWords } from '@contracts/volunteers/audit-words.registry.ts';
import { volunteerSelfAuditWords } from '@contracts/volunteers/audit-words.self.ts';
import { wavesAuditWords } from '@contracts/volunteers/audit-words.waves.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { enDeployment } from './i18n/deployment.en.ts';
import { viDeployment } from './i18n/deployment.vi.ts';
import { enVolunteers } from './i18n/registry.en.ts';
import { viVolunteers } from './i18n/registry.vi.ts';
import { enVolunteerSelf } from './i18n/self.en.ts';
import { viVolunteerSelf } from './i18n/self.vi.ts';
import { enWaves } from './i18n/waves.en.ts';
import { viWaves } from './i18n/waves.vi.ts';

const VolunteersPage = lazyPage(
  () => import('./pages/registry/volunteers-page.tsx'),
  (m) => m.VolunteersPage,
);
const VolunteerDetailPage = lazyPage(
  () => import('./pages/registry/volunteer-detail-page.tsx'),
  (m) => m.VolunteerDetailPage,
);
const VolunteerImportPage = lazyPage(
  () => import('./pages/registry/import-page.tsx'),
  (m) => m.VolunteerImportPage,
);
const ReadinessPage = lazyPage(
  () => import('./pages/registry/readiness-page.tsx'),
  (m) => m.ReadinessPage,
);
const WavesPage = lazyPage(
  () => import('./pages/waves/waves-page.tsx'),
  (m) => m.WavesPage,
);
const WaveDetailPage = lazyPage(
  () => import('./pages/waves/wave-detail-page.tsx'),
  (m) => m.WaveDetailPage,
);
const WaveInboxPage = lazyPage(
  () => import('./pages/waves/inbox-page.tsx'),
  (m) => m.WaveInboxPage,
);
const ApplicationsPage = lazyPage(
  () => import('./pages/self/applications-page.tsx'),
  (m) => m.ApplicationsPage,
);
const MyVolunteeringPage = lazyPage(
  () => import('./pages/self/my-volunteering-page.tsx'),
  (m) => m.MyVolunteeringPage,
);
const SignupPage = lazyPage(
  () => import('./pages/self/signup-page.tsx'),
  (m) => m.SignupPage,
);

const vi = {
  volunteers: viVolunteers,
  waves: viWaves,
  deployment: viDeployment,
  volunteerSelf: viVolunteerSelf,
};

/**
 * Tình nguyện viên (seed 004): institutions' registries and readiness (pages/registry), mobilisation waves and
 * their inbox (pages/waves), deployment, shifts and documents inside a wave (components/deployment), the
 * volunteer's own page and the public self-registration (pages/self).
 */
export const volunteersFeature: WebFeature<typeof vi> = {
  name: 'volunteers',
  routes: [
    { path: 'volunteers', element: <VolunteersPage /> },
    { path: 'volunteers/readiness', element: <ReadinessPage /> },
    { path: 'volunteers/import', element: guarded('volunteer.manage', <VolunteerImportPage />) },
    { path: 'volunteers/applications', element: guarded('volunteer.manage', <ApplicationsPage />) },
    { path: 'volunteers/:id', element: <VolunteerDetailPage /> },
    { path: 'waves', element: <WavesPage /> },
    { path: 'waves/inbox', element: guarded('volunteer.manage', <WaveInboxPage />) },
    { path: 'waves/:id', element: <WaveDetailPage /> },
    { path: 'me/volunteering', element: <MyVolunteeringPage /> },
  ],
  publicRoutes: [{ path: '/volunteer-signup/:token', element: <SignupPage /> }],
  menu: [
    {
      key: 'volunteers',
      label: 'nav.volunteers',
      icon: <TeamOutlined />,
      order: 55,
      children: [
        { path: '/volunteers', label: 'volunteers.nav.registry' },
        { path: '/volunteers/readiness', label: 'volunteers.nav.readiness' },
        { path: '/waves', label: 'volunteers.nav.waves' },
        { path: '/waves/inbox', label: 'volunteers.nav.inbox', permission: 'volunteer.manage' },
        {
          path: '/volunteers/applications',
          label: 'volunteers.nav.applications',
          permission: 'volunteer.manage',
        },
        { path: '/me/volunteering', label: 'volunteers.nav.mine', self: true },
      ],
    },
  ],
  auditWords: [volunteerRegistryAuditWords, wavesAuditWords, deploymentAuditWords, volunteerSelfAuditWords],
  translations: {
    vi,
    en: {
      volunteers: enVolunteers,
      waves: enWaves,
      deployment: enDeployment,
      volunteerSelf: enVolunteerSelf,
    },
  },
};

import { HeartOutlined } from '@ant-design/icons';
import { clubsAuditWords } from '@contracts/blood/audit-words.clubs.ts';
import { donorsAuditWords } from '@contracts/blood/audit-words.donors.ts';
import { drivesAuditWords } from '@contracts/blood/audit-words.drives.ts';
import { donorSelfAuditWords } from '@contracts/blood/audit-words.self.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { enBloodClubs } from './i18n/clubs.en.ts';
import { viBloodClubs } from './i18n/clubs.vi.ts';
import { enBloodDonors } from './i18n/donors.en.ts';
import { viBloodDonors } from './i18n/donors.vi.ts';
import { enBloodDrives } from './i18n/drives.en.ts';
import { viBloodDrives } from './i18n/drives.vi.ts';
import { enDonorSelf } from './i18n/self.en.ts';
import { viDonorSelf } from './i18n/self.vi.ts';

const DonorsPage = lazyPage(
  () => import('./pages/donors/donors-page.tsx'),
  (m) => m.DonorsPage,
);
const DonorDetailPage = lazyPage(
  () => import('./pages/donors/donor-detail-page.tsx'),
  (m) => m.DonorDetailPage,
);
const DrivesPage = lazyPage(
  () => import('./pages/drives/drives-page.tsx'),
  (m) => m.DrivesPage,
);
const DriveDetailPage = lazyPage(
  () => import('./pages/drives/drive-detail-page.tsx'),
  (m) => m.DriveDetailPage,
);
const DeskPage = lazyPage(
  () => import('./pages/drives/desk-page.tsx'),
  (m) => m.DeskPage,
);
const ClubsPage = lazyPage(
  () => import('./pages/clubs/clubs-page.tsx'),
  (m) => m.ClubsPage,
);
const ClubDetailPage = lazyPage(
  () => import('./pages/clubs/club-detail-page.tsx'),
  (m) => m.ClubDetailPage,
);
const CalloutsPage = lazyPage(
  () => import('./pages/clubs/callouts-page.tsx'),
  (m) => m.CalloutsPage,
);
const HonoursPage = lazyPage(
  () => import('./pages/clubs/honours-page.tsx'),
  (m) => m.HonoursPage,
);
const MyDonationsPage = lazyPage(
  () => import('./pages/self/my-donations-page.tsx'),
  (m) => m.MyDonationsPage,
);

const vi = {
  bloodDonors: viBloodDonors,
  bloodDrives: viBloodDrives,
  bloodClubs: viBloodClubs,
  donorSelf: viDonorSelf,
};

/**
 * Hiến máu (seed 001): donors and eligibility (pages/donors), drives and the check-in desk (pages/drives), clubs,
 * rare-blood call-outs and honours (pages/clubs), the donor's own page (pages/self).
 */
export const bloodFeature: WebFeature<typeof vi> = {
  name: 'blood',
  routes: [
    { path: 'blood/donors', element: <DonorsPage /> },
    { path: 'blood/donors/:id', element: <DonorDetailPage /> },
    { path: 'blood/drives', element: <DrivesPage /> },
    { path: 'blood/drives/:id', element: <DriveDetailPage /> },
    { path: 'blood/drives/:id/desk', element: guarded('blood.manage', <DeskPage />) },
    { path: 'blood/clubs', element: <ClubsPage /> },
    { path: 'blood/clubs/:id', element: <ClubDetailPage /> },
    { path: 'blood/callouts', element: <CalloutsPage /> },
    { path: 'blood/honours', element: <HonoursPage /> },
    { path: 'me/blood', element: <MyDonationsPage /> },
  ],
  menu: [
    {
      key: 'blood',
      label: 'nav.blood',
      icon: <HeartOutlined />,
      order: 57,
      children: [
        { path: '/blood/drives', label: 'bloodDonors.nav.drives' },
        { path: '/blood/donors', label: 'bloodDonors.nav.donors' },
        { path: '/blood/clubs', label: 'bloodDonors.nav.clubs' },
        { path: '/blood/callouts', label: 'bloodDonors.nav.callouts' },
        { path: '/blood/honours', label: 'bloodDonors.nav.honours' },
        { path: '/me/blood', label: 'bloodDonors.nav.mine', self: true },
      ],
    },
  ],
  auditWords: [donorsAuditWords, drivesAuditWords, clubsAuditWords, donorSelfAuditWords],
  translations: {
    vi,
    en: {
      bloodDonors: enBloodDonors,
      bloodDrives: enBloodDrives,
      bloodClubs: enBloodClubs,
      donorSelf: enDonorSelf,
    },
  },
};

import { ApartmentOutlined } from '@ant-design/icons';
import { orgsAuditWords } from '@contracts/orgs/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { lazyPage } from '../../app/feature.tsx';
import { enOrgKinds, enOrgStatus, enOrgs } from './i18n.en.ts';
import { viOrgKinds, viOrgStatus, viOrgs } from './i18n.vi.ts';

const OrgsPage = lazyPage(
  () => import('./pages/orgs-page.tsx'),
  (m) => m.OrgsPage,
);

const vi = { orgs: viOrgs, orgKinds: viOrgKinds, orgStatus: viOrgStatus };

/** The organisation tree (cây tổ chức), its details, history and changes. */
export const orgsFeature: WebFeature<typeof vi> = {
  name: 'orgs',
  routes: [{ path: 'orgs/:id?', element: <OrgsPage /> }],
  menu: [{ key: 'orgs', path: '/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, order: 20 }],
  auditWords: [orgsAuditWords],
  translations: { vi, en: { orgs: enOrgs, orgKinds: enOrgKinds, orgStatus: enOrgStatus } },
};

import { EnvironmentOutlined } from '@ant-design/icons';
import { adminUnitsAuditWords } from '@contracts/admin-units/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { enAdminUnits } from './i18n.en.ts';
import { viAdminUnits } from './i18n.vi.ts';

const AdminUnitsPage = lazyPage(
  () => import('./pages/admin-units-page.tsx'),
  (m) => m.AdminUnitsPage,
);

const vi = { adminUnits: viAdminUnits };

/** The administrative units catalogue (đơn vị hành chính: provinces, communes) and its import. */
export const adminUnitsFeature: WebFeature<typeof vi> = {
  name: 'admin-units',
  routes: [{ path: 'admin/admin-units', element: guarded('admin_unit.manage', <AdminUnitsPage />) }],
  menu: [
    {
      key: 'admin-units',
      path: '/admin/admin-units',
      label: 'nav.adminUnits',
      icon: <EnvironmentOutlined />,
      permission: 'admin_unit.manage',
      section: 'admin',
      order: 20,
    },
  ],
  auditWords: [adminUnitsAuditWords],
  translations: { vi, en: { adminUnits: enAdminUnits } },
};

import { AuditOutlined } from '@ant-design/icons';
import { auditAuditWords } from '@contracts/audit/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { enAudit } from './i18n.en.ts';
import { viAudit } from './i18n.vi.ts';

const AuditPage = lazyPage(
  () => import('./pages/audit-page.tsx'),
  (m) => m.AuditPage,
);

const vi = { audit: viAudit };

/** The activity log (nhật ký hoạt động): who did what, and when. */
export const auditFeature: WebFeature<typeof vi> = {
  name: 'audit',
  routes: [{ path: 'admin/audit', element: guarded('audit.read', <AuditPage />) }],
  menu: [
    {
      key: 'audit',
      path: '/admin/audit',
      label: 'nav.audit',
      icon: <AuditOutlined />,
      permission: 'audit.read',
      section: 'admin',
      order: 30,
    },
  ],
  auditWords: [auditAuditWords],
  translations: { vi, en: { audit: enAudit } },
};

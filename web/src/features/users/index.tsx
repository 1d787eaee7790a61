import { UserOutlined } from '@ant-design/icons';
import { usersAuditWords } from '@contracts/users/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
import { enUsers } from './i18n.en.ts';
import { viUsers } from './i18n.vi.ts';

const UsersPage = lazyPage(
  () => import('./pages/users-page.tsx'),
  (m) => m.UsersPage,
);

const vi = { users: viUsers };

/** User accounts and their grants (role on an organisation). */
export const usersFeature: WebFeature<typeof vi> = {
  name: 'users',
  routes: [{ path: 'admin/users', element: guarded('user.manage', <UsersPage />) }],
  menu: [
    {
      key: 'users',
      path: '/admin/users',
      label: 'nav.users',
      icon: <UserOutlined />,
      permission: 'user.manage',
      section: 'admin',
      order: 10,
    },
  ],
  auditWords: [usersAuditWords],
  translations: { vi, en: { users: enUsers } },
};

import { IdcardOutlined } from '@ant-design/icons';
import { peopleAuditWords } from '@contracts/people/audit-words.ts';
import type { WebFeature } from '../../app/feature.tsx';
import { guarded, lazyPage } from '../../app/feature.tsx';
// The `people` texts still sit in training's translation files; they move here once training's split lands.
import { enPeople } from '../training/i18n.en.ts';
import { viPeople } from '../training/i18n.vi.ts';

const PeoplePage = lazyPage(
  () => import('./pages/people-page.tsx'),
  (m) => m.PeoplePage,
);

const vi = { people: viPeople };

/** The shared person registry (learners, trainers) and its duplicates. */
export const peopleFeature: WebFeature<typeof vi> = {
  name: 'people',
  routes: [{ path: 'people', element: guarded('person.manage', <PeoplePage />) }],
  menu: [
    {
      key: 'people',
      path: '/people',
      label: 'nav.people',
      icon: <IdcardOutlined />,
      permission: 'person.manage',
      order: 60,
    },
  ],
  auditWords: [peopleAuditWords],
  translations: { vi, en: { people: enPeople } },
};

import { peopleAuditWords } from '../../contracts/people/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { peopleRoutes } from './people.routes.ts';

export const peopleModule: ModuleDef = {
  name: 'people',
  tags: [{ name: 'Người (học viên, giảng viên…)', description: 'Sổ đăng ký người dùng chung' }],
  routes: [peopleRoutes],
  auditWords: [peopleAuditWords],
  pathCopies: [
    { table: 'people', column: 'org_path' },
    { table: 'person_links', column: 'org_path' },
  ],
};

export { peopleErrors } from './people.errors.ts';
export {
  findIdentityMatches,
  findPeopleInScope,
  type IdentityMatch,
  insertPeople,
  linkPeople,
  linkPeopleSql,
  lockIdentities,
  type PersonLink,
  type PersonWrite,
  visibleSql as personVisibleSql,
} from './people.repo.ts';
// The public face of the person registry.
export {
  ageOn,
  checkPerson,
  foldName,
  identityDecision,
  identityKeys,
  MAX_AGE,
  MIN_AGE,
  maskCccd,
  type Sex,
} from './people.rules.ts';
export { auditView, canReveal } from './people.service.ts';
export { type LinkPurpose, people, personLinks } from './people.tables.ts';

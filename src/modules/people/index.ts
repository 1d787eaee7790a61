import type { ModuleDef } from '../../platform/modules.ts';
import { peopleRoutes } from './people.routes.ts';

export const peopleModule: ModuleDef = {
  name: 'people',
  tags: [{ name: 'Người (học viên, giảng viên…)', description: 'Sổ đăng ký người dùng chung' }],
  routes: [peopleRoutes],
  pathCopies: [{ table: 'people', column: 'org_path' }],
};

export {
  findIdentityMatches,
  insertPeople,
  lockIdentities,
  type PersonWrite,
} from './people.repo.ts';
// The public face of the person registry.
export {
  checkPerson,
  foldName,
  identityKeys,
  MAX_AGE,
  MIN_AGE,
  maskCccd,
  type Sex,
} from './people.rules.ts';
export { auditView, canReveal } from './people.service.ts';
export { people } from './people.tables.ts';

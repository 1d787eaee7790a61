import { orgsAuditWords } from '../../contracts/orgs/audit-words.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { orgIndicatorSources } from './indicator-sources.ts';
import { orgRoutes } from './orgs.routes.ts';

export const orgsModule: ModuleDef = {
  name: 'orgs',
  tags: [{ name: 'Tổ chức', description: 'Cây tổ chức và lịch sử của nó' }],
  routes: [orgRoutes],
  auditWords: [orgsAuditWords],
  // An organisation's own path is where it stands now; its history is in organisation_events.
  pathHistory: [{ table: 'organisations', column: 'path' }],
  indicatorSources: orgIndicatorSources,
};

// The public face: what other modules may use of the organisation registry.
export {
  type ActiveChild,
  activeChildren,
  ancestorsOf,
  findOrgRow,
  findOrgRow as findOrgInScope,
  type OrgRow,
  orgNameOnSql,
  orgNames,
} from './orgs.repo.ts';
export { orgForField } from './orgs.service.ts';
export { organisations } from './orgs.tables.ts';

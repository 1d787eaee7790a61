import { deploymentAuditWords } from '../../contracts/volunteers/audit-words.deployment.ts';
import { volunteerRegistryAuditWords } from '../../contracts/volunteers/audit-words.registry.ts';
import { volunteerSelfAuditWords } from '../../contracts/volunteers/audit-words.self.ts';
import { wavesAuditWords } from '../../contracts/volunteers/audit-words.waves.ts';
import type { ModuleDef } from '../../platform/modules.ts';
import { deployment } from './deployment/deployment.part.ts';
import { registryImportRoutes } from './registry/import.routes.ts';
// registry
import { volunteerIndicatorSources } from './registry/indicator-sources.ts';
import { registryErrors } from './registry/registry.errors.ts';
import { registryRoutes } from './registry/registry.routes.ts';
// self
import { selfErrors } from './self/self.errors.ts';
import { selfHomeBlocks } from './self/self.home.ts';
import { selfRoutes } from './self/self.routes.ts';
import { signupRoutes } from './self/signup.routes.ts';
// waves
import { waveMemberRoutes } from './waves/members.routes.ts';
import { wavesErrors } from './waves/waves.errors.ts';
import { wavesHomeBlocks, wavesReminderJob } from './waves/waves.jobs.ts';
import { waveRoutes } from './waves/waves.routes.ts';

/**
 * Volunteer mobilisation (seed 004): registries kept by institutions (registry/), mobilisation waves with quotas
 * per institution (waves/), deployment without double-booking, shifts and documents (deployment/), and the
 * volunteers' own pages and self-registration (self/).
 */
export const volunteersModule: ModuleDef = {
  name: 'volunteers',
  tags: [
    { name: 'Tình nguyện viên', description: 'Sổ tình nguyện viên của từng cơ sở, sẵn sàng huy động' },
    { name: 'Đợt huy động', description: 'Đợt huy động, chỉ tiêu từng cơ sở, đề cử, điều động, ca trực' },
  ],
  routes: [
    // registry
    registryRoutes,
    registryImportRoutes,
    // waves
    waveRoutes,
    waveMemberRoutes,
    // deployment
    ...deployment.routes,
    // self
    selfRoutes,
    signupRoutes,
  ],
  pathCopies: [
    { table: 'volunteer_profiles', column: 'org_path' },
    { table: 'volunteer_signup_links', column: 'org_path' },
    { table: 'volunteer_applications', column: 'org_path' },
    { table: 'mobilisation_waves', column: 'issuer_path' },
    { table: 'wave_quotas', column: 'org_path' },
    { table: 'wave_members', column: 'org_path' },
    { table: 'volunteer_assignments', column: 'org_path' },
    { table: 'volunteer_assignments', column: 'issuer_path' },
    { table: 'volunteer_shifts', column: 'issuer_path' },
    { table: 'shift_signups', column: 'org_path' },
  ],
  indicatorSources: [
    // registry
    ...volunteerIndicatorSources,
  ],
  homeBlocks: [
    // registry
    // waves
    ...wavesHomeBlocks,
    // deployment
    // self
    ...selfHomeBlocks,
  ],
  jobs: [
    // waves
    wavesReminderJob,
    // deployment
    ...deployment.jobs,
  ],
  errors: [
    // registry
    registryErrors.catalogue,
    // waves
    wavesErrors.catalogue,
    // deployment
    ...deployment.errors,
    // self
    selfErrors.catalogue,
  ],
  auditWords: [volunteerRegistryAuditWords, wavesAuditWords, deploymentAuditWords, volunteerSelfAuditWords],
};

import type { ModuleDef } from '../../../platform/modules.ts';
import { assignmentRoutes } from './assignments.routes.ts';
import { deploymentErrors } from './deployment.errors.ts';
import { documentRoutes } from './documents.routes.ts';
import { checkoutMissingJob } from './shifts.job.ts';
import { shiftRoutes } from './shifts.routes.ts';
import { participationVerifyRoutes } from './verify.routes.ts';

/** Deployment's share of the volunteers manifest (index.ts spreads it at its `// deployment` slots). */
export const deployment = {
  routes: [assignmentRoutes, shiftRoutes, documentRoutes, participationVerifyRoutes],
  jobs: [checkoutMissingJob],
  errors: [deploymentErrors.catalogue],
} satisfies Pick<ModuleDef, 'routes' | 'jobs' | 'errors'>;

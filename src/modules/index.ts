import type { ModuleRoutes } from '../platform/http/app.ts';
import { adminUnitRoutes } from './admin-units/admin-units.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { orgRoutes } from './orgs/orgs.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { planFileRoutes } from './plans/plans.files.routes.ts';
import { planRoutes } from './plans/plans.routes.ts';
import { certificateRoutes } from './training/certificates.routes.ts';
import { rosterRoutes } from './training/roster.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { verifyRoutes } from './training/verify.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/** Every module's routes. A new module adds one line here (see ARCHITECTURE.md). */
export const modules: ModuleRoutes[] = [
  healthRoutes,
  authRoutes,
  orgRoutes,
  userRoutes,
  adminUnitRoutes,
  auditRoutes,
  planRoutes,
  planFileRoutes,
  notificationRoutes,
  peopleRoutes,
  rosterRoutes,
  trainingRoutes,
  certificateRoutes,
  verifyRoutes,
];

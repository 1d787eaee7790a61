import { accountFeature } from '../features/account/index.tsx';
import { adminUnitsFeature } from '../features/admin-units/index.tsx';
import { auditFeature } from '../features/audit/index.tsx';
import { authFeature } from '../features/auth/index.tsx';
import { bloodFeature } from '../features/blood/index.tsx';
import { notificationsFeature } from '../features/notifications/index.tsx';
import { orgsFeature } from '../features/orgs/index.tsx';
import { peopleFeature } from '../features/people/index.tsx';
import { plansFeature } from '../features/plans/index.tsx';
import { trainingFeature } from '../features/training/index.tsx';
import { usersFeature } from '../features/users/index.tsx';
import { volunteersFeature } from '../features/volunteers/index.tsx';

/**
 * Every feature of the web app. The router, the side menu, the header and the translations are composed from
 * this list; adding a feature is its folder with an `index.tsx` and one line here.
 */
export const features = [
  authFeature,
  accountFeature,
  orgsFeature,
  plansFeature,
  trainingFeature,
  volunteersFeature,
  bloodFeature,
  peopleFeature,
  usersFeature,
  adminUnitsFeature,
  auditFeature,
  notificationsFeature,
] as const;

import type { ModuleDef } from '../platform/modules.ts';
import { adminUnitsModule } from './admin-units/index.ts';
import { auditModule } from './audit/index.ts';
import { authModule } from './auth/index.ts';
import { bloodModule } from './blood/index.ts';
import { healthModule } from './health/index.ts';
import { homeModule } from './home/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { orgsModule } from './orgs/index.ts';
import { peopleModule } from './people/index.ts';
import { plansModule } from './plans/index.ts';
import { trainingModule } from './training/index.ts';
import { usersModule } from './users/index.ts';
import { volunteersModule } from './volunteers/index.ts';

/**
 * The modules of this installation: one manifest each (see platform/modules.ts). A new module is a folder with an
 * `index.ts` exporting its `ModuleDef`, and one line here (ARCHITECTURE.md, "How to add a module").
 */
export const modules: readonly ModuleDef[] = [
  healthModule,
  authModule,
  orgsModule,
  usersModule,
  adminUnitsModule,
  auditModule,
  plansModule,
  notificationsModule,
  peopleModule,
  trainingModule,
  volunteersModule,
  bloodModule,
  homeModule,
];

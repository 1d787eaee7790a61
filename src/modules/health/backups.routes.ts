import { z } from 'zod';
import { lastBackup } from '../../platform/db/backup.ts';
import { errors } from '../../platform/errors.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { hasPermission } from '../../platform/scope.ts';

/** When the last backup (`chungtay backup`) was made: the system administrator's overview shows it. */
export const backupRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/system/last-backup',
    {
      schema: {
        tags: ['Hệ thống'],
        summary: 'When the last backup was made (system administrators)',
        response: {
          200: z.object({
            lastBackup: z.object({ madeAt: z.string(), kind: z.string(), bytes: z.number() }).nullable(),
          }),
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      if (!hasPermission(ctx.actor, 'system.admin')) throw errors.forbidden();
      return { lastBackup: await lastBackup(ctx.db) };
    },
  );
};

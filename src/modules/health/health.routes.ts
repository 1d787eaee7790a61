import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ModuleRoutes } from '../../platform/http/app.ts';

export const healthRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Hệ thống'],
        summary: 'Liveness and database check',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            time: z.string(),
          }),
        },
      },
    },
    async () => {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: deps.database.kind, time: deps.clock.now().toISOString() };
    },
  );
};

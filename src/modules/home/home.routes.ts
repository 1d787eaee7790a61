import { homeSummary as homeSummarySchema } from '../../contracts/home.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { homeSummary } from './home.service.ts';

export const homeRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/home',
    {
      schema: {
        tags: ['Trang chủ'],
        summary:
          'What the caller acts on, one block per module source its permissions allow (reports to review or due, training requests, classes this week, expiring certificates)',
        response: { 200: homeSummarySchema },
      },
    },
    (req) => homeSummary(ctxOf(req, deps)),
  );
};

import { idParam } from '../../../contracts/common.ts';
import { recipientsPage, recipientsQuery } from '../../../contracts/plans.ts';
import type { ModuleRoutes } from '../../../platform/http/app.ts';
import { ctxOf } from '../../../platform/http/authenticate.ts';
import { tags } from '../plans.schemas.ts';
import { listRecipients } from './recipients.service.ts';

/** A plan's recipients, a page at a time. */
export const recipientRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/plans/:id/recipients',
    {
      schema: {
        tags,
        summary:
          'A plan’s recipients, a page at a time: by role, by name without diacritics, or those the caller may report for or implement as',
        params: idParam,
        querystring: recipientsQuery,
        response: { 200: recipientsPage },
      },
    },
    (req) => listRecipients(ctxOf(req, deps), req.params.id, req.query),
  );
};

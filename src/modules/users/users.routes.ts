import { z } from 'zod';
import { idParam, idText } from '../../contracts/common.ts';
import {
  createUserBody,
  grantInput,
  listUsersQuery,
  roleView,
  updateUserBody,
  userPage,
  userView,
} from '../../contracts/users.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { assertUserManager } from './users.policy.ts';
import * as users from './users.service.ts';

const tags = ['Người dùng'];

export const userRoutes: ModuleRoutes = (app, deps) => {
  /** Only user managers reach these routes; which users they see is then limited by their subtree. */
  const managerCtx = (req: Parameters<typeof ctxOf>[0]) => {
    const ctx = ctxOf(req, deps);
    assertUserManager(ctx.actor);
    return ctx;
  };
  app.get(
    '/api/roles',
    { schema: { tags, summary: 'Roles and their permissions', response: { 200: z.array(roleView) } } },
    (req) => {
      ctxOf(req, deps);
      return users.listRoles(deps.db);
    },
  );
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users in the caller’s subtree',
        querystring: listUsersQuery,
        response: { 200: userPage },
      },
    },
    (req) => users.listUsers(managerCtx(req), req.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user', params: idParam, response: { 200: userView } } },
    (req) => users.getUser(managerCtx(req), req.params.id),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user with grants',
        body: createUserBody,
        response: { 201: userView },
      },
    },
    async (req, reply) => reply.status(201).send(await users.createUser(managerCtx(req), req.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit a user',
        params: idParam,
        body: updateUserBody,
        response: { 200: userView },
      },
    },
    (req) => users.updateUser(managerCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/grants',
    {
      schema: {
        tags,
        summary: 'Grant a role on an organisation',
        params: idParam,
        body: grantInput,
        response: { 200: userView },
      },
    },
    (req) => users.addGrant(managerCtx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/users/:id/grants/:grantId',
    {
      schema: {
        tags,
        summary: 'Remove a grant',
        params: idParam.extend({ grantId: idText }),
        response: { 200: userView },
      },
    },
    (req) => users.removeGrant(managerCtx(req), req.params.id, req.params.grantId),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: 'Lift a login lockout', params: idParam, response: { 200: userView } } },
    (req) => users.unlockUser(managerCtx(req), req.params.id),
  );
};

import { idParam } from '../../contracts/common.ts';
import {
  notificationPage,
  notificationsQuery,
  notificationView,
  readAllResult,
} from '../../contracts/notifications.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import * as notifications from './notifications.service.ts';

const tags = ['Thông báo'];

export const notificationRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'The caller’s own notices, newest first (50 a page), with the unread count',
        querystring: notificationsQuery,
        response: { 200: notificationPage },
      },
    },
    (req) => notifications.listNotifications(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all the caller’s notices read',
        response: { 200: readAllResult },
      },
    },
    (req) => notifications.markAllRead(ctxOf(req, deps)),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of the caller’s notices read',
        params: idParam,
        response: { 200: notificationView },
      },
    },
    (req) => notifications.markRead(ctxOf(req, deps), req.params.id),
  );
};

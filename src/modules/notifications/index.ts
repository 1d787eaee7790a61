import type { ModuleDef } from '../../platform/modules.ts';
import { emailTask } from './email.job.ts';
import { notificationRoutes } from './notifications.routes.ts';

export const notificationsModule: ModuleDef = {
  name: 'notifications',
  tags: [{ name: 'Thông báo' }],
  routes: [notificationRoutes],
  jobs: [emailTask],
};

// The public face: other modules notify people through it.
export { type NewNotification, notifyUsers } from './notifications.service.ts';

import type { ModuleDef } from '../../platform/modules.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { emailTask, reminderJob } from './reminders.ts';

export const notificationsModule: ModuleDef = {
  name: 'notifications',
  tags: [{ name: 'Thông báo' }],
  routes: [notificationRoutes],
  jobs: [reminderJob, emailTask],
};

// The public face: other modules notify people through it.
export { type NewNotification, notifyUsers } from './notifications.service.ts';

import type { WebFeature } from '../../app/feature.tsx';
// The `notifications` texts still sit in plans' translation files; they move here once plans' split lands.
import { enNotifications } from '../plans/i18n.en.ts';
import { viNotifications } from '../plans/i18n.vi.ts';
import { NotificationBell } from './components/notification-bell.tsx';

const vi = { notifications: viNotifications };

/** The bell in the header: the signed-in user's in-app notifications. */
export const notificationsFeature: WebFeature<typeof vi> = {
  name: 'notifications',
  header: [NotificationBell],
  translations: { vi, en: { notifications: enNotifications } },
};

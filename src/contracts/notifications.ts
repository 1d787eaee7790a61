import { z } from 'zod';
import { intText } from './common.ts';

/** Why a notice was sent. Other modules add kinds (e.g. `report_returned`, `plan_issued`). */
export const notificationKind = z.string();

export const notificationView = z.object({
  id: z.number().int(),
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  /** A path in the web app, e.g. `/plans/12/report?orgId=5&period=2021-04`; null when there is nothing to open. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationsQuery = z.object({
  /** `true` lists only unread notices. */
  unreadOnly: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  page: intText(1).default(1),
});

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** The caller's own notices, newest first, and how many are unread in all (for the bell's badge). */
export const notificationPage = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const readAllResult = z.object({
  /** How many notices this call marked read. */
  marked: z.number().int(),
  unreadCount: z.number().int(),
});

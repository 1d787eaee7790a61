import { customType, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`: organisation paths are dot-joined ids from the root, e.g. `1.12.305`. */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

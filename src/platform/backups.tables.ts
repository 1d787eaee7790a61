import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Backups made with `chungtay backup`: the admin page says when the last one was made. */
export const backups = pgTable(
  'backups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    madeAt: timestamp('made_at', { withTimezone: true }).notNull().defaultNow(),
    /** `embedded` (a PGlite data-directory archive) or `postgres` (pg_dump's custom format). */
    kind: text('kind').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    /** `cli` (the database was free) or `server` (the running server made it for the CLI). */
    via: text('via').notNull(),
  },
  (t) => [index('backups_made_at_idx').on(t.madeAt)],
);

import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Daily jobs: one row per job, claimed by an atomic UPDATE of `last_run_on`, so that a job runs once a
 * day however many app instances share the database, and a restart picks up a missed day.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  lastRunOn: date('last_run_on', { mode: 'string' }),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastResult: text('last_result'),
});

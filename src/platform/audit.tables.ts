import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from './db/columns.ts';

/** Every write: who, when, from where, what, before/after. Written in the same transaction as the write. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorUsername: text('actor_username'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The object's name when written (see `recordAudit`): the log names it after a rename or deletion. */
    entityLabel: text('entity_label'),
    orgId: integer('org_id'),
    /** Copied from the organisation at write time so the log can be filtered by subtree forever. */
    orgPath: ltree('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_org_path_gist').using('gist', t.orgPath),
  ],
);

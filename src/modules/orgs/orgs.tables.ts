import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { OrgContact, OrgEventData } from '../../contracts/orgs.ts';
import { createdAt, ltree, updatedAt } from '../../platform/db/columns.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';

/**
 * A forest of organisation hierarchies (Red Cross, unions, health, government, …). `path` is the ltree of
 * ids from the root, and every scope and roll-up query is a `path <@ …` on it.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => organisations.id),
    path: ltree('path').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    adminUnitCode: text('admin_unit_code').references(() => adminUnits.code),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    contacts: jsonb('contacts').$type<OrgContact[]>().notNull().default([]),
    status: text('status', { enum: ['active', 'closed', 'merged'] })
      .notNull()
      .default('active'),
    establishedOn: date('established_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => organisations.id),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(ct_unaccent(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(code, '')))`,
      ),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisations_path_gist').using('gist', t.path),
    index('organisations_parent_idx').on(t.parentId, t.name),
    index('organisations_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // The list's order: a page is an index range scan instead of a sort of the whole scope.
    index('organisations_search_order_idx').on(t.searchText, t.id),
    uniqueIndex('organisations_code_uq').on(t.code),
    // Closed and merged organisations only: plans exclude them from the reporters they expect without
    // reading every organisation (plans.repo.ts, expectedSql).
    index('organisations_inactive_closed_idx').on(t.closedOn).where(sql`${t.status} <> 'active'`),
  ],
);

/** Dated history: created, renamed, moved, merged, closed, reopened, updated. */
export const organisationEvents = pgTable(
  'organisation_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type', {
      enum: ['created', 'renamed', 'moved', 'merged', 'absorbed', 'closed', 'reopened', 'updated'],
    }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<OrgEventData>().notNull().default({}),
    actorUserId: integer('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_events_org_idx').on(t.orgId, t.effectiveOn)],
);

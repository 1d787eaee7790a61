import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../orgs/orgs.tables.ts';

/**
 * One registry of people for every module (learners, trainers, donors, volunteers): one row per identity,
 * kept by any number of organisations through `person_links` (scope follows the links, not `org_path`,
 * which records the organisation that registered the person first). The CCCD (12-digit national ID) is sensitive personal data
 * (Decree 13/2023): shown masked unless the reader may see it, and every full read is audited.
 */
export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    sex: text('sex', { enum: ['male', 'female'] }),
    cccd: text('cccd'),
    phone: text('phone'),
    email: text('email'),
    /** The enterprise or body the person works for (an organisation of the forest, e.g. an enterprise). */
    employerOrgId: integer('employer_org_id').references(() => organisations.id),
    jobTitle: text('job_title'),
    /** The organisation that registered this person first (manage/reveal rights are by link: person_links). */
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    status: text('status', { enum: ['active', 'merged'] })
      .notNull()
      .default('active'),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => people.id),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(ct_unaccent(full_name || ' ' || coalesce(phone, '')))`),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('people_cccd_uq').on(t.cccd).where(sql`${t.cccd} IS NOT NULL AND ${t.status} = 'active'`),
    index('people_org_path_gist').using('gist', t.orgPath),
    index('people_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    /** Duplicate check without a CCCD: same name (unaccented), birth date and phone. */
    index('people_identity_idx').on(sql`lower(ct_unaccent(${t.fullName}))`, t.birthDate, t.phone),
    index('people_employer_idx').on(t.employerOrgId),
  ],
);

/** Why an organisation keeps a person: each keeper for its own purpose (Decree 13/2023: purpose of processing). */
export const LINK_PURPOSES = ['keeper', 'employer', 'training', 'institution', 'club', 'blood'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/**
 * An organisation keeping a person for a purpose, from `since` until `until` (null: still kept). A person is
 * visible to whoever's scope holds one of its active links (`org_path` is a path copy the subtree mover moves).
 */
export const personLinks = pgTable(
  'person_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: ltree('org_path').notNull(),
    purpose: text('purpose', { enum: LINK_PURPOSES }).notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('person_links_uq').on(t.personId, t.orgId, t.purpose),
    index('person_links_org_path_gist').using('gist', t.orgPath),
    index('person_links_org_idx').on(t.orgId),
  ],
);

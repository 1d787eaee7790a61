import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { updatedAt } from '../../platform/db/columns.ts';

/**
 * Administrative units (đơn vị hành chính) after 1/7/2025: two levels, province (2-digit code)
 * and commune (5-digit code: xã, phường, đặc khu). Provinces are built in by migration; communes come
 * from the official list through the importer.
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'commune'] }).notNull(),
    /** tinh | thanh_pho | xa | phuong | dac_khu */
    kind: text('kind').notNull(),
    provinceCode: text('province_code'),
    searchText: text('search_text').notNull().generatedAlwaysAs(sql`lower(ct_unaccent(name || ' ' || code))`),
    validFrom: date('valid_from', { mode: 'string' }).notNull().default('2025-07-01'),
    validTo: date('valid_to', { mode: 'string' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('admin_units_province_idx').on(t.provinceCode),
    index('admin_units_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Pre-2025 units and the 2025 unit(s) each became part of. Old codes were reused (the old Bắc Giang's 24
 * is the new Bắc Ninh), so a legacy code is only meaningful together with the date of the record.
 */
export const adminUnitLegacy = pgTable(
  'admin_unit_legacy',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level', { enum: ['province', 'commune'] }).notNull(),
    oldCode: text('old_code').notNull(),
    oldName: text('old_name').notNull(),
    newCode: text('new_code').notNull(),
    /** full: the whole old unit went into the new one; partial: only part of it. */
    mergeType: text('merge_type', { enum: ['full', 'partial'] }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull().default('2025-06-30'),
  },
  (t) => [uniqueIndex('admin_unit_legacy_uq').on(t.level, t.oldCode, t.newCode)],
);

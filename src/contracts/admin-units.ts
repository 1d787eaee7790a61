import { z } from 'zod';
import { defineFieldIssues, pageOf, pageQuery } from './common.ts';

export const adminUnitIssues = defineFieldIssues('admin_units', {
  province_code_digits: 'Mã tỉnh gồm 2 chữ số',
});

export const adminUnitView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'commune']),
  kind: z.string(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
});
export type AdminUnitView = z.infer<typeof adminUnitView>;

export const listAdminUnitsQuery = pageQuery.extend({
  level: z.enum(['province', 'commune']).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, adminUnitIssues.province_code_digits)
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export const adminUnitPage = pageOf(adminUnitView);

export const provinceView = adminUnitView.extend({ communeCount: z.number().int() });

export const importResult = z.object({
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;

/** details of a failed import: each bad row with its line number in the file. */
export const importRowError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

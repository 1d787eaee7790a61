import { z } from 'zod';
import {
  commonIssues,
  defineFieldIssues,
  eventDate,
  historicDate,
  id,
  idText,
  optionalText,
  pageOf,
  pageQuery,
} from './common.ts';

export const orgIssues = defineFieldIssues('orgs', {
  code_chars: 'Mã chỉ gồm chữ, số và . _ / -',
  admin_unit_code_digits: 'Mã đơn vị hành chính gồm 2 (tỉnh) hoặc 5 (xã) chữ số',
  name_min: 'Tên tối thiểu 2 ký tự',
});

export const orgKinds = [
  'red_cross',
  'union',
  'health',
  'government',
  'enterprise',
  'industrial_park_board',
  'training_institution',
  'service_centre',
  'other',
] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKind = z.enum(orgKinds);

export const orgStatuses = ['active', 'closed', 'merged'] as const;
export const orgStatus = z.enum(orgStatuses);

export const orgContact = z.object({
  name: z.string().trim().min(1, commonIssues.full_name_required).max(200),
  title: optionalText(200),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ ().-]{6,20}$/, commonIssues.phone_invalid)
    .nullish()
    .or(z.literal('').transform(() => null)),
  email: z
    .email(commonIssues.email_invalid)
    .nullish()
    .or(z.literal('').transform(() => null)),
});
export type OrgContact = z.output<typeof orgContact>;
/** The stored contact as responses carry it (response schemas hold no input transforms). */
export const orgContactView = z.object({
  name: z.string(),
  title: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
});

export type OrgEventData = {
  name?: string;
  oldName?: string;
  fromParentId?: number | null;
  toParentId?: number | null;
  fromParentName?: string | null;
  toParentName?: string | null;
  intoId?: number;
  intoName?: string;
  fromId?: number;
  fromName?: string;
  reason?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
};

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+ ().-]{6,20}$/, commonIssues.phone_invalid)
  .nullish()
  .or(z.literal('').transform(() => null));
const email = z
  .email(commonIssues.email_invalid)
  .nullish()
  .or(z.literal('').transform(() => null));
const orgCode = z
  .string()
  .trim()
  .max(50)
  .regex(/^[\p{L}\p{N}._/-]*$/u, orgIssues.code_chars)
  .transform((v) => (v === '' ? null : v))
  .nullish();
const adminUnitCode = z
  .string()
  .regex(/^(\d{2}|\d{5})$/, orgIssues.admin_unit_code_digits)
  .nullish()
  .or(z.literal('').transform(() => null));

export const orgSummary = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  kind: orgKind,
  status: orgStatus,
  adminUnitCode: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  descendantCount: z.number().int(),
});
export type OrgSummary = z.infer<typeof orgSummary>;

export const orgDetail = orgSummary.extend({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contacts: z.array(orgContactView),
  establishedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  mergedIntoName: z.string().nullable(),
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do here (drives buttons in the UI; the server checks again). */
  can: z.object({ manage: z.boolean() }),
});
export type OrgDetail = z.infer<typeof orgDetail>;

export const createOrgBody = z.object({
  parentId: id.nullable(),
  name: z.string().trim().min(2, orgIssues.name_min).max(300),
  shortName: optionalText(100),
  code: orgCode,
  kind: orgKind,
  adminUnitCode,
  address: optionalText(500),
  phone,
  email,
  contacts: z.array(orgContact).max(20).default([]),
  establishedOn: historicDate.nullish(),
});
export type CreateOrgBody = z.input<typeof createOrgBody>;

export const updateOrgBody = z.object({
  version: id,
  name: z.string().trim().min(2, orgIssues.name_min).max(300).optional(),
  shortName: optionalText(100),
  code: orgCode,
  kind: orgKind.optional(),
  adminUnitCode,
  address: optionalText(500),
  phone,
  email,
  contacts: z.array(orgContact).max(20).optional(),
  /** Date a rename takes effect (defaults to today). */
  effectiveOn: eventDate.optional(),
});
export type UpdateOrgBody = z.input<typeof updateOrgBody>;

export const moveOrgBody = z.object({
  version: id,
  newParentId: id,
  effectiveOn: eventDate,
});
export const mergeOrgBody = z.object({
  version: id,
  intoId: id,
  effectiveOn: eventDate,
});
export const closeOrgBody = z.object({
  version: id,
  effectiveOn: eventDate,
  reason: optionalText(500),
});
export const reopenOrgBody = z.object({
  version: id,
  effectiveOn: eventDate,
});

export const listOrgsQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: orgKind.optional(),
  status: z.enum(['active', 'closed', 'merged', 'all']).default('active'),
  /** Only organisations in this node's subtree (inclusive). */
  under: idText.optional(),
});
export const orgPage = pageOf(orgSummary);

export const childrenQuery = z.object({
  status: z.enum(['active', 'all']).default('active'),
});

export const orgEvent = z.object({
  id: z.number().int(),
  type: z.enum(['created', 'renamed', 'moved', 'merged', 'absorbed', 'closed', 'reopened', 'updated']),
  effectiveOn: z.string(),
  data: z.record(z.string(), z.unknown()),
  actorUsername: z.string().nullable(),
  createdAt: z.string(),
});
export type OrgEvent = z.infer<typeof orgEvent>;

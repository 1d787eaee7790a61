/** Honours (tôn vinh): rules as data per deciding body, candidates by count, proposals up the tree, decisions. */
import { z } from 'zod';
import { eventDate, filterDate, id, idText, int4 } from '../common.ts';

export const honourKinds = ['individual', 'family'] as const;
export const honourStatuses = ['proposed', 'approved', 'awarded', 'rejected'] as const;

export const honourRuleBody = z.object({
  orgId: id,
  decidingBody: z.string().trim().min(2).max(300),
  kind: z.enum(honourKinds),
  threshold: int4(1, 1000),
  titleVi: z.string().trim().min(2).max(300),
  titleEn: z.string().trim().min(2).max(300),
  legalSource: z.string().trim().max(300).nullish(),
  effectiveFrom: eventDate,
  effectiveTo: eventDate.nullish(),
});

export const honourRuleQuery = z.object({ orgId: idText.optional(), asOf: filterDate.optional() });

export const honourRuleView = z.object({
  id: z.number().int(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  decidingBody: z.string(),
  kind: z.enum(honourKinds),
  threshold: z.number().int(),
  titleVi: z.string(),
  titleEn: z.string(),
  legalSource: z.string().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** Shadowed by a deeper organisation's rule of the same kind and threshold (for the asked organisation). */
  overridden: z.boolean(),
});
export const honourRuleList = z.object({
  items: z.array(honourRuleView),
  can: z.object({ create: z.boolean() }),
});

export const candidatesQuery = z.object({
  orgId: idText,
  from: filterDate,
  to: filterDate,
  kind: z.enum(honourKinds).default('individual'),
});

export const candidateRule = z.object({
  ruleId: z.number().int(),
  threshold: z.number().int(),
  titleVi: z.string(),
  titleEn: z.string(),
});
/** A donor (individual) or a family club (family) who reached rules' thresholds and holds none of them yet. */
export const candidateView = z.object({
  personId: z.number().int().nullable(),
  clubId: z.number().int().nullable(),
  name: z.string(),
  donations: z.number().int(),
  rules: z.array(candidateRule),
});

export const proposeBody = z.object({
  orgId: id,
  ruleId: id,
  personIds: z.array(id).max(500).default([]),
  clubIds: z.array(id).max(500).default([]),
});

export const honourQuery = z.object({
  orgId: idText.optional(),
  status: z.enum(honourStatuses).optional(),
  personId: idText.optional(),
});

export const honourListQuery = z.object({ orgId: idText, status: z.enum(honourStatuses).optional() });

export const honourView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  /** A family honour's family (the person is its head); null for an individual honour. */
  familyClubId: z.number().int().nullable(),
  familyClubName: z.string().nullable(),
  ruleId: z.number().int(),
  kind: z.enum(honourKinds),
  threshold: z.number().int(),
  titleVi: z.string(),
  titleEn: z.string(),
  decidingBody: z.string(),
  countAtProposal: z.number().int(),
  proposedByOrgId: z.number().int(),
  proposedByName: z.string(),
  status: z.enum(honourStatuses),
  decisionNo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ decide: z.boolean() }),
});

export const decisionBody = z.object({
  status: z.enum(['approved', 'awarded', 'rejected']),
  decisionNo: z.string().trim().max(100).nullish(),
  decidedOn: eventDate,
});

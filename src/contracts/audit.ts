import { z } from 'zod';
import { filterDate, idText, pageOf, pageQuery } from './common.ts';

export const auditQuery = pageQuery.extend({
  userId: idText.optional(),
  entityType: z.string().max(50).optional(),
  /** The organisation whose subtree the entries belong to. */
  orgId: idText.optional(),
  from: filterDate.optional(),
  to: filterDate.optional(),
});

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditPage = pageOf(auditEntry);

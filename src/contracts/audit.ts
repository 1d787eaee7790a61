import { z } from 'zod';
import { filterDate, idText, pageOf, pageQuery } from './common.ts';

/** The log's filters, shared by the page and the XLSX export. */
const auditFilters = {
  userId: idText.optional(),
  entityType: z.string().max(50).optional(),
  /** The organisation whose subtree the entries belong to. */
  orgId: idText.optional(),
  from: filterDate.optional(),
  to: filterDate.optional(),
  /** `changes`: everything but sign-ins (the page's default); `signins`: only them; absent: both. */
  kind: z.enum(['changes', 'signins']).optional(),
  action: z.string().max(60).optional(),
};
export const auditQuery = pageQuery.extend(auditFilters);
export const auditExportQuery = z.object(auditFilters);

/** The most rows one export holds: more asks to narrow the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The object's name (kept when written, else its name today); null when it has none. */
  entityLabel: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditPage = pageOf(auditEntry);

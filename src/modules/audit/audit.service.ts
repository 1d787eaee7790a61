import type { z } from 'zod';
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditEntry,
  type auditExportQuery,
  type auditQuery,
} from '../../contracts/audit.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { type Scope, scopeOf } from '../../platform/scope.ts';
import { orgForField } from '../orgs/index.ts';
import { userForField } from '../users/index.ts';
import { auditErrors } from './audit.errors.ts';
import { type AuditFilter, auditEntryBatches, countAuditEntries, listAuditEntries } from './audit.repo.ts';

type Filters = z.output<typeof auditExportQuery>;

/** The caller's audit scope and the filter, the organisation checked to be in their scope. */
async function scoped(ctx: Ctx, q: Filters): Promise<{ scope: Scope; filter: AuditFilter; orgId?: number }> {
  const scope = scopeOf(ctx.actor, 'audit.read');
  if (!scope.all && scope.paths.length === 0) throw errors.forbidden();
  let orgPath: string | undefined;
  if (q.orgId) orgPath = (await orgForField(ctx.db, scopeOf(ctx.actor), q.orgId, 'querystring.orgId')).path;
  if (q.userId) await userForField(ctx, q.userId, 'querystring.userId');
  return { scope, filter: { ...q, orgPath }, orgId: q.orgId };
}

/**
 * An auditor sees the entries of their subtree; entries tied to no organisation (logins, own tokens,
 * users) only when they concern a user they may manage, or for a system administrator.
 */
export async function listAudit(ctx: Ctx, q: z.output<typeof auditQuery>) {
  const { scope, filter } = await scoped(ctx, q);
  const { items, total } = await listAuditEntries(ctx.db, scope, {
    ...filter,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The filtered log made into a file by `build`, in batches; refused above AUDIT_EXPORT_MAX_ROWS. The export is
 * itself recorded once the file is made (so the file does not list its own entry): the log names people (Decree
 * 13/2023), so who took which part of it, and when, is kept.
 */
export async function exportAudit<T>(
  ctx: Ctx,
  q: Filters,
  build: (batches: AsyncIterable<AuditEntry[]>) => Promise<T>,
): Promise<T> {
  const { scope, filter, orgId } = await scoped(ctx, q);
  const total = await countAuditEntries(ctx.db, scope, filter);
  if (total > AUDIT_EXPORT_MAX_ROWS)
    throw auditErrors.export_too_large({ total, max: AUDIT_EXPORT_MAX_ROWS });
  const file = await build(auditEntryBatches(ctx.db, scope, filter));
  await recordAudit(ctx.db, ctx, {
    action: 'audit.export',
    entityType: 'audit_log',
    entityId: null,
    orgId: orgId ?? null,
    orgPath: filter.orgPath ?? null,
    after: { filters: q, rows: total },
  });
  return file;
}

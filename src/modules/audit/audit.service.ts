import type { z } from 'zod';
import type { auditQuery } from '../../contracts/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/scope.ts';
import { findOrgInScope } from '../orgs/index.ts';
import { listAuditEntries } from './audit.repo.ts';

/**
 * An auditor sees the entries of their subtree; entries tied to no organisation (logins, own tokens,
 * users) only when they concern a user they may manage, or for a system administrator.
 */
export async function listAudit(ctx: Ctx, q: z.output<typeof auditQuery>) {
  const scope = scopeOf(ctx.actor, 'audit.read');
  if (!scope.all && scope.paths.length === 0) throw errors.forbidden();
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await findOrgInScope(ctx.db, scopeOf(ctx.actor), q.orgId);
    if (!org) throw errors.notFound('orgs');
    orgPath = org.path;
  }
  const { items, total } = await listAuditEntries(ctx.db, scope, { ...q, orgPath });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

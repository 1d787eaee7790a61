import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuditEntry, auditPage, auditQuery } from '../../contracts/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { fetchPage } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { ModuleRoutes } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/authenticate.ts';
import { scopeOf, scopeSql } from '../../platform/scope.ts';
import { findOrgRow } from '../orgs/index.ts';

/**
 * An auditor sees the entries of their subtree; entries tied to no organisation (logins, own tokens,
 * users) only when they concern a user they may manage, or for a system administrator.
 */
export async function listAudit(ctx: Ctx, q: z.output<typeof auditQuery>) {
  const scope = scopeOf(ctx.actor, 'audit.read');
  if (!scope.all && scope.paths.length === 0) throw errors.forbidden();
  const conds: SQL[] = [];
  if (scope.all) conds.push(sql`true`);
  else {
    conds.push(sql`(${scopeSql(scope, sql`a.org_path`)} OR (a.org_path IS NULL AND a.actor_user_id IN (
      SELECT g.user_id FROM role_grants g JOIN organisations o ON o.id = g.org_id WHERE ${scopeSql(scope, sql`o.path`)})))`);
  }
  if (q.orgId) {
    const org = await findOrgRow(ctx.db, scopeOf(ctx.actor), q.orgId);
    if (!org) throw errors.notFound('orgs');
    conds.push(sql`a.org_path <@ ${org.path}::ltree`);
  }
  if (q.userId) conds.push(sql`a.actor_user_id = ${q.userId}`);
  if (q.entityType) conds.push(sql`a.entity_type = ${q.entityType}`);
  // Dates are Vietnamese calendar days (UTC+7).
  if (q.from) conds.push(sql`a.at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (q.to) conds.push(sql`a.at < (${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  const where = sql.join(conds, sql` AND `);
  const { items, total } = await fetchPage<AuditEntry>(
    ctx.db,
    sql`SELECT a.id::int AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
               a.actor_user_id AS "actorUserId", a.actor_username AS "actorUsername", a.ip, a.action,
               a.entity_type AS "entityType", a.entity_id AS "entityId", a.org_id AS "orgId", o.name AS "orgName",
               a.before, a.after
        FROM audit_log a LEFT JOIN organisations o ON o.id = a.org_id
        WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    sql`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const auditRoutes: ModuleRoutes = (app, deps) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Audit log of the caller’s subtree',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    (req) => listAudit(ctxOf(req, deps), req.query),
  );
};

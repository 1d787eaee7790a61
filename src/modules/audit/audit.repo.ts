import { type SQL, sql } from 'drizzle-orm';
import type { AuditEntry } from '../../contracts/audit.ts';
import { type Db, fetchPage } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';

/** All SQL of the audit log's reader. */

export type AuditFilter = {
  /** Only entries under this organisation path (already checked to be in the caller's scope). */
  orgPath?: string;
  userId?: number;
  entityType?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

/**
 * Entries in the scope's subtrees; entries tied to no organisation (logins, own tokens, users) only when their
 * actor holds a grant inside the scope.
 */
export async function listAuditEntries(db: Db, scope: Scope, f: AuditFilter) {
  const conds: SQL[] = [
    scope.all
      ? sql`true`
      : sql`(${scopeSql(scope, sql`a.org_path`)} OR (a.org_path IS NULL AND a.actor_user_id IN (
      SELECT g.user_id FROM role_grants g JOIN organisations o ON o.id = g.org_id WHERE ${scopeSql(scope, sql`o.path`)})))`,
  ];
  if (f.orgPath) conds.push(sql`a.org_path <@ ${f.orgPath}::ltree`);
  if (f.userId) conds.push(sql`a.actor_user_id = ${f.userId}`);
  if (f.entityType) conds.push(sql`a.entity_type = ${f.entityType}`);
  // Dates are Vietnamese calendar days (UTC+7).
  if (f.from) conds.push(sql`a.at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) conds.push(sql`a.at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  const where = sql.join(conds, sql` AND `);
  return fetchPage<AuditEntry>(
    db,
    sql`SELECT a.id::int AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
               a.actor_user_id AS "actorUserId", a.actor_username AS "actorUsername", a.ip, a.action,
               a.entity_type AS "entityType", a.entity_id AS "entityId", a.org_id AS "orgId", o.name AS "orgName",
               a.before, a.after
        FROM audit_log a LEFT JOIN organisations o ON o.id = a.org_id
        WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    sql`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
  );
}

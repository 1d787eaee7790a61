import { type SQL, sql } from 'drizzle-orm';
import type { AuditEntry } from '../../contracts/audit.ts';
import { signInActions } from '../../contracts/audit-vocabulary.ts';
import { type Db, fetchPage, rows } from '../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';

/** All SQL of the audit log's reader. */

export type AuditFilter = {
  /** Only entries under this organisation path (already checked to be in the caller's scope). */
  orgPath?: string;
  userId?: number;
  entityType?: string;
  action?: string;
  kind?: 'changes' | 'signins';
  from?: string;
  to?: string;
};

/**
 * Entries in the scope's subtrees; entries tied to no organisation (logins, own tokens, users) only when their
 * actor holds a grant inside the scope.
 */
function whereOf(scope: Scope, f: AuditFilter): SQL {
  const conds: SQL[] = [
    scope.all
      ? sql`true`
      : sql`(${scopeSql(scope, sql`a.org_path`)} OR (a.org_path IS NULL AND a.actor_user_id IN (
      SELECT g.user_id FROM role_grants g JOIN organisations o ON o.id = g.org_id WHERE ${scopeSql(scope, sql`o.path`)})))`,
  ];
  if (f.orgPath) conds.push(sql`a.org_path <@ ${f.orgPath}::ltree`);
  if (f.userId) conds.push(sql`a.actor_user_id = ${f.userId}`);
  if (f.entityType) conds.push(sql`a.entity_type = ${f.entityType}`);
  if (f.action) conds.push(sql`a.action = ${f.action}`);
  const signIns = sql.join(
    signInActions.map((a) => sql`${a}`),
    sql`, `,
  );
  if (f.kind === 'changes') conds.push(sql`a.action NOT IN (${signIns})`);
  if (f.kind === 'signins') conds.push(sql`a.action IN (${signIns})`);
  // Dates are Vietnamese calendar days (UTC+7).
  if (f.from) conds.push(sql`a.at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) conds.push(sql`a.at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  return sql.join(conds, sql` AND `);
}

/**
 * The object's name: kept in the entry when written, else (entries written without one) its name today, looked up
 * by primary key for the entity types that have a name — only for the rows of the page, inside the caller's
 * scoped entries, so it shows nothing the entry itself does not concern.
 */
const entityLabel = sql`COALESCE(a.entity_label, CASE WHEN a.entity_id ~ '^[0-9]{1,9}$' THEN CASE a.entity_type
    WHEN 'organisation' THEN (SELECT x.name FROM organisations x WHERE x.id = a.entity_id::int)
    WHEN 'person' THEN (SELECT x.full_name FROM people x WHERE x.id = a.entity_id::int)
    WHEN 'user' THEN (SELECT x.full_name FROM users x WHERE x.id = a.entity_id::int)
    WHEN 'plan' THEN (SELECT x.title FROM plans x WHERE x.id = a.entity_id::int)
    WHEN 'training_class' THEN (SELECT x.title FROM training_classes x WHERE x.id = a.entity_id::int)
    WHEN 'certificate' THEN (SELECT x.number FROM certificates x WHERE x.id = a.entity_id::int)
    WHEN 'course_type' THEN (SELECT x.name_vi FROM course_types x WHERE x.id = a.entity_id::int)
    WHEN 'trainer' THEN (SELECT p.full_name FROM trainers x JOIN people p ON p.id = x.person_id WHERE x.id = a.entity_id::int)
  END END)`;

const columns = sql`a.id::int AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  a.actor_user_id AS "actorUserId", a.actor_username AS "actorUsername", a.ip, a.action,
  a.entity_type AS "entityType", a.entity_id AS "entityId", ${entityLabel} AS "entityLabel",
  a.org_id AS "orgId", o.name AS "orgName", a.before, a.after`;

export async function listAuditEntries(
  db: Db,
  scope: Scope,
  f: AuditFilter & { page: number; pageSize: number },
) {
  const where = whereOf(scope, f);
  return fetchPage<AuditEntry>(
    db,
    sql`SELECT ${columns} FROM audit_log a LEFT JOIN organisations o ON o.id = a.org_id
        WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    sql`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
  );
}

export async function countAuditEntries(db: Db, scope: Scope, f: AuditFilter): Promise<number> {
  const [r] = await rows<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM audit_log a WHERE ${whereOf(scope, f)}`,
  );
  return r?.total ?? 0;
}

/** The filtered entries, newest first, a batch at a time (keyset on at, id): an export never holds one huge result. */
export async function* auditEntryBatches(db: Db, scope: Scope, f: AuditFilter, batch = 5000) {
  let after: { at: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL = after ? sql`AND (a.at, a.id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    // The page's `at` is rounded to the millisecond: the keyset compares the stored microseconds (atKey).
    const items = await rows<AuditEntry & { atKey: string }>(
      db,
      sql`SELECT ${columns}, a.at::text AS "atKey" FROM audit_log a LEFT JOIN organisations o ON o.id = a.org_id
          WHERE ${whereOf(scope, f)} ${keyset} ORDER BY a.at DESC, a.id DESC LIMIT ${batch}`,
    );
    if (items.length) yield items;
    if (items.length < batch) return;
    const last = items[items.length - 1] as AuditEntry & { atKey: string };
    after = { at: last.atKey, id: last.id };
  }
}

import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { OrgEvent, OrgSummary } from '../../contracts/orgs.ts';
import { type Db, fetchPage, rows, type Tx } from '../../platform/db/database.ts';
import { matchesSearch } from '../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../platform/scope.ts';
import { moveOrgPathCopies } from '../../platform/subtree-moves.ts';
import { organisationEvents, organisations } from './orgs.tables.ts';

export type OrgRow = typeof organisations.$inferSelect;

/**
 * The organisation queries. Every read takes a Scope; nothing outside it is ever returned, so callers
 * answer "not found" for it. The hierarchy queries (children with counts, subtree count) are here and
 * nowhere else.
 */
const summaryColumns = sql`
  o.id, o.parent_id AS "parentId", p.name AS "parentName", o.name, o.short_name AS "shortName", o.code,
  o.kind, o.status, o.admin_unit_code AS "adminUnitCode", au.name AS "adminUnitName",
  nlevel(o.path) AS depth,
  (SELECT count(*) FROM organisations c WHERE c.parent_id = o.id AND c.status = 'active')::int AS "childCount",
  (SELECT count(*) FROM organisations d WHERE d.path <@ o.path AND d.status = 'active')::int - 1 AS "descendantCount"`;

const summaryFrom = sql`
  FROM organisations o
  LEFT JOIN organisations p ON p.id = o.parent_id
  LEFT JOIN admin_units au ON au.code = o.admin_unit_code`;

export async function findOrgRow(
  db: Db | Tx,
  scope: Scope,
  id: number,
  forUpdate = false,
): Promise<OrgRow | undefined> {
  const q = db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), scopeSql(scope, organisations.path)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findOrgSummaries(db: Db | Tx, scope: Scope, ids: number[]): Promise<OrgSummary[]> {
  if (ids.length === 0) return [];
  return rows<OrgSummary>(
    db,
    sql`SELECT ${summaryColumns} ${summaryFrom}
        WHERE o.id = ANY(${`{${ids.join(',')}}`}::int[]) AND ${scopeSql(scope, sql`o.path`)}
        ORDER BY o.search_text, o.id`,
  );
}

export async function listChildren(db: Db, scope: Scope, parentId: number, includeInactive: boolean) {
  return rows<OrgSummary>(
    db,
    sql`SELECT ${summaryColumns} ${summaryFrom}
        WHERE o.parent_id = ${parentId} AND ${scopeSql(scope, sql`o.path`)}
          ${includeInactive ? sql`` : sql`AND o.status = 'active'`}
        ORDER BY o.status = 'active' DESC, o.search_text, o.id`,
  );
}

export async function listTopLevel(db: Db, includeInactive: boolean) {
  return rows<OrgSummary>(
    db,
    sql`SELECT ${summaryColumns} ${summaryFrom}
        WHERE o.parent_id IS NULL ${includeInactive ? sql`` : sql`AND o.status = 'active'`}
        ORDER BY o.search_text, o.id`,
  );
}

export type OrgFilter = {
  q?: string;
  kind?: string;
  status: 'active' | 'closed' | 'merged' | 'all';
  underPath?: string;
  page: number;
  pageSize: number;
};

/**
 * The list/search query: the page and its total. The page is cut before the joins and per-row counts,
 * so those run for the rows shown, not for every row skipped. A search lists higher bodies first
 * (the provincial federation before its grassroots unions).
 */
export function searchOrgsSql(scope: Scope, f: OrgFilter): { page: SQL; count: SQL } {
  const conds: SQL[] = [scopeSql(scope, sql`o.path`)];
  if (f.status !== 'all') conds.push(sql`o.status = ${f.status}`);
  if (f.kind) conds.push(sql`o.kind = ${f.kind}`);
  if (f.underPath) conds.push(sql`o.path <@ ${f.underPath}::ltree`);
  if (f.q) conds.push(matchesSearch(sql`o.search_text`, f.q));
  const where = sql.join(conds, sql` AND `);
  const order = sql`${f.q ? sql`nlevel(o.path), ` : sql``}o.search_text, o.id`;
  return {
    page: sql`SELECT ${summaryColumns}
      FROM (SELECT * FROM organisations o WHERE ${where} ORDER BY ${order}
            LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}) o
      LEFT JOIN organisations p ON p.id = o.parent_id
      LEFT JOIN admin_units au ON au.code = o.admin_unit_code
      ORDER BY ${order}`,
    count: sql`SELECT count(*)::int AS total FROM organisations o WHERE ${where}`,
  };
}

export async function searchOrgs(db: Db, scope: Scope, f: OrgFilter) {
  const q = searchOrgsSql(scope, f);
  return fetchPage<OrgSummary>(db, q.page, q.count);
}

export async function ancestorsOf(db: Db | Tx, path: string) {
  return rows<{ id: number; name: string }>(
    db,
    sql`SELECT id, name FROM organisations WHERE path @> ${path}::ltree AND path <> ${path}::ltree ORDER BY nlevel(path)`,
  );
}

export async function countActiveChildren(db: Db | Tx, id: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM organisations WHERE parent_id = ${id} AND status = 'active'`,
  );
  return r?.n ?? 0;
}

/** Names of organisations by id, for labels, in one statement; ids not found are absent from the map. */
export async function orgNames(db: Db | Tx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: number; name: string }>(
    db,
    sql`SELECT id, name FROM organisations WHERE id = ANY(${`{${[...new Set(ids)].join(',')}}`}::int[])`,
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

/**
 * The name organisation `id` had on `onDate` (ISO): the old name of its first rename after that day, else its
 * name now. A plan of 2021 names its units as they were then. Read through organisation_events_org_idx.
 */
export function orgNameOnSql(id: SQL, onDate: string): SQL {
  return sql`coalesce((SELECT ev.data->>'oldName' FROM organisation_events ev
                       WHERE ev.org_id = ${id} AND ev.type = 'renamed' AND ev.effective_on > ${onDate}::date
                       ORDER BY ev.effective_on, ev.id LIMIT 1),
                      (SELECT named.name FROM organisations named WHERE named.id = ${id}))`;
}

export type ActiveChild = { id: number; name: string; path: string; parentId: number };

/**
 * The active direct children of `parentId` within the scope (nothing when the parent is outside it), ordered
 * by name then id.
 */
export async function activeChildren(db: Db | Tx, scope: Scope, parentId: number): Promise<ActiveChild[]> {
  return rows<ActiveChild>(
    db,
    sql`SELECT id, name, path::text AS path, parent_id AS "parentId" FROM organisations
        WHERE parent_id = ${parentId} AND status = 'active' AND ${scopeSql(scope, sql`path`)}
        ORDER BY search_text, id`,
  );
}

/**
 * Moves the subtree at `oldPath` under `newParentPath`: the organisations, every module's copies of their paths
 * and whatever the modules keep per ancestor (platform/subtree-moves.ts), in the caller's transaction.
 */
export async function movePaths(tx: Tx, oldPath: string, newParentPath: string): Promise<void> {
  await tx.execute(
    sql`UPDATE organisations SET path = ${newParentPath}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1)
        WHERE path <@ ${oldPath}::ltree`,
  );
  const labels = oldPath.split('.');
  await moveOrgPathCopies(tx, {
    oldPath,
    newPath: `${newParentPath}.${labels.at(-1)}`,
    oldParentPath: labels.slice(0, -1).join('.'),
    newParentPath,
  });
}

/** Inserts an organisation under `parentPath` (a root when null): its path ends with its own new id. */
export async function insertOrg(
  tx: Tx,
  values: Omit<typeof organisations.$inferInsert, 'path'>,
  parentPath: string | null,
): Promise<OrgRow> {
  const [inserted] = await tx
    .insert(organisations)
    .values({ ...values, path: '0' })
    .returning({ id: organisations.id });
  const id = inserted!.id;
  const path = parentPath ? `${parentPath}.${id}` : String(id);
  const [row] = await tx.update(organisations).set({ path }).where(eq(organisations.id, id)).returning();
  return row!;
}

/** Saves changed fields if the row is still at `before.version` (optimistic lock); undefined when it is not. */
export async function saveOrgRow(
  tx: Tx,
  before: Pick<OrgRow, 'id' | 'version'>,
  set: Partial<typeof organisations.$inferInsert>,
): Promise<OrgRow | undefined> {
  const [row] = await tx
    .update(organisations)
    .set({ ...set, version: before.version + 1, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, before.id), eq(organisations.version, before.version)))
    .returning();
  return row;
}

/** Re-points a child at its new parent once `movePaths` has moved its subtree. */
export async function setParent(tx: Tx, id: number, parentId: number): Promise<void> {
  await tx.update(organisations).set({ parentId }).where(eq(organisations.id, id));
}

export async function insertEvent(tx: Tx, ev: typeof organisationEvents.$inferInsert): Promise<void> {
  await tx.insert(organisationEvents).values(ev);
}

export async function listEvents(db: Db, orgId: number): Promise<OrgEvent[]> {
  return rows<OrgEvent>(
    db,
    sql`SELECT e.id, e.type, to_char(e.effective_on, 'YYYY-MM-DD') AS "effectiveOn", e.data,
               u.username AS "actorUsername", to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
        FROM organisation_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.org_id = ${orgId} ORDER BY e.effective_on DESC, e.id DESC`,
  );
}

export async function adminUnitExists(db: Db | Tx, code: string): Promise<boolean> {
  const r = await rows(db, sql`SELECT 1 FROM admin_units WHERE code = ${code}`);
  return r.length > 0;
}

export async function codeTakenBy(db: Db | Tx, code: string): Promise<number | null> {
  const [r] = await rows<{ id: number }>(db, sql`SELECT id FROM organisations WHERE code = ${code}`);
  return r?.id ?? null;
}

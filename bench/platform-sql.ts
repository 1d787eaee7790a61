import type { SQL } from 'drizzle-orm';
import { type Db, rows, sql } from '../src/platform/db/database.ts';

/**
 * Copies of the platform's SQL text (src/modules/orgs/orgs.repo.ts: summaryColumns, summaryFrom,
 * searchOrgs, listChildren) with the scope condition written in. The bare server and the raw
 * measurements run exactly what the repository runs, so a gap between them is the platform's own cost.
 * If orgs.repo.ts changes its SQL, change it here too.
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

/** What `scopeSql` yields: `true` for a system admin, `o.path <@ $::ltree` for one granted subtree. */
const scopeCond = (scopePath: string | null) =>
  scopePath === null ? sql`true` : sql`o.path <@ ${scopePath}::ltree`;

function pageWhere(scopePath: string | null, underPath: string | null): SQL {
  const conds: SQL[] = [scopeCond(scopePath), sql`o.status = ${'active'}`];
  if (underPath) conds.push(sql`o.path <@ ${underPath}::ltree`);
  return sql.join(conds, sql` AND `);
}

/** searchOrgs' page query for scope, status 'active' and an optional `under` subtree. */
export function pageItemsSql(
  scopePath: string | null,
  underPath: string | null,
  page: number,
  pageSize: number,
): SQL {
  return sql`SELECT ${summaryColumns} ${summaryFrom} WHERE ${pageWhere(scopePath, underPath)}
          ORDER BY o.search_text, o.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
}

/**
 * searchOrgs as the service calls it for `GET /api/orgs?under=…&page=…`: the page and the total in
 * parallel. For the provincial admin `under` repeats the scope, as it does in the platform.
 */
export async function listPage(
  db: Db,
  scopePath: string | null,
  underPath: string | null,
  page: number,
  pageSize: number,
) {
  const [items, [count]] = await Promise.all([
    rows(db, pageItemsSql(scopePath, underPath, page, pageSize)),
    rows<{ total: number }>(
      db,
      sql`SELECT count(*)::int AS total FROM organisations o WHERE ${pageWhere(scopePath, underPath)}`,
    ),
  ]);
  return { items, total: count?.total ?? 0, page, pageSize };
}

/** listChildren, active children only (the endpoint's default). */
export function listChildren(db: Db, scopePath: string | null, parentId: number) {
  return rows(
    db,
    sql`SELECT ${summaryColumns} ${summaryFrom}
        WHERE o.parent_id = ${parentId} AND ${scopeCond(scopePath)} AND o.status = 'active'
        ORDER BY o.status = 'active' DESC, o.search_text, o.id`,
  );
}

export function countSubtree(db: Db, path: string) {
  return rows(db, sql`SELECT count(*)::int AS n FROM organisations WHERE path <@ ${path}::ltree`);
}

/** Bench-only: people (bench_people) in a subtree, through the organisations' paths. */
export function countPeople(db: Db, path: string) {
  return rows(
    db,
    sql`SELECT count(*)::int AS n FROM bench_people b JOIN organisations o ON o.id = b.org_id WHERE o.path <@ ${path}::ltree`,
  );
}

import type { SQL } from 'drizzle-orm';
import {
  listChildren as repoListChildren,
  searchOrgs,
  searchOrgsSql,
} from '../src/modules/orgs/orgs.repo.ts';
import { type Db, rows, sql } from '../src/platform/db/database.ts';
import type { Scope } from '../src/platform/scope.ts';

/**
 * The repository's own queries (src/modules/orgs/orgs.repo.ts) called with a hard-coded scope and no
 * session, CSRF, validation or serialisation: the bare server and the raw measurements run exactly the SQL
 * the platform runs, so a gap between them is the platform's own cost.
 */
/** What the scope mechanism yields: everything for a system admin, one subtree for a provincial admin. */
const scopeOf = (scopePath: string | null): Scope =>
  scopePath === null ? { all: true } : { all: false, paths: [scopePath] };

const filter = (underPath: string | null, page: number, pageSize: number) => ({
  status: 'active' as const,
  underPath: underPath ?? undefined,
  page,
  pageSize,
});

/** searchOrgs' page query for scope, status 'active' and an optional `under` subtree. */
export function pageItemsSql(
  scopePath: string | null,
  underPath: string | null,
  page: number,
  pageSize: number,
): SQL {
  return searchOrgsSql(scopeOf(scopePath), filter(underPath, page, pageSize)).page;
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
  const r = await searchOrgs(db, scopeOf(scopePath), filter(underPath, page, pageSize));
  return { ...r, page, pageSize };
}

/** listChildren, active children only (the endpoint's default). */
export function listChildren(db: Db, scopePath: string | null, parentId: number) {
  return repoListChildren(db, scopeOf(scopePath), parentId, false);
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

import { type SQL, sql } from 'drizzle-orm';
import type { Permission } from '../contracts/auth.ts';

/**
 * Scope: the organisation subtrees a user may touch. A role granted on a node holds for its whole
 * subtree; a system administrator's scope is everything. Every repository query that reads or writes
 * organisation-owned rows takes a Scope and filters with `scopeSql` — this file is the one place the
 * rule lives.
 */
export type Grant = {
  id: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  role: string;
  roleNameVi: string;
  roleNameEn: string;
  permissions: Permission[];
};

export type Actor = {
  userId: number;
  username: string;
  fullName: string;
  email: string | null;
  locale: 'vi' | 'en';
  grants: Grant[];
  isSystemAdmin: boolean;
  /** The person this account belongs to (users.person_id): their own pages (a volunteer's), not a scope. */
  personId?: number | null;
  via: 'session' | 'token';
  sessionIdHash?: string;
  csrfToken?: string;
};

export type Scope = { all: true } | { all: false; paths: string[] };

/** The subtrees in which the actor holds `permission` (any grant gives `org.read`). */
export function scopeOf(actor: Actor, permission: Permission = 'org.read'): Scope {
  if (actor.isSystemAdmin) return { all: true };
  const paths = actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.orgPath);
  return { all: false, paths: minimalCover(paths) };
}

/** Drops paths already inside another one: fewer array elements for the index to probe. */
export function minimalCover(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.split('.').length - b.split('.').length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isWithin(p, k))) kept.push(p);
  return kept;
}

/** `path` equals `ancestor` or lies below it (label-wise, as ltree's `<@`). */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function pathInScope(scope: Scope, path: string): boolean {
  return scope.all || scope.paths.some((p) => isWithin(path, p));
}

/** SQL condition: the row's ltree path lies in the scope. An empty scope matches nothing. */
export function scopeSql(scope: Scope, pathColumn: unknown): SQL {
  if (scope.all) return sql`true`;
  if (scope.paths.length === 0) return sql`false`;
  if (scope.paths.length === 1) return sql`${pathColumn} <@ ${scope.paths[0]}::ltree`;
  return sql`${pathColumn} <@ ${`{${scope.paths.join(',')}}`}::ltree[]`;
}

export function hasPermission(actor: Actor, permission: Permission, orgPath?: string): boolean {
  if (actor.isSystemAdmin) return true;
  return actor.grants.some(
    (g) => g.permissions.includes(permission) && (orgPath === undefined || isWithin(orgPath, g.orgPath)),
  );
}

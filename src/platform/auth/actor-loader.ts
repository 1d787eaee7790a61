import { sql } from 'drizzle-orm';
import type { Permission } from '../../contracts/auth.ts';
import { type Db, rows } from '../db/database.ts';
import type { Actor, Grant } from '../scope.ts';
import { sha256 } from './crypto.ts';

type ActorRow = {
  user_id: number;
  username: string;
  full_name: string;
  email: string | null;
  locale: 'vi' | 'en';
  person_id: number | null;
  grants: Grant[] | string;
};

// One round trip: the user and all their grants with the organisations' paths and the roles' permissions.
const actorColumns = sql`
  u.id AS user_id, u.username, u.full_name, u.email, u.locale, u.person_id,
  coalesce(
    (SELECT json_agg(json_build_object(
        'id', g.id, 'orgId', o.id, 'orgPath', o.path::text, 'orgName', o.name, 'role', r.key,
        'roleNameVi', r.name_vi, 'roleNameEn', r.name_en, 'permissions', r.permissions) ORDER BY g.id)
     FROM role_grants g JOIN organisations o ON o.id = g.org_id JOIN roles r ON r.key = g.role
     WHERE g.user_id = u.id),
    '[]'::json) AS grants`;

function toActor(row: ActorRow, via: Actor['via']): Actor {
  const grants = (typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants) as Grant[];
  return {
    userId: row.user_id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    locale: row.locale,
    grants,
    isSystemAdmin: grants.some((g) => g.permissions.includes('system.admin' as Permission)),
    personId: row.person_id,
    via,
  };
}

export async function loadActorById(db: Db, userId: number): Promise<Actor | null> {
  const [row] = await rows<ActorRow>(
    db,
    sql`SELECT ${actorColumns} FROM users u WHERE u.id = ${userId} AND u.is_active`,
  );
  return row ? toActor(row, 'session') : null;
}

type SessionRow = ActorRow & { id_hash: string; csrf_token: string; last_seen_at: Date | string };

export async function loadActorBySession(
  db: Db,
  cookieValue: string,
  now: Date,
): Promise<{ actor: Actor; lastSeenAt: Date } | null> {
  const idHash = sha256(cookieValue);
  const [row] = await rows<SessionRow>(
    db,
    sql`SELECT s.id_hash, s.csrf_token, s.last_seen_at, ${actorColumns}
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = ${idHash} AND s.expires_at > ${now.toISOString()}::timestamptz AND u.is_active`,
  );
  if (!row) return null;
  const actor = toActor(row, 'session');
  actor.sessionIdHash = row.id_hash;
  actor.csrfToken = row.csrf_token;
  return { actor, lastSeenAt: new Date(row.last_seen_at) };
}

type TokenRow = ActorRow & { token_id: number; last_used_at: Date | string | null };

export async function loadActorByToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; tokenId: number; lastUsedAt: Date | null } | null> {
  const [row] = await rows<TokenRow>(
    db,
    sql`SELECT t.id AS token_id, t.last_used_at, ${actorColumns}
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ${sha256(token)} AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > ${now.toISOString()}::timestamptz) AND u.is_active`,
  );
  if (!row) return null;
  return {
    actor: toActor(row, 'token'),
    tokenId: row.token_id,
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
  };
}

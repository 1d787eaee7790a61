import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadActorBySession, loadActorByToken } from '../auth/actor-loader.ts';
import { safeEqual } from '../auth/crypto.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Ctx, RequestMeta } from '../context.ts';
import type { Db } from '../db/database.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../scope.ts';

export const SESSION_COOKIE = 'ct_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** A route is public exactly when its OpenAPI schema says `security: []` — one source of truth. */
export function isPublicRoute(req: FastifyRequest): boolean {
  const schema = req.routeOptions.schema as { security?: unknown[] } | undefined;
  if (Array.isArray(schema?.security) && schema.security.length === 0) return true;
  return req.routeOptions.url?.startsWith('/api/docs') ?? false;
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
}

/**
 * Authentication for every /api route: a Bearer API token or the session cookie. Cookie-authenticated
 * writes must carry the session's CSRF token in `x-csrf-token`. Runs before validation, so an anonymous
 * caller gets 401 whatever it sent.
 */
export function installAuthentication(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; config: Config },
): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.url?.startsWith('/api') || isPublicRoute(req)) return;
    const now = deps.clock.now();
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const found = await loadActorByToken(deps.db, auth.slice(7).trim(), now);
      if (!found) throw errors.unauthenticated('Khoá API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
      req.actor = found.actor;
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
        await deps.db.execute(
          sql`UPDATE api_tokens SET last_used_at = ${now.toISOString()}::timestamptz WHERE id = ${found.tokenId}`,
        );
      }
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    const found = cookie ? await loadActorBySession(deps.db, cookie, now) : null;
    if (!found) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, found.actor.csrfToken ?? '')) {
        throw errors.forbidden('Thiếu hoặc sai mã CSRF (x-csrf-token).');
      }
    }
    req.actor = found.actor;
    // Sliding expiry, written at most every few minutes so reads stay reads.
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      const expires = new Date(now.getTime() + deps.config.sessionTtlMs).toISOString();
      await deps.db.execute(
        sql`UPDATE sessions SET last_seen_at = ${now.toISOString()}::timestamptz, expires_at = ${expires}::timestamptz
            WHERE id_hash = ${found.actor.sessionIdHash!}`,
      );
    }
  });
}

/** The service context of an authenticated request (the hook guarantees the actor on non-public routes). */
export function ctxOf(req: FastifyRequest, deps: { db: Db; clock: Clock }): Ctx {
  if (!req.actor) throw errors.unauthenticated();
  return { db: deps.db, clock: deps.clock, actor: req.actor, meta: requestMeta(req) };
}

import type { z } from 'zod';
import type { changePasswordBody, createTokenBody, Me, updateMeBody } from '../../contracts/auth.ts';
import { recordAudit } from '../../platform/audit.ts';
import { loadActorById } from '../../platform/auth/actor-loader.ts';
import {
  dummyPasswordHash,
  hashPassword,
  randomToken,
  sha256,
  verifyPassword,
} from '../../platform/auth/crypto.ts';
import type { Ctx, SystemCtx } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/scope.ts';
import * as repo from './auth.repo.ts';

export const LOCKOUT = { maxFailures: 5, minutes: 15 };

const invalidCredentials = () =>
  new AppError({
    code: 'auth.invalid_credentials',
    status: 401,
    message: 'Sai tên đăng nhập hoặc mật khẩu.',
  });
const locked = (until: Date) =>
  new AppError({
    code: 'auth.locked',
    status: 423,
    message: `Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ${until.toISOString()}.`,
    details: { lockedUntil: until.toISOString() },
  });

/**
 * Checks the password, counts failures (5 in a row lock the account for 15 minutes) and opens a
 * server-side session. Returns the cookie value; only its hash is stored.
 */
export async function login(
  ctx: SystemCtx & { sessionTtlMs: number },
  input: { username: string; password: string },
): Promise<{ cookie: string; actor: Actor; expiresAt: Date }> {
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, input.username.toLowerCase());
  if (!user?.isActive) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(
      ctx.db,
      { actor: null, meta: ctx.meta },
      {
        action: 'login_failed',
        entityType: 'session',
        entityId: null,
        after: { username: input.username },
      },
    );
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);
  const who = { actor: { userId: user.id, username: user.username }, meta: ctx.meta };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lockUntil =
      failures >= LOCKOUT.maxFailures ? new Date(now.getTime() + LOCKOUT.minutes * 60_000) : null;
    await ctx.db.transaction(async (tx) => {
      await repo.setLoginFailures(tx, user.id, lockUntil ? 0 : failures, lockUntil);
      await recordAudit(tx, who, {
        action: lockUntil ? 'locked' : 'login_failed',
        entityType: 'session',
        entityId: null,
        after: { failures, lockedUntil: lockUntil?.toISOString() ?? null },
      });
    });
    if (lockUntil) throw locked(lockUntil);
    throw invalidCredentials();
  }
  const cookie = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ctx.sessionTtlMs);
  await ctx.db.transaction(async (tx) => {
    await repo.openSession(tx, {
      idHash: sha256(cookie),
      userId: user.id,
      csrfToken,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent?.slice(0, 300),
      expiresAt,
      lastSeenAt: now,
      createdAt: now,
    });
    await recordAudit(tx, who, { action: 'login', entityType: 'session', entityId: null });
  });
  const actor = (await loadActorById(ctx.db, user.id))!;
  actor.csrfToken = csrfToken;
  return { cookie, actor, expiresAt };
}

export async function logout(ctx: Ctx): Promise<void> {
  if (!ctx.actor.sessionIdHash) return;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, ctx.actor.sessionIdHash!);
    await recordAudit(tx, ctx, { action: 'logout', entityType: 'session', entityId: null });
  });
}

export function meView(actor: Actor): Me {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      fullName: actor.fullName,
      email: actor.email,
      locale: actor.locale,
      personId: actor.personId ?? null,
    },
    grants: actor.grants.map((g) => ({
      id: g.id,
      orgId: g.orgId,
      orgName: g.orgName,
      role: g.role,
      roleName: actor.locale === 'en' ? g.roleNameEn : g.roleNameVi,
    })),
    permissions: [...new Set(actor.grants.flatMap((g) => g.permissions))].sort(),
    isSystemAdmin: actor.isSystemAdmin,
    csrfToken: actor.csrfToken ?? '',
  };
}

export async function updateMe(ctx: Ctx, input: z.output<typeof updateMeBody>): Promise<Me> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, ctx.actor.userId);
    await repo.updateUser(tx, ctx.actor.userId, input);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: { locale: before?.locale, fullName: before?.fullName },
      after: input,
    });
  });
  const actor = (await loadActorById(ctx.db, ctx.actor.userId))!;
  actor.csrfToken = ctx.actor.csrfToken;
  return meView(actor);
}

export async function changePassword(ctx: Ctx, input: z.output<typeof changePasswordBody>): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw errors.validation([{ path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    // Other sessions end: a changed password must lock out whoever knew the old one.
    await repo.setPassword(tx, user.id, passwordHash, ctx.actor.sessionIdHash ?? '');
    await recordAudit(tx, ctx, { action: 'change_password', entityType: 'user', entityId: user.id });
  });
}

const tokenView = (t: repo.ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listTokens(ctx: Ctx) {
  const list = await repo.listOwnTokens(ctx.db, ctx.actor.userId);
  return list.map(tokenView);
}

export async function createToken(ctx: Ctx, input: z.output<typeof createTokenBody>) {
  const token = `ct_${randomToken(30)}`;
  const now = ctx.clock.now();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const t = await repo.insertToken(tx, {
      userId: ctx.actor.userId,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'api_token',
      entityId: t.id,
      after: tokenView(t),
    });
    return t;
  });
  return { ...tokenView(row), token };
}

export async function revokeToken(ctx: Ctx, id: number) {
  await ctx.db.transaction(async (tx) => {
    const t = await repo.revokeOwnToken(tx, ctx.actor.userId, id, ctx.clock.now());
    if (!t) throw errors.notFound('api_tokens', 'Không tìm thấy khoá API.');
    await recordAudit(tx, ctx, { action: 'revoke', entityType: 'api_token', entityId: id });
  });
}

import type { z } from 'zod';
import type { accountBody } from '../../../contracts/volunteers/self.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { hashPassword } from '../../../platform/auth/crypto.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, scopeOf } from '../../../platform/scope.ts';
import { createPersonAccount } from '../../users/index.ts';
import * as repo from './account.repo.ts';
import { suggestUsername, temporaryPassword } from './account.rules.ts';
import { selfErrors } from './self.errors.ts';

/**
 * A sign-in for a volunteer: a user linked to their person, with no grant (their own pages only), and a one-time
 * password the officer hands over. The password is answered once; only its hash is kept.
 */
export async function createVolunteerAccount(
  ctx: Ctx,
  profileId: number,
  body: z.output<typeof accountBody>,
) {
  const profile = await repo.profileForAccount(ctx.db, scopeOf(ctx.actor), profileId);
  if (!profile) throw selfErrors['profile.not_found']();
  if (!hasPermission(ctx.actor, 'volunteer.manage', profile.orgPath)) throw errors.forbidden();
  if (profile.accountUsername) throw selfErrors.account_exists({ username: profile.accountUsername });
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const user = await ctx.db.transaction(async (tx) => {
    const created = await createPersonAccount(tx, {
      username: body.username ?? suggestUsername(profile.fullName, profile.phone),
      exact: body.username !== undefined,
      fullName: profile.fullName,
      email: profile.email,
      personId: profile.personId,
      passwordHash,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: created.id,
      entityLabel: created.username,
      orgId: profile.orgId,
      orgPath: profile.orgPath,
      after: {
        username: created.username,
        fullName: profile.fullName,
        personId: profile.personId,
        profileId,
      },
    });
    return created;
  });
  return { userId: user.id, username: user.username, temporaryPassword: password };
}

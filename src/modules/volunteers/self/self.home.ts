import type { Ctx } from '../../../platform/context.ts';
import { HOME_ITEMS, type HomeSource } from '../../../platform/home.ts';
import { scopeOf } from '../../../platform/scope.ts';
import * as repo from './signup.repo.ts';

/**
 * "Đăng ký tình nguyện chờ duyệt": for whoever keeps volunteers (volunteer.manage) where sign-ups come in — an
 * institution with a sign-up link or an application; a federation's administrator, who holds the permission
 * but shares no link, sees no block. The oldest first.
 */
export const selfHomeBlocks: HomeSource[] = [
  {
    key: 'volunteers.applications_pending',
    async load(ctx: Ctx) {
      const scope = scopeOf(ctx.actor, 'volunteer.manage');
      if (!scope.all && scope.paths.length === 0) return null;
      const got = await repo.pendingApplications(ctx.db, scope, HOME_ITEMS);
      if (got.total === 0 && !(await repo.hasSignupLinks(ctx.db, scope))) return null;
      return {
        count: got.total,
        urgent: null,
        link: '/volunteers/applications',
        items: got.items.map((a) => ({
          title: a.fullName,
          detail: a.orgName,
          period: null,
          date: a.createdAt,
          link: '/volunteers/applications',
        })),
      };
    },
  },
];

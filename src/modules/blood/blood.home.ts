import { bloodGroupLabel } from '../../contracts/blood/common.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { HOME_ITEMS, type HomeSource } from '../../platform/home.ts';
import { scopeOf } from '../../platform/scope.ts';
import { listCallouts, myCallouts } from './clubs/callouts.repo.ts';
import { addDays } from './donors/eligibility.rules.ts';
import { listDrives } from './drives/drives.repo.ts';
import { ownBookings, personOfUser } from './self/self.repo.ts';

const LIVE_BOOKINGS = ['booked', 'checked_in', 'screened'];

/**
 * The blood module's blocks of the home page, each for the role that acts on it:
 * - "Điểm hiến máu cần làm" (blood.manage: organisers, desks): drives of the next 7 days still to run, with their
 *   fill; today's lead to the check-in desk, and a drive whose day has passed but is still open is urgent (close it
 *   and file its report). No drive to run, no block.
 * - "Yêu cầu máu hiếm đang mở" (the requester's call-outs): replies so far against the units asked.
 * - "Hiến máu của tôi" (a donor's own account): the bookings to come and the call-outs waiting for an answer.
 */
export const bloodHomeBlocks: HomeSource[] = [
  {
    key: 'blood.drives_to_run',
    async load(ctx: Ctx) {
      const scope = scopeOf(ctx.actor, 'blood.manage');
      if (!scope.all && scope.paths.length === 0) return null;
      const today = vnToday(ctx.clock);
      const list = (await listDrives(ctx.db, scope, { from: addDays(today, -30), to: addDays(today, 7) }))
        .filter((d) => d.status === 'open' || d.status === 'planned')
        .sort((a, b) => a.driveDate.localeCompare(b.driveDate) || a.id - b.id);
      // Nothing to run: no block (a federation's administrator holds blood.manage without organising drives).
      if (list.length === 0) return null;
      return {
        count: list.length,
        urgent: list.filter((d) => d.driveDate < today).length || null,
        link: '/blood/drives',
        items: list.slice(0, HOME_ITEMS).map((d) => ({
          title: d.title,
          detail: `${d.site} · ${d.booked}/${d.capacity}`,
          period: null,
          date: d.driveDate,
          link:
            d.driveDate === today && d.status === 'open'
              ? `/blood/drives/${d.id}/desk`
              : `/blood/drives/${d.id}`,
        })),
      };
    },
  },
  {
    key: 'blood.callouts_open',
    async load(ctx: Ctx) {
      const scope = scopeOf(ctx.actor, 'blood.manage');
      if (!scope.all && scope.paths.length === 0) return null;
      const open = (await listCallouts(ctx.db, scope)).filter((c) => c.status === 'open');
      if (open.length === 0) return null;
      open.sort((a, b) => a.neededBy.localeCompare(b.neededBy));
      return {
        count: open.length,
        urgent: null,
        link: '/blood/callouts',
        items: open.slice(0, HOME_ITEMS).map((c) => ({
          title: `${bloodGroupLabel(c.abo, c.rh)} · ${c.place}`,
          detail: `${c.accepted}/${c.units}`,
          period: null,
          date: c.neededBy,
          link: '/blood/callouts',
        })),
      };
    },
  },
  {
    key: 'blood.my_donation',
    async load(ctx: Ctx) {
      if (!ctx.actor) return null;
      const me = await personOfUser(ctx.db, ctx.actor.userId);
      if (!me) return null;
      const today = vnToday(ctx.clock);
      const now = ctx.clock.now();
      const [bookings, callouts] = await Promise.all([
        ownBookings(ctx.db, me.personId),
        myCallouts(ctx.db, me.personId, now),
      ]);
      const coming = bookings
        .filter((b) => LIVE_BOOKINGS.includes(b.status) && b.driveDate >= today)
        .sort((a, b) => a.driveDate.localeCompare(b.driveDate));
      const asked = callouts.filter((c) => c.calloutStatus === 'open' && c.reply === 'notified' && !c.past);
      // Only for a donor: an account whose person has never booked nor been asked has no such block.
      if (bookings.length === 0 && callouts.length === 0) return null;
      const items = [
        ...asked.map((c) => ({
          title: `${bloodGroupLabel(c.abo, c.rh)} · ${c.place}`,
          detail: c.requesterName,
          period: null,
          date: c.neededBy,
          link: '/me/blood',
        })),
        ...coming.map((b) => ({
          title: b.driveTitle,
          detail: b.site,
          period: null,
          date: b.slotStartsAt ?? b.driveDate,
          link: '/me/blood',
        })),
      ];
      return {
        count: items.length,
        urgent: asked.length || null,
        link: '/me/blood',
        items: items.slice(0, HOME_ITEMS),
      };
    },
  },
];

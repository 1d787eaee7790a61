import { vnDay } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { HOME_ITEMS, type HomeSource } from '../../../platform/home.ts';
import { type Scope, scopeOf } from '../../../platform/scope.ts';
import * as repo from './home.repo.ts';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const hasAny = (s: Scope) => s.all || s.paths.length > 0;
const none: Scope = { all: false, paths: [] };

/**
 * Where the caller runs training (training.manage over a body that receives requests, runs classes or keeps
 * trainers): a federation's administrator holds the permission but trains nobody, and sees no training block.
 */
async function providerSide(ctx: Ctx): Promise<Scope> {
  const scope = scopeOf(ctx.actor, 'training.manage');
  return hasAny(scope) && (await repo.isTrainingProvider(ctx.db, scope)) ? scope : none;
}

/**
 * The caller's sides in training: the provider side; the enterprise side where it reports for an organisation
 * that has asked for training (a union clerk who never did sees no training block).
 */
async function sidesOf(ctx: Ctx): Promise<repo.Sides | null> {
  const provider = await providerSide(ctx);
  const writes = scopeOf(ctx.actor, 'report.write');
  const customer =
    !provider.all && hasAny(writes) && (await repo.isTrainingCustomer(ctx.db, writes)) ? writes : none;
  return hasAny(provider) || hasAny(customer) ? { provider, customer } : null;
}

/** Monday to next Monday of the Vietnamese week of `day`, as instants at Vietnamese midnight. */
function weekOf(day: string) {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(day, -weekday);
  return { from: `${monday}T00:00:00+07:00`, to: `${addDays(monday, 7)}T00:00:00+07:00` };
}

export const trainingHomeBlocks: HomeSource[] = [
  {
    key: 'training.requests_pending',
    async load(ctx) {
      const provider = await providerSide(ctx);
      if (!hasAny(provider)) return null;
      const got = await repo.pendingRequests(ctx.db, provider, HOME_ITEMS);
      return {
        count: got.total,
        urgent: null,
        link: '/training/requests',
        items: got.items.map((r) => ({
          title: r.requesterName,
          detail: `${r.courseName} · ${r.learners}`,
          period: null,
          date: new Date(r.createdAt).toISOString(),
          link: `/training/requests/${r.id}`,
        })),
      };
    },
  },
  {
    key: 'training.classes_this_week',
    async load(ctx) {
      const sides = await sidesOf(ctx);
      if (!sides) return null;
      const { from, to } = weekOf(vnDay(ctx.clock.now()));
      const got = await repo.classesBetween(ctx.db, sides, from, to, HOME_ITEMS);
      return {
        count: got.total,
        urgent: null,
        link: '/training/classes',
        items: got.items.map((c) => ({
          title: `${c.code} — ${c.title}`,
          detail: c.venue,
          period: null,
          date: new Date(c.startsAt).toISOString(),
          link: `/training/classes/${c.id}`,
        })),
      };
    },
  },
  {
    key: 'training.certificates_expiring',
    async load(ctx) {
      const sides = await sidesOf(ctx);
      if (!sides) return null;
      const today = vnDay(ctx.clock.now());
      const got = await repo.expiringCertificates(
        ctx.db,
        sides,
        today,
        addDays(today, 90),
        addDays(today, 60),
        HOME_ITEMS,
      );
      return {
        count: got.total,
        urgent: got.soon,
        link: '/training/compliance',
        items: got.items.map((c) => ({
          title: c.personName,
          detail: `${c.courseName} · ${c.number}`,
          period: null,
          date: c.validUntil,
          link: '/training/certificates',
        })),
      };
    },
  },
];

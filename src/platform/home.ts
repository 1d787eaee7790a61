import type { Ctx } from './context.ts';

/** One line of a home block: what to act on, and where to act on it. */
export type HomeItem = {
  title: string;
  detail: string | null;
  /** A reporting period key ("2026-Q2"), shown in the reader's language. */
  period: string | null;
  /** An ISO day or instant the line is about (due, submitted, starts, expires). */
  date: string | null;
  link: string;
};

/** What a home block answers: how many things wait, the first few of them, and the page with all of them. */
export type HomeBlockData = {
  count: number;
  /** Of `count`, how many are urgent (e.g. certificates expiring within 60 days of the 90 counted). */
  urgent: number | null;
  link: string;
  items: HomeItem[];
};

/**
 * A block of the home page a module owns (a manifest's `homeBlocks`): `load` answers null when the caller's
 * permissions give it nothing to act on there, so the page shows each role only its own work.
 */
export type HomeSource = { key: string; load: (ctx: Ctx) => Promise<HomeBlockData | null> };

/** How many lines a block carries; its count says how many there are in all. */
export const HOME_ITEMS = 5;

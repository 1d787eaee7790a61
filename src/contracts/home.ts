import { z } from 'zod';

/** The home page: one block per thing the caller acts on, as the modules' home sources answer them. */
export const homeItem = z.object({
  title: z.string(),
  detail: z.string().nullable(),
  period: z.string().nullable(),
  date: z.string().nullable(),
  link: z.string(),
});
export const homeBlock = z.object({
  /** The source's key ("plans.reports_to_review"): the web titles the block with `home.blocks.<key>`. */
  key: z.string(),
  count: z.number().int(),
  urgent: z.number().int().nullable(),
  link: z.string(),
  items: z.array(homeItem),
});
export const homeSummary = z.object({ blocks: z.array(homeBlock) });
export type HomeBlock = z.infer<typeof homeBlock>;
export type HomeSummary = z.infer<typeof homeSummary>;

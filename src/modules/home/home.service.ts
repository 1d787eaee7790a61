import type { HomeSummary } from '../../contracts/home.ts';
import type { Ctx } from '../../platform/context.ts';
import { installedModules } from '../../platform/modules.ts';

/**
 * The caller's home page: every installed module's home blocks, in the list's order, keeping those that
 * answer something for this caller (a block a role cannot act on answers null and is left out).
 */
export async function homeSummary(ctx: Ctx): Promise<HomeSummary> {
  const sources = installedModules().flatMap((m) => m.homeBlocks ?? []);
  const blocks = [];
  // One after another: on the embedded database queries run one at a time anyway.
  for (const s of sources) {
    const data = await s.load(ctx);
    if (data) blocks.push({ key: s.key, ...data });
  }
  return { blocks };
}

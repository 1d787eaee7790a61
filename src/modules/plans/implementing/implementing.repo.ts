import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.ts';
import { organisations } from '../../orgs/index.ts';

/**
 * The active direct units of the organisation that implements a plan: its implementing plan's reporters.
 * Read without the caller's scope on purpose: the caller manages plans at that organisation (checked before),
 * so its units are in that scope anyway.
 */
export async function activeUnitsOf(tx: Tx, orgId: number) {
  return tx
    .select({ id: organisations.id, path: organisations.path })
    .from(organisations)
    .where(and(eq(organisations.parentId, orgId), eq(organisations.status, 'active')));
}

/** The targets the parent plan assigned to the recipient become the implementing plan's own (same codes). */
export async function inheritTargets(
  tx: Tx,
  p: { parentId: number; planId: number; orgId: number; by: number },
) {
  await tx.execute(sql`
      INSERT INTO plan_targets (indicator_id, org_id, period_key, value, set_by)
      SELECT ni.id, ${p.orgId}, t.period_key, t.value, ${p.by}
      FROM plan_targets t
      JOIN plan_indicators pi ON pi.id = t.indicator_id AND pi.plan_id = ${p.parentId}
      JOIN plan_indicators ni ON ni.plan_id = ${p.planId} AND ni.code = pi.code
      WHERE t.org_id = ${p.orgId}`);
}

import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { BloodRuleSet } from '../donors/eligibility.rules.ts';

/**
 * The eligibility limits in force on `day` (blood_rules where effective_from <= day < effective_to). A local copy
 * of donors/eligibility.repo.ts's read (helper BA owns that one): the lead unifies them on merge.
 */
export async function bloodRulesOn(db: Db | Tx, day: string): Promise<BloodRuleSet> {
  const list = await rows<{ key: string; value: string | number }>(
    db,
    sql`SELECT DISTINCT ON (key) key, value FROM blood_rules
        WHERE effective_from <= ${day}::date AND (effective_to IS NULL OR effective_to > ${day}::date)
        ORDER BY key, effective_from DESC`,
  );
  return Object.fromEntries(list.map((r) => [r.key, Number(r.value)]));
}

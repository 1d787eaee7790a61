import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { BloodRuleSet, DonorFacts } from '../donors/eligibility.rules.ts';

/**
 * A LOCAL read of what eligibility.rules.ts needs — the rules in force on a day and a donor's facts — written by
 * the drives helper before donors/eligibility.repo.ts (helper BA) landed. The lead unifies the two: this file
 * then re-exports BA's functions.
 */

/** `blood_rules` in force on `day` (effective_from <= day and (effective_to is null or > day)), by key. */
export async function rulesInForce(db: Db | Tx, day: string): Promise<BloodRuleSet> {
  const got = await rows<{ key: string; value: string }>(
    db,
    sql`SELECT DISTINCT ON (key) key, value::text AS value FROM blood_rules
        WHERE effective_from <= ${day}::date AND (effective_to IS NULL OR effective_to > ${day}::date)
        ORDER BY key, effective_from DESC`,
  );
  return Object.fromEntries(got.map((r) => [r.key, Number(r.value)]));
}

/** A donor's facts: birth date and sex (people), the last recorded weight (profile), every attempt (donations). */
export async function donorFacts(db: Db | Tx, personId: number): Promise<DonorFacts> {
  const [row] = await rows<Omit<DonorFacts, 'history'> & { history: DonorFacts['history'] }>(
    db,
    sql`SELECT p.birth_date::text AS "birthDate", p.sex,
          (SELECT dp.weight_kg::float8 FROM donor_profiles dp WHERE dp.person_id = p.id) AS "weightKg",
          coalesce((SELECT json_agg(json_build_object('donatedOn', d.donated_on::text, 'kind', d.kind,
                      'outcome', d.outcome, 'deferralUntil', d.deferral_until::text,
                      'deferralPermanent', d.deferral_permanent, 'deferralReason', d.deferral_reason)
                      ORDER BY d.donated_on)
                    FROM blood_donations d WHERE d.person_id = p.id), '[]'::json) AS history
        FROM people p WHERE p.id = ${personId}`,
  );
  return row ?? { birthDate: null, sex: null, weightKg: null, history: [] };
}

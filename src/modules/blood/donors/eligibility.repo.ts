import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { BloodRuleSet, DonorFacts } from './eligibility.rules.ts';

/**
 * THE reads eligibility needs (the one place other sub-features take them from): the rules in force on a day and
 * a donor's facts. No cache: a rule row added today applies to tomorrow's checks at once.
 */

/** The `blood_rules` in force on `day` (effective_from <= day < effective_to), by key, in one read. */
export async function rulesOn(db: Db | Tx, day: string): Promise<BloodRuleSet> {
  const got = await rows<{ key: string; value: number }>(
    db,
    sql`SELECT DISTINCT ON (key) key, value::float8 AS value FROM blood_rules
        WHERE effective_from <= ${day}::date AND (effective_to IS NULL OR effective_to > ${day}::date)
        ORDER BY key, effective_from DESC`,
  );
  return Object.fromEntries(got.map((r) => [r.key, Number(r.value)]));
}

/**
 * What the rules read of a person: birth date and sex (the registry), weight (the donor profile) and every
 * earlier attempt. Only attempts up to `beforeDay` count when given (recording a past donation judges it by
 * what came before it). Null when the person has no row.
 */
export async function donorFacts(
  db: Db | Tx,
  personId: number,
  beforeDay?: string,
): Promise<DonorFacts | null> {
  const [row] = await rows<DonorFacts>(
    db,
    sql`SELECT p.birth_date::text AS "birthDate", p.sex, dp.weight_kg::float8 AS "weightKg",
          coalesce((SELECT json_agg(json_build_object('donatedOn', d.donated_on::text, 'kind', d.kind,
                      'outcome', d.outcome, 'deferralUntil', d.deferral_until::text,
                      'deferralPermanent', d.deferral_permanent, 'deferralReason', d.deferral_reason)
                      ORDER BY d.donated_on DESC, d.id DESC)
                    FROM blood_donations d WHERE d.person_id = p.id
                      ${beforeDay ? sql`AND d.donated_on <= ${beforeDay}::date` : sql``}), '[]'::json) AS history
        FROM people p LEFT JOIN donor_profiles dp ON dp.person_id = p.id
        WHERE p.id = ${personId}`,
  );
  if (!row) return null;
  return { ...row, weightKg: row.weightKg === null ? null : Number(row.weightKg) };
}

/** A person's facts, or none known (no such person: the rules then refuse for want of a birth date and a weight). */
export async function factsOf(db: Db | Tx, personId: number, beforeDay?: string): Promise<DonorFacts> {
  return (
    (await donorFacts(db, personId, beforeDay)) ?? { birthDate: null, sex: null, weightKg: null, history: [] }
  );
}

import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { BloodRuleSet, DonorFacts } from './eligibility.rules.ts';

/**
 * THE reads eligibility needs (the one place other sub-features take them from): the rules in force on a day and
 * a donor's facts. No cache: a rule row added today applies to tomorrow's checks at once. Where a request needs
 * both, `factsAndRulesOn` (or a donor read with `recentAttemptsSql` and `rulesJsonSql`) takes them in one round
 * trip.
 */

/** A day as SQL: an ISO date given, or SQL of one (a drive's day read in the same statement). */
export type Day = string | SQL;
const dateSql = (day: Day) => (typeof day === 'string' ? sql`${day}::date` : day);

const rulesInForce = (day: Day) => sql`
  SELECT DISTINCT ON (key) key, value::float8 AS value FROM blood_rules
  WHERE effective_from <= ${dateSql(day)} AND (effective_to IS NULL OR effective_to > ${dateSql(day)})
  ORDER BY key, effective_from DESC`;

/** The `blood_rules` in force on `day` (effective_from <= day < effective_to), by key, in one read. */
export async function rulesOn(db: Db | Tx, day: string): Promise<BloodRuleSet> {
  const got = await rows<{ key: string; value: number }>(db, rulesInForce(day));
  return Object.fromEntries(got.map((r) => [r.key, Number(r.value)]));
}

/** The same rules as one JSON object ({key: value}), to read them inside another statement. */
export const rulesJsonSql = (day: Day): SQL =>
  sql`(SELECT coalesce(json_object_agg(r.key, r.value), '{}'::json) FROM (${rulesInForce(day)}) r)`;

const attempt = (d: string) =>
  sql.raw(`json_build_object('donatedOn', ${d}.donated_on::text, 'kind', ${d}.kind, 'outcome', ${d}.outcome,
    'deferralUntil', ${d}.deferral_until::text, 'deferralPermanent', ${d}.deferral_permanent,
    'deferralReason', ${d}.deferral_reason)`);

/**
 * The part of a person's past that eligibility on `day` reads, as a JSON array of `DonorFacts['history']`: the
 * last attempt that took blood (its day and kind set the interval) and the deferrals still running on `day`
 * (permanent, or ending after it). Older attempts change no answer of `eligibility()`, so they are not read.
 */
export const recentAttemptsSql = (
  person: SQL,
  day: Day,
): SQL => sql`coalesce((SELECT json_agg(${attempt('r')})
  FROM ((SELECT * FROM blood_donations d WHERE d.person_id = ${person} AND d.outcome <> 'deferred'
         ORDER BY d.donated_on DESC, d.id DESC LIMIT 1)
        UNION ALL
        (SELECT * FROM blood_donations d WHERE d.person_id = ${person} AND d.outcome = 'deferred'
           AND (d.deferral_permanent OR d.deferral_until > ${dateSql(day)}))) r), '[]'::json)`;

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
          coalesce((SELECT json_agg(${attempt('d')} ORDER BY d.donated_on DESC, d.id DESC)
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

/**
 * What `eligibility(facts, rules, day)` needs for a person on `day`, as one row: birthDate, sex, weightKg, history
 * (the recent attempts only, `recentAttemptsSql`) and rules (in force on `day`). A person without a row has no
 * facts (refused for want of a birth date and a weight), as with `factsOf`. To read with other things of a
 * request in one statement (a booking's checks).
 */
export const factsAndRulesSql = (personId: number, day: Day): SQL => sql`
  SELECT p.birth_date::text AS "birthDate", p.sex, dp.weight_kg::float8 AS "weightKg",
         ${recentAttemptsSql(sql`p.id`, day)} AS history, r.rules
  FROM (SELECT ${rulesJsonSql(day)} AS rules) r
  LEFT JOIN people p ON p.id = ${personId} LEFT JOIN donor_profiles dp ON dp.person_id = p.id`;

type FactsAndRulesRow = DonorFacts & { rules: BloodRuleSet | null };

/** A `factsAndRulesSql` row as `eligibility()` takes it. */
export function factsAndRules(row: FactsAndRulesRow): { facts: DonorFacts; rules: BloodRuleSet } {
  const { rules, birthDate, sex, weightKg, history } = row;
  return {
    rules: rules ?? {},
    facts: { birthDate, sex, weightKg: weightKg === null ? null : Number(weightKg), history },
  };
}

/** `factsAndRulesSql` alone. */
export async function factsAndRulesOn(db: Db | Tx, personId: number, day: string) {
  const [row] = await rows<FactsAndRulesRow>(db, factsAndRulesSql(personId, day));
  return factsAndRules(row!);
}

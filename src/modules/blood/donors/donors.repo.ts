import { type SQL, sql } from 'drizzle-orm';
import { type Db, fetchPage, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch, vietnameseNameOrderSql } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { recentAttemptsSql, rulesJsonSql } from './eligibility.repo.ts';
import type { BloodRuleSet, DonorFacts } from './eligibility.rules.ts';

/**
 * SQL of donor profiles. A donor is visible through an active `person_links` row with purpose 'blood' kept in
 * the caller's scope (`donorVisibleSql`): a union sees the donors it keeps, not every person it keeps.
 */

const activeLink = sql`(l.until IS NULL OR l.until >= current_date)`;

export function donorVisibleSql(scope: Scope, person: SQL = sql`p.id`): SQL {
  return sql`EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = ${person} AND l.purpose = 'blood'
                       AND ${activeLink} ${scope.all ? sql`` : sql`AND ${scopeSql(scope, sql`l.org_path`)}`})`;
}

export type DonorKeeper = { orgId: number; orgName: string; orgPath: string };

export type DonorRow = {
  id: number;
  personId: number;
  donorNo: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  phone: string | null;
  abo: 'O' | 'A' | 'B' | 'AB' | null;
  rh: 'pos' | 'neg' | null;
  groupConfirmedBy: string | null;
  groupConfirmedOn: string | null;
  rareFlags: string[];
  weightKg: number | null;
  weightOn: string | null;
  memberOfOrgId: number | null;
  memberOfName: string | null;
  memberOfPath: string | null;
  homeProvinceCode: string | null;
  preferredContact: 'sms' | 'phone' | 'email' | 'app' | 'none';
  consentContact: boolean;
  consentHealthAt: string | null;
  version: number;
  /** Keepers with purpose 'blood' (active links, oldest first): rights are by any of them. */
  keepers: DonorKeeper[];
  donationCount: number;
  lastDonatedOn: string | null;
  /** What eligibility reads of the past: the last attempt that took blood and the deferrals still running. */
  recent: DonorFacts['history'];
};

const keepersSql = sql`coalesce((SELECT json_agg(json_build_object('orgId', l.org_id, 'orgName', ko.name,
                                                   'orgPath', l.org_path::text) ORDER BY l.id)
            FROM person_links l JOIN organisations ko ON ko.id = l.org_id
            WHERE l.person_id = p.id AND l.purpose = 'blood' AND ${activeLink}), '[]'::json)`;

const columns = (today: string) => sql`
  dp.id, dp.person_id AS "personId", dp.donor_no AS "donorNo", p.full_name AS "fullName",
  p.birth_date::text AS "birthDate", p.sex, p.phone, dp.abo, dp.rh, dp.group_confirmed_by AS "groupConfirmedBy",
  dp.group_confirmed_on::text AS "groupConfirmedOn", dp.rare_flags AS "rareFlags",
  dp.weight_kg::float8 AS "weightKg", dp.weight_on::text AS "weightOn", dp.member_of_org_id AS "memberOfOrgId",
  mo.name AS "memberOfName", mo.path::text AS "memberOfPath", dp.home_province_code AS "homeProvinceCode",
  dp.preferred_contact AS "preferredContact", dp.consent_contact AS "consentContact",
  dp.consent_health_at AS "consentHealthAt", dp.version,
  ${keepersSql} AS keepers,
  (SELECT count(*)::int FROM blood_donations d WHERE d.person_id = p.id AND d.outcome = 'donated') AS "donationCount",
  (SELECT max(d.donated_on)::text FROM blood_donations d WHERE d.person_id = p.id AND d.outcome = 'donated')
    AS "lastDonatedOn",
  ${recentAttemptsSql(sql`p.id`, today)} AS recent`;

const from = sql`FROM donor_profiles dp JOIN people p ON p.id = dp.person_id
  LEFT JOIN organisations mo ON mo.id = dp.member_of_org_id`;

/** `date + n years` as eligibility.rules' addYears reads it: 29/02 becomes 01/03 in a year without it. */
const plusYears = (d: SQL, n: number) => {
  const shifted = sql`(${d} + make_interval(years => ${n}::int))::date`;
  return sql`(${shifted} + CASE WHEN to_char(${d}, 'MM-DD') = '02-29' AND to_char(${shifted}, 'MM-DD') = '02-28'
                                THEN 1 ELSE 0 END)`;
};

/**
 * "May give whole blood on `today`" as one SQL condition, for the list's filter and paging — the same rules as
 * `eligibility()` (which computes each row's tag and next date; donors.http.test checks both agree).
 */
function eligibleTodaySql(r: BloodRuleSet, today: string): SQL {
  const interval = sql`CASE d.kind WHEN 'whole_blood' THEN ${r.interval_after_whole_blood_days}::int
    WHEN 'red_cells_apheresis' THEN ${r.interval_after_red_cells_days}::int
    WHEN 'plasma_apheresis' THEN ${r.interval_after_plasma_days}::int ELSE ${r.interval_after_platelets_days}::int END`;
  return sql`coalesce(p.birth_date IS NOT NULL AND ${plusYears(sql`p.birth_date`, r.min_age!)} <= ${today}::date
    AND ${plusYears(sql`p.birth_date`, r.max_age! + 1)} > ${today}::date
    AND dp.weight_kg >= CASE WHEN p.sex = 'male' THEN ${r.min_weight_male}::numeric ELSE ${r.min_weight_female}::numeric END
    AND coalesce((SELECT d.donated_on + ${interval} FROM blood_donations d
                  WHERE d.person_id = p.id AND d.outcome <> 'deferred'
                  ORDER BY d.donated_on DESC, d.id DESC LIMIT 1) <= ${today}::date, true)
    AND NOT EXISTS (SELECT 1 FROM blood_donations d WHERE d.person_id = p.id AND d.outcome = 'deferred'
                      AND (d.deferral_permanent OR d.deferral_until > ${today}::date)), false)`;
}

export type DonorFilter = {
  q?: string;
  abo?: string;
  rh?: string;
  rare?: boolean;
  eligibleToday?: boolean;
  memberOfPath?: string;
  page: number;
  pageSize: number;
};

export async function listDonors(
  db: Db,
  scope: Scope,
  healthScope: Scope,
  f: DonorFilter,
  rules: BloodRuleSet,
  today: string,
) {
  const where: SQL[] = [donorVisibleSql(scope)];
  // Filters on health data narrow to the donors whose group the caller may read: they say nothing of the others.
  if (f.abo || f.rh || f.rare) where.push(donorVisibleSql(healthScope));
  if (f.abo) where.push(sql`dp.abo = ${f.abo}`);
  if (f.rh) where.push(sql`dp.rh = ${f.rh}`);
  if (f.rare) where.push(sql`(dp.rh = 'neg' OR cardinality(dp.rare_flags) > 0)`);
  if (f.eligibleToday !== undefined)
    where.push(f.eligibleToday ? eligibleTodaySql(rules, today) : sql`NOT ${eligibleTodaySql(rules, today)}`);
  if (f.memberOfPath)
    where.push(sql`EXISTS (SELECT 1 FROM organisations m WHERE m.id = dp.member_of_org_id
                             AND m.path <@ ${f.memberOfPath}::ltree)`);
  const q = f.q?.trim();
  if (q)
    where.push(sql`(${matchesSearch(sql`p.search_text`, q)} OR upper(dp.donor_no) = ${q.toUpperCase()})`);
  const cond = sql.join(where, sql` AND `);
  return fetchPage<DonorRow>(
    db,
    sql`SELECT ${columns(today)} ${from} WHERE ${cond}
        ORDER BY ${vietnameseNameOrderSql(sql`p.full_name`)}, dp.id
        LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    sql`SELECT count(*)::int AS total ${from} WHERE ${cond}`,
  );
}

export async function findDonor(db: Db | Tx, scope: Scope, id: number, today: string, forUpdate = false) {
  const [row] = await rows<DonorRow>(
    db,
    sql`SELECT ${columns(today)} ${from} WHERE dp.id = ${id} AND ${donorVisibleSql(scope)}
        ${forUpdate ? sql`FOR UPDATE OF dp` : sql``}`,
  );
  return row;
}

/** A donor in scope with its keepers only (who may read its health data), for reads that need no more of it. */
export async function findDonorKeepers(db: Db | Tx, scope: Scope, id: number) {
  const [row] = await rows<Pick<DonorRow, 'id' | 'personId' | 'donorNo' | 'keepers'>>(
    db,
    sql`SELECT dp.id, dp.person_id AS "personId", dp.donor_no AS "donorNo", ${keepersSql} AS keepers
        FROM donor_profiles dp JOIN people p ON p.id = dp.person_id
        WHERE dp.id = ${id} AND ${donorVisibleSql(scope)}`,
  );
  return row;
}

/**
 * What a donor's eligibility on `day` reads, in one statement: the donor in scope (undefined: missing or out of
 * scope, the same 404), the facts with the recent attempts only, the rules in force on `day`, and the keepers
 * (whether the caller reads the donor's health data: what the answer may say).
 */
export async function findDonorFacts(db: Db | Tx, scope: Scope, id: number, day: string) {
  const [row] = await rows<DonorFacts & { rules: BloodRuleSet; keepers: DonorKeeper[] }>(
    db,
    sql`SELECT p.birth_date::text AS "birthDate", p.sex, dp.weight_kg::float8 AS "weightKg",
          ${recentAttemptsSql(sql`p.id`, day)} AS history, ${rulesJsonSql(day)} AS rules, ${keepersSql} AS keepers
        FROM donor_profiles dp JOIN people p ON p.id = dp.person_id
        WHERE dp.id = ${id} AND ${donorVisibleSql(scope)}`,
  );
  if (!row) return undefined;
  const { rules, keepers, ...facts } = row;
  return {
    rules,
    keepers,
    facts: { ...facts, weightKg: facts.weightKg === null ? null : Number(facts.weightKg) },
  };
}

/** The donor profile of a person, in scope (recording a donation names the person). */
export async function findDonorOfPerson(db: Db | Tx, scope: Scope, personId: number, today: string) {
  const [row] = await rows<DonorRow>(
    db,
    sql`SELECT ${columns(today)} ${from} WHERE dp.person_id = ${personId} AND ${donorVisibleSql(scope)}`,
  );
  return row;
}

/** Unscoped: whether the person already has a profile (kept by someone else) — never answered as such. */
export async function profileIdOfPerson(db: Db | Tx, personId: number): Promise<number | null> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM donor_profiles WHERE person_id = ${personId}`,
  );
  return row?.id ?? null;
}

/** Advisory-lock namespace for numbering donors and certificates of a year. */
const NUMBER_LOCK = 4_1201;

/** "HM-2026-000123": the year's next donor number, under a transaction lock so two registrations never collide. */
export async function nextDonorNo(tx: Tx, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK}, ${year})`);
  const prefix = `HM-${year}-`;
  const [row] = await rows<{ n: number }>(
    tx,
    sql`SELECT coalesce(max(split_part(donor_no, '-', 3)::int), 0) + 1 AS n
        FROM donor_profiles WHERE donor_no LIKE ${`${prefix}%`} AND donor_no ~ ${`^HM-${year}-[0-9]{6}$`}`,
  );
  return `${prefix}${String(row!.n).padStart(6, '0')}`;
}

export type ProfileWrite = {
  abo: string | null;
  rh: string | null;
  groupConfirmedBy: string | null;
  groupConfirmedOn: string | null;
  rareFlags: string[];
  weightKg: number | null;
  weightOn: string | null;
  memberOfOrgId: number | null;
  homeProvinceCode: string | null;
  preferredContact: string;
  consentContact: boolean;
  consentHealthAt: string | null;
};

export async function insertProfile(
  tx: Tx,
  p: ProfileWrite & { personId: number; donorNo: string; createdBy: number },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO donor_profiles (person_id, donor_no, abo, rh, group_confirmed_by, group_confirmed_on, rare_flags,
          weight_kg, weight_on, member_of_org_id, home_province_code, preferred_contact, consent_contact,
          consent_health_at, consent_version, created_by)
        VALUES (${p.personId}, ${p.donorNo}, ${p.abo}, ${p.rh}, ${p.groupConfirmedBy}, ${p.groupConfirmedOn},
          ${`{${p.rareFlags.map((f) => JSON.stringify(f)).join(',')}}`}::text[], ${p.weightKg}, ${p.weightOn},
          ${p.memberOfOrgId}, ${p.homeProvinceCode}, ${p.preferredContact}, ${p.consentContact},
          ${p.consentHealthAt}, ${p.consentHealthAt ? 'v1' : null}, ${p.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function updateProfile(tx: Tx, id: number, p: ProfileWrite) {
  await tx.execute(
    sql`UPDATE donor_profiles SET abo = ${p.abo}, rh = ${p.rh}, group_confirmed_by = ${p.groupConfirmedBy},
          group_confirmed_on = ${p.groupConfirmedOn},
          rare_flags = ${`{${p.rareFlags.map((f) => JSON.stringify(f)).join(',')}}`}::text[],
          weight_kg = ${p.weightKg}, weight_on = ${p.weightOn}, member_of_org_id = ${p.memberOfOrgId},
          home_province_code = ${p.homeProvinceCode}, preferred_contact = ${p.preferredContact},
          consent_contact = ${p.consentContact}, consent_health_at = ${p.consentHealthAt},
          consent_version = CASE WHEN ${p.consentHealthAt}::timestamptz IS NULL THEN NULL
                                 ELSE coalesce(consent_version, 'v1') END,
          version = version + 1, updated_at = now()
        WHERE id = ${id}`,
  );
}

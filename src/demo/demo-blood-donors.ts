import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../platform/db/database.ts';
import { donorUnits, type NamedDonor, namedDonors, unitIndex } from './demo-blood-people.ts';
import { textArray, vietnameseNameSql } from './demo-volunteers.ts';

/**
 * Seed 001's donors: members of the Điện Biên unions' grassroots unions (as they stood in April 2021), generated
 * set-based into a temporary table `demo_donor` (dropped at commit), plus a few named donors the scenario needs.
 * From it: people, links (purpose 'blood' to their union and to the provincial Red Cross, which keeps the
 * province's donor list for the steering committee), donor profiles and the donation history before 7/4/2021.
 */

/** Generated donors, then the named ones, with what they did on 7/4/2021 (`lane`, `slot`, `outcome`). */
async function generate(tx: Tx) {
  const ints = (f: (u: (typeof donorUnits)[number]) => number) => `{${donorUnits.map(f).join(',')}}`;
  const named = (f: (d: NamedDonor) => string | number | boolean | null | undefined) =>
    namedDonors.map((d) => String(f(d) ?? ''));
  await tx.execute(sql`
    CREATE TEMP TABLE demo_donor ON COMMIT DROP AS
    WITH u AS (
      SELECT o.id AS org_id, o.path AS org_path, x.i, x.donors, x.came, x.drive
      FROM unnest(${textArray(donorUnits.map((u) => u.name))}, ${ints((u) => u.donors)}::int[],
                  ${ints((u) => u.came)}::int[], ${ints((u) => u.drive)}::int[]) WITH ORDINALITY
           AS x(name, donors, came, drive, i)
      JOIN organisations o ON o.name = x.name),
    g AS (
      SELECT u.*, k, row_number() OVER (ORDER BY u.i, k)::int AS n FROM u CROSS JOIN LATERAL generate_series(1, u.donors) k),
    h AS (SELECT g.*, ((n::bigint * 2654435761 + 97) % 4294967291)::bigint AS h FROM g),
    a AS (
      SELECT h.*, h % 100 < 48 AS female, 22 + ((h / 7) % 36)::int AS age,
             make_date(2021 - 22 - ((h / 7) % 36)::int, 1 + ((h / 23) % 12)::int, 1 + ((h / 29) % 28)::int) AS birth
      FROM h)
    -- One in eight of the provincial office's and the power company's came to the hospital's big day instead.
    SELECT n, NULL::text AS tag, org_id, org_path, CASE WHEN drive IN (4, 5) AND (h / 43) % 8 = 0 THEN 1 ELSE drive END AS drive,
           ${vietnameseNameSql(sql`h`, sql`female`)} AS full_name, female, birth,
           (CASE WHEN female THEN 45 + (h / 11) % 18 ELSE 52 + (h / 11) % 24 END)::numeric AS kg,
           CASE WHEN (h / 3) % 100 < 42 THEN 'O' WHEN (h / 3) % 100 < 72 THEN 'B' WHEN (h / 3) % 100 < 93 THEN 'A' ELSE 'AB' END AS abo,
           'pos'::text AS rh,
           least((h / 13) % 12, age - 20)::int AS prior,
           date '2021-04-07' - (100 + (h / 19) % 400)::int AS last_prior,
           (100 + (h / 17) % 80)::int AS gap,
           CASE WHEN k <= came THEN CASE WHEN (h / 31) % 5 = 0 THEN 'walk_in' ELSE 'booked' END END AS lane,
           CASE WHEN k <= came THEN 1 + ((h / 37) % 4)::int END AS slot,
           CASE WHEN k <= came THEN CASE WHEN (h / 41) % 40 = 0 THEN 'low_hemoglobin' ELSE 'donated' END END AS outcome,
           h
    FROM a`);
  const [last] = await rows<{ n: number }>(tx, sql`SELECT max(n)::int AS n FROM demo_donor`);
  const units = namedDonors.map((d) => donorUnits[unitIndex(d.unit) - 1]!);
  await tx.execute(sql`
    INSERT INTO demo_donor (n, tag, org_id, org_path, drive, full_name, female, birth, kg, abo, rh, prior, last_prior,
                            gap, lane, slot, outcome, h)
    SELECT ${last!.n} + i, x.tag, o.id, o.path, x.drive, x.name, x.female, x.birth::date, x.kg::numeric, x.abo, x.rh,
           x.prior, nullif(x.last, '')::date, coalesce(nullif(x.gap, '')::int, 120), nullif(x.lane, ''),
           nullif(x.slot, '')::int, nullif(x.outcome, ''), (i * 7919)::bigint
    FROM unnest(${textArray(named((d) => d.tag))}, ${textArray(named((d) => d.name))},
                ${`{${named((d) => d.female).join(',')}}`}::boolean[], ${textArray(named((d) => d.birth))},
                ${textArray(units.map((u) => u.name))}, ${`{${units.map((u) => u.drive).join(',')}}`}::int[],
                ${textArray(named((d) => d.kg))}, ${textArray(named((d) => d.abo))}, ${textArray(named((d) => d.rh))},
                ${`{${named((d) => d.prior).join(',')}}`}::int[], ${textArray(named((d) => d.last))},
                ${textArray(named((d) => d.gap))}, ${textArray(named((d) => d.day?.lane))},
                ${textArray(named((d) => d.day?.slot))}, ${textArray(named((d) => d.day?.outcome))})
         WITH ORDINALITY AS x(tag, name, female, birth, unit, drive, kg, abo, rh, prior, last, gap, lane, slot, outcome, i)
    JOIN organisations o ON o.name = x.unit`);
  // Ids from the tables' own sequences, so nothing maps inserted rows back.
  await tx.execute(sql`ALTER TABLE demo_donor ADD COLUMN person_id int, ADD COLUMN profile_id int`);
  await tx.execute(sql`
    UPDATE demo_donor SET person_id = nextval(pg_get_serial_sequence('people', 'id')),
                          profile_id = nextval(pg_get_serial_sequence('donor_profiles', 'id'))`);
}

/** People, their 'blood' links, donor profiles, and the donations before 7/4/2021 (with certificates later). */
export async function seedDonors(tx: Tx, redCross: { id: number; path: string }, hospital: { id: number }) {
  await generate(tx);
  await tx.execute(sql`
    INSERT INTO people (id, full_name, birth_date, sex, phone, job_title, org_id, org_path, created_at)
    OVERRIDING SYSTEM VALUE
    SELECT person_id, full_name, birth, CASE WHEN female THEN 'female' ELSE 'male' END, '0915' || lpad(n::text, 6, '0'),
           'Đoàn viên công đoàn', org_id, org_path, timestamptz '2021-03-25 09:00+07'
    FROM demo_donor ORDER BY n`);
  await tx.execute(sql`
    INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
    SELECT person_id, org_id, org_path, 'blood', date '2021-03-25' FROM demo_donor
    UNION ALL
    SELECT person_id, ${redCross.id}, ${redCross.path}::ltree, 'blood', date '2021-03-25' FROM demo_donor`);
  // A donor's group is known once tested: those who never gave blood by 7/4/2021 are still untested.
  await tx.execute(sql`
    INSERT INTO donor_profiles (id, person_id, donor_no, abo, rh, group_confirmed_by, group_confirmed_on, rare_flags,
                                weight_kg, weight_on, member_of_org_id, home_province_code, preferred_contact,
                                consent_contact, consent_health_at, consent_version, created_at)
    OVERRIDING SYSTEM VALUE
    SELECT profile_id, person_id, 'HM-2021-' || lpad(n::text, 6, '0'),
           CASE WHEN tested THEN abo END, CASE WHEN tested THEN rh END,
           CASE WHEN tested THEN ${'Bệnh viện Đa khoa tỉnh Điện Biên'} END,
           CASE WHEN tested THEN CASE WHEN prior > 0 THEN last_prior - gap * (prior - 1) ELSE date '2021-04-07' END END,
           CASE WHEN rh = 'neg' THEN '{rh_neg}'::text[] ELSE '{}'::text[] END,
           kg, CASE WHEN lane IS NOT NULL AND outcome <> 'no_show' THEN date '2021-04-07'
                    WHEN prior > 0 THEN last_prior ELSE date '2021-03-25' END,
           org_id, '11', CASE WHEN n % 7 = 0 THEN 'phone' ELSE 'sms' END, true, timestamptz '2021-03-25 09:00+07', 'v1',
           timestamptz '2021-03-25 09:00+07'
    FROM (SELECT d.*, prior > 0 OR outcome = 'donated' AS tested FROM demo_donor d) x ORDER BY n`);
  // The history: `prior` whole-blood donations, the latest on last_prior, one every `gap` days before it.
  await tx.execute(sql`
    INSERT INTO blood_donations (person_id, donated_on, site, organiser_org_id, organiser_path, establishment_org_id,
                                 member_of_org_id, member_of_path, kind, volume_ml, outcome, created_at)
    SELECT person_id, day, ${'Bệnh viện Đa khoa tỉnh Điện Biên'}, ${redCross.id}, ${redCross.path}::ltree, ${hospital.id},
           org_id, org_path, 'whole_blood', CASE WHEN kg >= 55 AND NOT female THEN 450 WHEN kg < 45 THEN 250 ELSE 350 END,
           'donated', (day + time '10:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM (SELECT d.*, last_prior - gap * (i - 1) AS day FROM demo_donor d CROSS JOIN LATERAL generate_series(1, d.prior) i) x
    ORDER BY day, person_id`);
}

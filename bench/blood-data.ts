import { sql } from 'drizzle-orm';
import { textArray, vietnameseNameSql } from '../src/demo/demo-volunteers.ts';
import { type Db, rows } from '../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg } from '../test/helpers/factories.ts';

/**
 * The blood benchmark's dataset (issue 12), set-based with generate_series: `donors` persons kept by the
 * national blood institute (people + donor_profiles + person_links purpose 'blood'), groups in Vietnam's
 * proportions (O 42 %, B 31 %, A 21 %, AB 6 %; Rh− 0.5 %, a little above the population's to give the call-out
 * a real search), homes across the 34 provinces; 1–9 attempts each (≈ 5 on average) over the past 15 years,
 * ≥ 100 days apart, 90 % whole blood, 93 % donated, 6 % deferred (a reason of the catalogue, 7–180 days),
 * 1 % adverse events. The donations' indexes are dropped during the insert and rebuilt after it.
 */
export type BloodSize = { donors: number; maxAttempts: number };

export type BloodData = {
  root: BuiltOrg;
  counts: { people: number; donors: number; donations: number };
  buildMs: { people: number; donations: number; indexes: number; total: number };
  today: string;
};

export async function buildBlood(db: Db, size: BloodSize): Promise<BloodData> {
  const t0 = performance.now();
  const root = await buildOrg(db, { name: 'Viện Huyết học – Truyền máu Trung ương', kind: 'health' });
  const provinces = (
    await rows<{ code: string }>(db, sql`SELECT code FROM admin_units WHERE level = 'province' ORDER BY code`)
  ).map((p) => p.code);
  const [{ today }] = (await rows<{ today: string }>(
    db,
    sql`SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS today`,
  )) as [{ today: string }];
  // Ages 18–60 today (a few just outside, as in life), 60 % women.
  await db.execute(sql`
    INSERT INTO people (full_name, birth_date, sex, phone, org_id, org_path)
    SELECT ${vietnameseNameSql(sql`h`, sql`h % 100 < 60`)}, ${today}::date - (6400 + (h % 15600))::int,
           CASE WHEN h % 100 < 60 THEN 'female' ELSE 'male' END, '09' || lpad(g::text, 8, '0'),
           ${root.id}, ${root.path}::ltree
    FROM (SELECT g, (g::bigint * 2654435761) % 4294967291 AS h FROM generate_series(1, ${size.donors}) g) s`);
  await db.execute(sql`
    INSERT INTO donor_profiles (person_id, donor_no, abo, rh, weight_kg, weight_on, home_province_code,
                                preferred_contact, consent_contact)
    SELECT id, 'HM' || lpad(id::text, 9, '0'),
           CASE WHEN h % 100 < 42 THEN 'O' WHEN h % 100 < 73 THEN 'B' WHEN h % 100 < 94 THEN 'A' ELSE 'AB' END,
           CASE WHEN (h / 100) % 200 = 0 THEN 'neg' ELSE 'pos' END,
           CASE WHEN sex = 'male' THEN 50 + h % 35 ELSE 42 + h % 30 END, ${today}::date - (h % 700)::int,
           (${textArray(provinces)})[1 + (h / 7) % ${provinces.length}], 'sms', h % 10 < 8
    FROM (SELECT id, sex, (id::bigint * 40503) % 4294967291 AS h FROM people WHERE org_id = ${root.id}) p`);
  await db.execute(sql`
    INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
    SELECT person_id, ${root.id}, ${root.path}::ltree, 'blood', '2011-01-01' FROM donor_profiles`);
  const tPeople = performance.now();
  const idx = await rows<{ name: string; def: string }>(
    db,
    sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE tablename = 'blood_donations' AND indexname NOT LIKE '%_pkey'`,
  );
  for (const i of idx) await db.execute(sql.raw(`DROP INDEX "${i.name}"`));
  // 15 years back from today: a start within the first four years, then steps of 100–399 days.
  await db.execute(sql`
    INSERT INTO blood_donations (person_id, donated_on, organiser_org_id, organiser_path, site, kind, volume_ml,
                                 outcome, deferral_reason, deferral_until)
    SELECT person_id, day, ${root.id}, ${root.path}::ltree, 'Điểm hiến máu ' || (1 + hk % 40),
           kind, CASE WHEN outcome = 'donated' THEN CASE WHEN kind = 'whole_blood' THEN (ARRAY[250,350,450])[1 + hk % 3] ELSE 500 END END,
           outcome, CASE WHEN outcome = 'deferred' THEN reasons[1 + hk % cardinality(reasons)] END,
           CASE WHEN outcome = 'deferred' THEN day + (7 + hk % 174)::int END
    FROM (
      SELECT d.person_id, hk, reasons,
             ${today}::date - 5475 + (d.h % 1500)::int + (k - 1) * (100 + (d.h % 300)::int) AS day,
             CASE WHEN hk % 100 < 90 THEN 'whole_blood' WHEN hk % 100 < 96 THEN 'platelets_apheresis'
                  WHEN hk % 100 < 99 THEN 'plasma_apheresis' ELSE 'red_cells_apheresis' END AS kind,
             CASE WHEN hk % 1000 < 930 THEN 'donated' WHEN hk % 1000 < 990 THEN 'deferred' ELSE 'adverse_event' END AS outcome
      FROM (SELECT person_id, (person_id::bigint * 2246822519) % 4294967291 AS h FROM donor_profiles) d
      CROSS JOIN LATERAL generate_series(1, 1 + (d.h % ${size.maxAttempts})::int) k
      CROSS JOIN LATERAL (SELECT (d.h + k * 7919) % 1000003 AS hk) x
      CROSS JOIN (SELECT array_agg(code ORDER BY code) AS reasons FROM deferral_reasons WHERE NOT permanent) r
    ) s`);
  const tDonations = performance.now();
  for (const i of idx) await db.execute(sql.raw(i.def));
  await db.execute(sql`ANALYZE`);
  const tIndexes = performance.now();
  const [c] = await rows<BloodData['counts']>(
    db,
    sql`SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM donor_profiles) AS donors,
               (SELECT count(*)::int FROM blood_donations) AS donations`,
  );
  return {
    root,
    counts: c!,
    today,
    buildMs: {
      people: tPeople - t0,
      donations: tDonations - tPeople,
      indexes: tIndexes - tDonations,
      total: tIndexes - t0,
    },
  };
}

/** An open drive in `days` days with `slots` slots of `capacity` places, 2 minutes apart from 07:00. */
export async function openDrive(
  db: Db,
  root: BuiltOrg,
  title: string,
  day: string,
  slots: number,
  capacity: number,
) {
  const [d] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO blood_drives (organiser_org_id, organiser_path, title, site, province_code, drive_date, opens_at,
                                  closes_at, target_units, status)
        VALUES (${root.id}, ${root.path}::ltree, ${title}, 'Nhà văn hoá', '01', ${day}, '07:00', '17:00',
                ${slots * capacity}, 'open') RETURNING id`,
  );
  await db.execute(sql`
    INSERT INTO drive_slots (drive_id, starts_at, ends_at, capacity)
    SELECT ${d!.id}, (${day}::date + time '07:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' + (i * interval '2 minutes'),
           (${day}::date + time '07:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' + ((i + 1) * interval '2 minutes'), ${capacity}
    FROM generate_series(0, ${slots - 1}) i`);
  const slotIds = (
    await rows<{ id: number }>(db, sql`SELECT id FROM drive_slots WHERE drive_id = ${d!.id} ORDER BY id`)
  ).map((s) => s.id);
  return { id: d!.id, day, slotIds };
}

/** A drive under way: `bookings` donors booked over its slots, in every state of the funnel. */
export async function liveDrive(db: Db, root: BuiltOrg, today: string, bookings: number) {
  const slots = 40;
  const drive = await openDrive(
    db,
    root,
    'Ngày hội hiến máu (bench funnel)',
    today,
    slots,
    Math.ceil(bookings / slots) + 1,
  );
  await db.execute(sql`
    WITH b AS (
      INSERT INTO drive_bookings (drive_id, slot_id, person_id, organiser_path, channel, status, queue_no, checked_in_at, screened_at)
      SELECT ${drive.id}, (${`{${drive.slotIds.join(',')}}`}::int[])[1 + (g - 1) % ${slots}], dp.person_id, ${root.path}::ltree,
             CASE WHEN g % 10 = 0 THEN 'staff' ELSE 'self' END,
             (ARRAY['booked','checked_in','screened','donated','donated','donated','deferred','no_show','cancelled','late_cancelled'])[1 + g % 10],
             g, CASE WHEN g % 10 BETWEEN 1 AND 6 THEN now() END, CASE WHEN g % 10 BETWEEN 2 AND 6 THEN now() END
      FROM generate_series(1, ${bookings}) g JOIN donor_profiles dp ON dp.id = g * 37
      RETURNING slot_id, status)
    UPDATE drive_slots s SET booked = x.n FROM (
      SELECT slot_id, count(*) FILTER (WHERE status NOT IN ('cancelled','late_cancelled')) AS n FROM b GROUP BY slot_id) x
    WHERE s.id = x.slot_id`);
  await db.execute(sql`
    INSERT INTO drive_bookings (drive_id, person_id, organiser_path, channel, status, queue_no, checked_in_at)
    SELECT ${drive.id}, dp.person_id, ${root.path}::ltree, 'walk_in', 'checked_in', ${bookings} + g, now()
    FROM generate_series(1, ${Math.ceil(bookings / 10)}) g JOIN donor_profiles dp ON dp.id = ${bookings * 37} + g`);
  return drive;
}

/** Donors who may give on `day`: ages 18–60 then, weight enough, last attempt ≥ 180 days before, no deferral. */
export async function eligibleDonors(db: Db, day: string, n: number) {
  return rows<{ personId: number; donorId: number }>(
    db,
    sql`SELECT dp.person_id AS "personId", dp.id AS "donorId" FROM donor_profiles dp JOIN people p ON p.id = dp.person_id
        WHERE p.birth_date BETWEEN ${day}::date - interval '60 years' + interval '1 day' AND ${day}::date - interval '18 years'
          AND dp.weight_kg >= 50
          AND NOT EXISTS (SELECT 1 FROM blood_donations d WHERE d.person_id = dp.person_id
                          AND (d.donated_on > ${day}::date - 180 OR d.deferral_until > ${day}::date OR d.deferral_permanent))
        ORDER BY dp.id LIMIT ${n}`,
  );
}

import { sql } from 'drizzle-orm';
import { type Clock, vnToday } from '../platform/clock.ts';
import { type Db, rows, type Tx } from '../platform/db/database.ts';
import { seedClubsAndHonours } from './demo-blood-clubs.ts';
import { seedDonors } from './demo-blood-donors.ts';
import { donorUnits } from './demo-blood-people.ts';

/**
 * Seed 001 in the demo (issue 12's scenario), set-based: the Điện Biên unions' donors (1,500 members of their
 * grassroots unions, with their history since 2010), the five drives of 7/4/2021 organised by the unions with the
 * provincial hospital receiving — slots, bookings and walk-ins; about 920 donated, some deferred for low haemoglobin,
 * two by interval (a donation in February), one for weight, one no-show — the clubs, the hospital's O Rh− call-out in May and the
 * honour rules (demo-blood-clubs.ts), the unions' headcounts for the share of members who donated, and a drive
 * coming up (dated from today) booked by the demo donor `nguoihien.dienbien`, who reached 20 donations on 7/4.
 */

type Org = { id: number; path: string };

async function orgNamed(tx: Tx, name: string): Promise<Org> {
  const [o] = await rows<Org>(tx, sql`SELECT id, path::text AS path FROM organisations WHERE name = ${name}`);
  if (!o) throw new Error(`demo organisation missing: ${name}`);
  return o;
}

/**
 * The drives of 7/4/2021 (index 1–5 as in `donorUnits`), one per union of the federation of the time, the provincial
 * hospital receiving. Capacity per one-hour slot is beds × staff: the health union's day at the hospital is the big one.
 */
const drives7April = [
  {
    organiser: 'Công đoàn ngành Y tế tỉnh Điện Biên',
    title: 'Ngày hội hiến máu tình nguyện ngành Y tế hưởng ứng Ngày toàn dân hiến máu 7/4/2021',
    site: 'Hội trường Bệnh viện Đa khoa tỉnh Điện Biên',
    au: '03334',
    target: 320,
    capacity: 90,
  },
  {
    organiser: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
    title: 'Ngày hội hiến máu ngành Giáo dục tỉnh Điện Biên năm 2021',
    site: 'Nhà thi đấu Trường Cao đẳng Y tế Điện Biên',
    au: '03334',
    target: 270,
    capacity: 80,
  },
  {
    organiser: 'Liên đoàn Lao động huyện Tuần Giáo',
    title: 'Điểm hiến máu tình nguyện huyện Tuần Giáo ngày 7/4/2021',
    site: 'Trung tâm Y tế huyện Tuần Giáo',
    au: '03253',
    target: 120,
    capacity: 35,
  },
  {
    organiser: 'Công đoàn Viên chức tỉnh Điện Biên',
    title: 'Hiến máu tình nguyện khối cơ quan tỉnh Điện Biên ngày 7/4/2021',
    site: 'Hội trường Văn phòng UBND tỉnh Điện Biên',
    au: '03127',
    target: 90,
    capacity: 30,
  },
  {
    organiser: 'Liên đoàn Lao động thành phố Điện Biên Phủ',
    title: 'Ngày hội hiến máu tình nguyện thành phố Điện Biên Phủ năm 2021',
    site: 'Nhà văn hóa Công ty Điện lực Điện Biên',
    au: '03127',
    target: 140,
    capacity: 45,
  },
];

/** Drives with four one-hour slots (7:00–11:00). */
async function insertDrives(tx: Tx, hospital: Org, day: string, status: string, list: typeof drives7April) {
  const made: { drive: number; id: number; organiserId: number; organiserPath: string; site: string }[] = [];
  for (const [i, d] of list.entries()) {
    const org = await orgNamed(tx, d.organiser);
    const [row] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO blood_drives (organiser_org_id, organiser_path, establishment_org_id, title, site, address,
                                    province_code, drive_date, opens_at, closes_at, target_units, status, created_at)
          SELECT ${org.id}, ${org.path}::ltree, ${hospital.id}, ${d.title}, ${d.site}, au.name || ', tỉnh Điện Biên',
                 '11', ${day}::date, '07:00', '11:00', ${d.target}, ${status}, ${day}::date - 20
          FROM (SELECT ${d.au}::text AS code) c LEFT JOIN admin_units au ON au.code = c.code RETURNING id`,
    );
    made.push({ drive: i + 1, id: row!.id, organiserId: org.id, organiserPath: org.path, site: d.site });
    await tx.execute(sql`
      INSERT INTO drive_slots (drive_id, starts_at, ends_at, capacity)
      SELECT ${row!.id}, (${day}::date + time '07:00' + (s - 1) * interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh',
             (${day}::date + time '08:00' + (s - 1) * interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh', ${d.capacity}
      FROM generate_series(1, 4) s`);
  }
  return made;
}

/** 7/4/2021: a donation row for everyone who came (donated or deferred), a booking for everyone expected. */
async function seed7April(tx: Tx, hospital: Org) {
  const made = await insertDrives(tx, hospital, '2021-04-07', 'closed', drives7April);
  const ints = (f: (d: (typeof made)[number]) => number) => `{${made.map(f).join(',')}}`;
  await tx.execute(sql`
    CREATE TEMP TABLE demo_drive ON COMMIT DROP AS
    SELECT x.* FROM unnest(${ints((d) => d.drive)}::int[], ${ints((d) => d.id)}::int[],
                           ${ints((d) => d.organiserId)}::int[]) AS x(drive, drive_id, organiser_id)`);
  // The interval refusal says until when: 84 days after the February donation (Thông tư 26/2013/TT-BYT, Điều 6).
  await tx.execute(sql`
    INSERT INTO blood_donations (person_id, donated_on, drive_id, site, organiser_org_id, organiser_path,
                                 establishment_org_id, member_of_org_id, member_of_path, kind, volume_ml, outcome,
                                 deferral_reason, deferral_until, created_at)
    SELECT v.person_id, date '2021-04-07', dr.id, dr.site, dr.organiser_org_id, dr.organiser_path, ${hospital.id},
           v.org_id, v.org_path, 'whole_blood',
           CASE WHEN v.outcome <> 'donated' THEN NULL WHEN v.kg < 45 THEN 250 WHEN v.kg >= 55 AND NOT v.female THEN 450 ELSE 350 END,
           CASE WHEN v.outcome = 'donated' THEN 'donated' ELSE 'deferred' END,
           CASE WHEN v.outcome <> 'donated' THEN v.outcome END,
           CASE v.outcome WHEN 'interval' THEN v.last_prior + 84 WHEN 'low_hemoglobin' THEN date '2021-04-07' + r.days END,
           timestamptz '2021-04-07 08:00+07' + (v.n % 180) * interval '1 minute'
    FROM demo_donor v JOIN demo_drive x ON x.drive = v.drive JOIN blood_drives dr ON dr.id = x.drive_id
    LEFT JOIN deferral_reasons r ON r.code = v.outcome
    WHERE v.lane IS NOT NULL AND v.outcome <> 'no_show' ORDER BY v.n`);
  await tx.execute(sql`
    INSERT INTO drive_bookings (drive_id, slot_id, person_id, organiser_path, channel, status, queue_no, checked_in_at,
                                screened_at, donation_id, created_at)
    SELECT x.drive_id, s.id, v.person_id, dr.organiser_path,
           CASE WHEN v.lane = 'walk_in' THEN 'walk_in' WHEN v.n % 2 = 0 THEN 'staff' ELSE 'self' END,
           CASE v.outcome WHEN 'donated' THEN 'donated' WHEN 'no_show' THEN 'no_show' ELSE 'deferred' END,
           CASE WHEN v.lane = 'walk_in' THEN row_number() OVER (PARTITION BY x.drive, v.lane ORDER BY v.n) END,
           arrived, arrived + interval '10 minutes', d.id,
           CASE WHEN v.lane = 'walk_in' THEN arrived ELSE timestamptz '2021-03-29 09:00+07' + (v.n % 150) * interval '1 hour' END
    FROM demo_donor v JOIN demo_drive x ON x.drive = v.drive JOIN blood_drives dr ON dr.id = x.drive_id
    LEFT JOIN LATERAL (SELECT id, starts_at FROM drive_slots WHERE drive_id = x.drive_id ORDER BY starts_at
                       OFFSET v.slot - 1 LIMIT 1) s ON v.lane = 'booked'
    LEFT JOIN blood_donations d ON d.person_id = v.person_id AND d.donated_on = '2021-04-07'
    CROSS JOIN LATERAL (SELECT CASE WHEN v.outcome = 'no_show' THEN NULL::timestamptz
                                    ELSE coalesce(s.starts_at, timestamptz '2021-04-07 07:00+07') + (v.n % 50) * interval '1 minute'
                               END AS arrived) t
    WHERE v.lane IS NOT NULL ORDER BY v.n`);
  await tx.execute(sql`
    UPDATE drive_slots s SET booked = (SELECT count(*) FROM drive_bookings b WHERE b.slot_id = s.id
                                       AND b.status NOT IN ('cancelled', 'late_cancelled'))
    WHERE s.drive_id IN (SELECT drive_id FROM demo_drive)`);
}

/** A drive coming up (dated from today), booked by the demo donor and a few colleagues; a walk-in site open today. */
async function seedUpcoming(tx: Tx, hospital: Org, clock: Clock) {
  const today = vnToday(clock);
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + 12 * 86_400_000).toISOString().slice(0, 10);
  const [d] = await insertDrives(tx, hospital, day, 'open', [
    {
      ...drives7April[0]!,
      title: 'Hiến máu tình nguyện Công đoàn ngành Y tế tỉnh Điện Biên',
      target: 60,
      capacity: 20,
    },
  ]);
  await tx.execute(sql`
    INSERT INTO drive_bookings (drive_id, slot_id, person_id, organiser_path, channel, status, created_at)
    SELECT ${d!.id}, (SELECT id FROM drive_slots WHERE drive_id = ${d!.id} ORDER BY starts_at OFFSET (v.n / 6 % 4) LIMIT 1),
           v.person_id, ${d!.organiserPath}::ltree, CASE WHEN v.tag IS NULL THEN 'staff' ELSE 'self' END, 'booked',
           ${today}::date + time '08:00'
    FROM demo_donor v
    WHERE v.tag = 'chien' OR (v.tag IS NULL AND v.drive = 1 AND v.outcome = 'donated' AND v.n % 6 = 0)`);
  await tx.execute(sql`
    UPDATE drive_slots s SET booked = (SELECT count(*) FROM drive_bookings b WHERE b.slot_id = s.id)
    WHERE s.drive_id = ${d!.id}`);
  // The Red Cross's fixed site, open today for walk-ins: the check-in desk opens on a drive's day, and this is one
  // to try it on (no booking, so no one becomes a no-show whatever the hour the demo starts).
  await insertDrives(tx, hospital, today, 'open', [
    {
      organiser: 'Hội Chữ thập đỏ tỉnh Điện Biên',
      title: 'Điểm hiến máu cố định của Hội Chữ thập đỏ tỉnh Điện Biên',
      site: 'Trụ sở Hội Chữ thập đỏ tỉnh Điện Biên',
      au: '03334',
      target: 30,
      capacity: 10,
    },
  ]);
}

/**
 * Certificates of donation for every donation the demo recorded, numbered per year in the format of
 * donors/donations.repo.ts `nextCertificateNo` ("GCNHM-2021-000123-K7QX9PZA"), set-based.
 */
async function numberCertificates(tx: Tx) {
  await tx.execute(sql`
    WITH n AS (
      SELECT d.id, extract(year FROM d.donated_on)::int AS y,
             row_number() OVER (PARTITION BY extract(year FROM d.donated_on) ORDER BY d.donated_on, d.id) AS seq
      FROM blood_donations d JOIN demo_donor v ON v.person_id = d.person_id
      WHERE d.outcome = 'donated' AND d.certificate_no IS NULL)
    UPDATE blood_donations b SET certificate_no = 'GCNHM-' || n.y || '-' || lpad(n.seq::text, 6, '0') || '-' ||
      (SELECT string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
       FROM generate_series(1, 8) i WHERE b.id IS NOT NULL)
    FROM n WHERE b.id = n.id`);
}

/** Loads seed 001's records unless they are there already. */
export async function seedBlood(db: Db, clock: Clock): Promise<void> {
  const [done] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM donor_profiles`);
  if (done!.n > 0) return;
  await db.transaction(async (tx) => {
    const redCross = await orgNamed(tx, 'Hội Chữ thập đỏ tỉnh Điện Biên');
    const hospital = await orgNamed(tx, 'Bệnh viện Đa khoa tỉnh Điện Biên');
    await seedDonors(tx, redCross, hospital);
    await seed7April(tx, hospital);
    await seedClubsAndHonours(tx, redCross, hospital);
    await seedUpcoming(tx, hospital, clock);
    await numberCertificates(tx);
    // The unions' member counts at the start of 2021: the share of members who donated has a denominator.
    await tx.execute(sql`
      INSERT INTO workforce_counts (org_id, org_path, as_of, workers, note)
      SELECT o.id, o.path, date '2021-01-01', x.members, 'Số đoàn viên công đoàn đầu năm 2021'
      FROM unnest(${`{${donorUnits.map((u) => `"${u.name}"`).join(',')}}`}::text[],
                  ${`{${donorUnits.map((u) => u.members).join(',')}}`}::int[]) AS x(name, members)
      JOIN organisations o ON o.name = x.name
      ON CONFLICT (org_id, as_of) DO NOTHING`);
    await tx.execute(sql`
      UPDATE users SET person_id = (SELECT person_id FROM demo_donor WHERE tag = 'chien')
      WHERE username = 'nguoihien.dienbien'`);
  });
}

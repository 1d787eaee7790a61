import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../platform/db/database.ts';

/**
 * Seed 001's clubs, the rare-blood call-out and the honour rules (after demo-blood-donors.ts, from `demo_donor`):
 * - "Câu lạc bộ những người có nhóm máu hiếm tỉnh Điện Biên" (the provincial Red Cross's, the six O Rh− donors),
 *   a blood-donating family (Lường Văn Chiến's) and the federation's mobilisers;
 * - the provincial hospital's call-out for 2 units of O Rh− on 12/5/2021: two came (and gave blood), one accepted,
 *   one declined, two never answered — the hospital reads counts, never a name or a phone number;
 * - honour rules: national defaults (no organisation) and Điện Biên's own (the provincial Red Cross, for the
 *   steering committee); the long-standing donors already hold the levels they reached, so Chiến, who reached 20
 *   on 7/4/2021, is the new individual candidate and his family the family candidate.
 */

type Org = { id: number; path: string };

async function club(tx: Tx, owner: Org, name: string, kind: string, foundedOn: string) {
  const [c] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO donor_clubs (org_id, org_path, name, kind, province_code, founded_on)
        VALUES (${owner.id}, ${owner.path}::ltree, ${name}, ${kind}, '11', ${foundedOn}) RETURNING id`,
  );
  return c!.id;
}

/** Members picked from `demo_donor` by a condition; the club's organisation keeps them (purpose 'club'). */
async function members(tx: Tx, clubId: number, owner: Org, since: string, where: ReturnType<typeof sql>) {
  await tx.execute(sql`
    INSERT INTO donor_club_members (club_id, person_id, role, since)
    SELECT ${clubId}, v.person_id,
           CASE WHEN v.tag IN ('chien', 'thiem') THEN 'leader' WHEN v.tag IS NULL THEN 'mobiliser' ELSE 'member' END,
           ${since}::date
    FROM demo_donor v WHERE ${where} ORDER BY v.n`);
  await tx.execute(sql`
    INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
    SELECT m.person_id, ${owner.id}, ${owner.path}::ltree, 'club', m.since FROM donor_club_members m
    WHERE m.club_id = ${clubId} ON CONFLICT DO NOTHING`);
}

async function seedClubs(tx: Tx, redCross: Org, federation: Org) {
  const rare = await club(
    tx,
    redCross,
    'Câu lạc bộ những người có nhóm máu hiếm tỉnh Điện Biên',
    'rare_blood',
    '2016-06-14',
  );
  await members(tx, rare, redCross, '2019-06-14', sql`v.rh = 'neg'`);
  const family = await club(
    tx,
    redCross,
    'Gia đình hiến máu anh Lường Văn Chiến – chị Quàng Thị Mến',
    'family',
    '2019-04-07',
  );
  await members(tx, family, redCross, '2019-04-07', sql`v.tag IN ('chien', 'men', 'tuan')`);
  const mobilisers = await club(
    tx,
    federation,
    'Câu lạc bộ vận động hiến máu tình nguyện CNVCLĐ tỉnh Điện Biên',
    'mobilisers',
    '2018-03-01',
  );
  await members(
    tx,
    mobilisers,
    federation,
    '2018-03-01',
    sql`v.tag IN ('chien', 'thinh', 'suong') OR (v.tag IS NULL AND v.n % 37 = 1)`,
  );
  await tx.execute(sql`
    INSERT INTO donor_club_activities (club_id, held_on, title, participants) VALUES
      (${rare}, '2020-06-14', 'Gặp mặt thành viên nhân Ngày Quốc tế người hiến máu 14/6', 6),
      (${rare}, '2021-05-12', 'Hiến máu O Rh− theo lời kêu gọi của Bệnh viện Đa khoa tỉnh', 2),
      (${mobilisers}, '2021-03-30', 'Tập huấn kỹ năng vận động hiến máu trước ngày 7/4', 11),
      (${mobilisers}, '2021-04-07', 'Hỗ trợ tiếp đón người hiến tại các điểm hiến máu ngày 7/4', 9)`);
  return rare;
}

/** The hospital's O Rh− call-out on 12/5/2021; those who came gave blood that day at the hospital. */
async function seedCallout(tx: Tx, hospital: Org, rareClub: number) {
  const [c] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO blood_callouts (requester_org_id, requester_path, club_id, abo, rh, units, place, province_code,
                                    needed_by, status, created_at)
        VALUES (${hospital.id}, ${hospital.path}::ltree, ${rareClub}, 'O', 'neg', 2,
                'Khoa Huyết học – Truyền máu, Bệnh viện Đa khoa tỉnh Điện Biên', '11',
                timestamptz '2021-05-12 11:00+07', 'filled', timestamptz '2021-05-11 20:30+07') RETURNING id`,
  );
  await tx.execute(sql`
    INSERT INTO callout_replies (callout_id, person_id, status, notified_at, replied_at)
    SELECT ${c!.id}, v.person_id, r.status, timestamptz '2021-05-11 20:31+07',
           CASE WHEN r.status <> 'notified' THEN timestamptz '2021-05-11 20:40+07' + r.i * interval '4 minutes' END
    FROM unnest('{thiem,toi,yen,phuong,la,nga}'::text[], '{came,came,accepted,declined,notified,notified}'::text[])
         WITH ORDINALITY AS r(tag, status, i)
    JOIN demo_donor v ON v.tag = r.tag`);
  await tx.execute(sql`
    INSERT INTO blood_donations (person_id, donated_on, site, organiser_org_id, organiser_path, establishment_org_id,
                                 member_of_org_id, member_of_path, kind, volume_ml, outcome, created_at)
    SELECT v.person_id, date '2021-05-12', 'Khoa Huyết học – Truyền máu, Bệnh viện Đa khoa tỉnh Điện Biên', ${hospital.id},
           ${hospital.path}::ltree, ${hospital.id}, v.org_id, v.org_path, 'whole_blood', 350, 'donated',
           timestamptz '2021-05-12 09:30+07'
    FROM demo_donor v WHERE v.tag IN ('thiem', 'toi')`);
}

const SOURCE_PROVINCE =
  'Thực tiễn tôn vinh của tỉnh Điện Biên (Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh)';
const SOURCE_NATIONAL =
  'Mặc định toàn quốc: tôn vinh người hiến máu tiêu biểu (Ban Chỉ đạo quốc gia vận động hiến máu tình nguyện)';

async function seedHonours(tx: Tx, redCross: Org) {
  const provincial = 'Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Điện Biên';
  const national = 'Ban Chỉ đạo quốc gia vận động hiến máu tình nguyện';
  await tx.execute(sql`
    INSERT INTO honour_rules (org_id, deciding_body, kind, threshold, title_vi, title_en, legal_source, effective_from)
    SELECT CASE WHEN x.province THEN ${redCross.id}::int END,
           CASE WHEN x.province THEN ${provincial} ELSE ${national} END, x.kind, x.threshold, x.vi, x.en,
           CASE WHEN x.province THEN ${SOURCE_PROVINCE} ELSE ${SOURCE_NATIONAL} END, date '2015-01-01'
    FROM (VALUES
      (false, 'individual', 20, 'Người hiến máu tiêu biểu (20 lần)', 'Outstanding donor (20 donations)'),
      (false, 'individual', 30, 'Người hiến máu tiêu biểu (30 lần)', 'Outstanding donor (30 donations)'),
      (false, 'individual', 50, 'Người hiến máu tiêu biểu toàn quốc (50 lần)', 'National outstanding donor (50 donations)'),
      (false, 'individual', 100, 'Người hiến máu tiêu biểu toàn quốc (100 lần)', 'National outstanding donor (100 donations)'),
      (false, 'family', 30, 'Gia đình hiến máu tiêu biểu', 'Outstanding blood-donating family'),
      (true, 'individual', 20, 'Giấy khen người hiến máu 20 lần', 'Certificate of merit, 20 donations'),
      (true, 'individual', 30, 'Bằng khen người hiến máu 30 lần', 'Commendation, 30 donations'),
      (true, 'individual', 40, 'Bằng khen của Chủ tịch UBND tỉnh, 40 lần', 'Provincial chairman’s commendation, 40 donations'),
      (true, 'individual', 70, 'Tôn vinh cấp tỉnh, 70 lần', 'Provincial honour, 70 donations'),
      (true, 'family', 30, 'Gia đình hiến máu tiêu biểu tỉnh Điện Biên (30 lần)', 'Điện Biên outstanding family (30 donations)'),
      (true, 'family', 50, 'Gia đình hiến máu tiêu biểu tỉnh Điện Biên (50 lần)', 'Điện Biên outstanding family (50 donations)'))
      AS x(province, kind, threshold, vi, en)`);
  // The long-standing donors hold the provincial levels they reached before 2021 (decided some weeks after the donation).
  await tx.execute(sql`
    INSERT INTO donor_honours (person_id, rule_id, count_at_proposal, proposed_by_org_id, org_path, status,
                               decision_no, decided_on, created_at)
    SELECT v.person_id, r.id, r.threshold, ${redCross.id}, ${redCross.path}::ltree, 'awarded',
           (10 + r.threshold) || '/QĐ-BCĐ', t.reached + 45, t.reached + 20
    FROM demo_donor v JOIN honour_rules r ON r.org_id = ${redCross.id}
    CROSS JOIN LATERAL (SELECT v.last_prior - v.gap * (v.prior - r.threshold) AS reached) t
    WHERE r.kind = 'individual' AND v.tag IN ('thinh', 'lananh', 'suong')
      AND r.threshold <= v.prior`);
}

export async function seedClubsAndHonours(tx: Tx, redCross: Org, hospital: Org) {
  const [federation] = await rows<Org>(
    tx,
    sql`SELECT id, path::text AS path FROM organisations WHERE name = 'Liên đoàn Lao động tỉnh Điện Biên'`,
  );
  const rare = await seedClubs(tx, redCross, federation!);
  await seedCallout(tx, hospital, rare);
  await seedHonours(tx, redCross);
}

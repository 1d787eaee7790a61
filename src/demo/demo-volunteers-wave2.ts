import { sql } from 'drizzle-orm';
import { issuerSymbol, kindSymbol } from '../modules/training/certificates/certificates.number.ts';
import { rows, type Tx } from '../platform/db/database.ts';
import { covidTopics, wave2Needs, wave2Quotas } from './demo-volunteers-orgs.ts';
import {
  deployProfiles,
  insertDestinations,
  insertQuotas,
  insertWave,
  intArray,
  type School,
  sites,
  tasks,
  textArr,
  WAVE2_TITLE,
} from './demo-volunteers-waves.ts';

/** The four topics as custom courses of the department; their ids in `covidTopics` order. */
async function topicCourses(tx: Tx, cuc: { id: number }) {
  const ids: number[] = [];
  for (const t of covidTopics) {
    const [row] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO course_types (code, family, name_vi, name_en, hours, min_trainers, pass_mark, certificate_kind,
                                    legal_source, effective_from, owner_org_id)
          VALUES (${t.code}, 'custom', ${t.nameVi}, ${t.nameEn}, ${t.hours}, 1, 5, 'certificate',
                  'Cục Khoa học công nghệ và Đào tạo – Bộ Y tế: tập huấn phòng, chống dịch COVID-19 (2021)',
                  '2021-05-01', ${cuc.id})
          RETURNING id`,
    );
    ids.push(row!.id);
  }
  return ids;
}

/** The student of `sv.ydhp`: a full record where the generated one was (Hải Phòng's first ready volunteer). */
async function namedStudent(tx: Tx, personId: number, profileId: number) {
  await tx.execute(sql`
    UPDATE people SET full_name = 'Đỗ Thị Hồng Nhung', birth_date = '2000-08-19', sex = 'female',
      cccd = '031300012345', phone = '0936215478', email = 'dohongnhung.ydhp@example.com', job_title = 'Sinh viên'
    WHERE id = ${personId}`);
  await tx.execute(sql`
    UPDATE volunteer_profiles SET grp = 'student', faculty = 'Khoa Y', study_year = 5,
      profession = 'Sinh viên ngành Y khoa', languages = '{"Tiếng Anh"}', home_province_code = '31',
      note = 'Bí thư chi đoàn lớp Y5; đã tham gia lấy mẫu tại Hải Phòng tháng 2/2021'
    WHERE id = ${profileId}`);
  await tx.execute(sql`
    INSERT INTO volunteer_qualifications (profile_id, skill, level, issuer, issued_on, expires_on)
    VALUES (${profileId}, 'sampling', 'intermediate', 'Trường Đại học Y Dược Hải Phòng', '2021-02-10', '2024-02-10'),
           (${profileId}, 'first_aid', 'basic', 'Hội Chữ thập đỏ thành phố Hải Phòng', '2020-10-15', '2023-10-15')
    ON CONFLICT (profile_id, skill) DO UPDATE SET level = EXCLUDED.level, issuer = EXCLUDED.issuer,
      issued_on = EXCLUDED.issued_on, expires_on = EXCLUDED.expires_on`);
  await tx.execute(sql`
    INSERT INTO volunteer_availability (profile_id, from_date, to_date, available, note, declared_by)
    VALUES (${profileId}, '2021-05-20', '2021-07-31', true, 'Nghỉ hè, sẵn sàng đi chi viện', 'self')`);
  await tx.execute(sql`UPDATE users SET person_id = ${personId} WHERE username = 'sv.ydhp'`);
}

/**
 * Wave 2: basis, destinations as of 27/5/2021, needs, topics, 5 quotas (375), the 375 accepted and deployed
 * with certificates of the four topics, and the two refusals.
 */
export async function wave2(
  tx: Tx,
  cuc: { id: number; path: string; name: string; shortName: string | null },
  schools: School[],
) {
  const topics = await topicCourses(tx, cuc);
  const byKey = new Map(schools.filter((s) => s.key).map((s) => [s.key!, s]));
  const quotas = wave2Quotas.map(([key, quota]) => ({ id: byKey.get(key)!.id, quota }));
  const waveId = await insertWave(tx, cuc, {
    title: WAVE2_TITLE,
    kind: 'order',
    number: null,
    date: '2021-05-26',
    signer: 'Thứ trưởng Bộ Y tế Nguyễn Trường Sơn',
    summary:
      'Huy động gấp cán bộ, giảng viên, học viên và sinh viên các cơ sở đào tạo nhân lực y tế tình nguyện tham gia hỗ trợ phòng, chống dịch COVID-19 tại tỉnh Bắc Giang và tỉnh Bắc Ninh.',
    from: '2021-05-27',
    to: '2021-06-10',
  });
  const dest = await insertDestinations(tx, waveId, ['24', '27'], '2021-05-27');
  const needDest = wave2Needs.map((n) => dest.get(n[2])!);
  await tx.execute(sql`
    INSERT INTO wave_needs (wave_id, skill, headcount, destination_id)
    SELECT ${waveId}, n.skill, n.headcount, n.dest
    FROM unnest(${textArr(wave2Needs.map((n) => n[0]))}::text[], ${intArray(wave2Needs.map((n) => n[1]))}::int[],
                ${intArray(needDest)}::int[]) n(skill, headcount, dest)`);
  await tx.execute(sql`
    INSERT INTO wave_topics (wave_id, course_type_id) SELECT ${waveId}, unnest(${intArray(topics)}::int[])`);
  await insertQuotas(tx, waveId, quotas, '2021-05-26');
  // The 375 by quota order, then rank in their institution; rank g's need: 180 sampling in Bắc Giang first, …
  let upto = 0;
  const needOf = wave2Needs.map((n, i) => {
    upto += n[1];
    return sql`WHEN g <= ${upto}::int THEN ${i}::int`;
  });
  await tx.execute(sql`
    CREATE TEMP TABLE demo_w2 ON COMMIT DROP AS
    WITH q AS (SELECT * FROM unnest(${intArray(quotas.map((q) => q.id))}::int[], ${intArray(quotas.map((q) => q.quota))}::int[])
                        WITH ORDINALITY q(org_id, quota, ord)),
    r AS (SELECT v.*, q.ord, q.quota, row_number() OVER (PARTITION BY v.org_id ORDER BY v.k)::int AS rk
          FROM demo_vol v JOIN q ON q.org_id = v.org_id WHERE v.kind = 'ready'),
    g AS (SELECT r.*, row_number() OVER (ORDER BY ord, rk)::int AS g FROM r WHERE rk <= quota)
    SELECT g.*, CASE ${sql.join(needOf, sql` `)} END AS need FROM g`);
  await tx.execute(sql`
    ALTER TABLE demo_w2 ADD COLUMN skill text, ADD COLUMN dest int, ADD COLUMN code text`);
  await tx.execute(sql`
    UPDATE demo_w2 SET skill = (${textArr(wave2Needs.map((n) => n[0]))}::text[])[need + 1],
      dest = (${intArray(needDest)}::int[])[need + 1], code = (${textArr(wave2Needs.map((n) => n[2]))}::text[])[need + 1]`);
  // Refused: Hải Phòng's first wave-1 volunteer (still deployed until mid-June), and the academy's next ready one
  // (three topics of four: no "Phòng lây nhiễm chéo").
  const [overlap] = await rows<{ personId: number; profileId: number; orgPath: string; reasons: string }>(
    tx,
    sql`SELECT v.person_id AS "personId", v.profile_id AS "profileId", v.org_path::text AS "orgPath",
               jsonb_build_array(jsonb_build_object('code', 'overlap', 'assignmentId', a.id, 'waveTitle', w.title,
                 'from', a.starts_on::text, 'to', a.ends_on::text))::text AS reasons
        FROM demo_vol v JOIN volunteer_assignments a ON a.person_id = v.person_id
        JOIN mobilisation_waves w ON w.id = a.wave_id
        WHERE v.org_id = ${byKey.get('ydhp')!.id} AND v.kind = 'active' AND a.ends_on >= '2021-05-27'
        ORDER BY v.k LIMIT 1`,
  );
  const missing = covidTopics.length - 1;
  const [noTopic] = await rows<{ personId: number; profileId: number; orgPath: string }>(
    tx,
    sql`SELECT person_id AS "personId", profile_id AS "profileId", org_path::text AS "orgPath" FROM demo_vol
        WHERE org_id = ${byKey.get('ydhct')!.id} AND kind = 'ready' ORDER BY k OFFSET ${quotas[1]!.quota} LIMIT 1`,
  );
  const noTopicReasons = JSON.stringify([
    { code: 'topic_missing', courseTypeId: topics[missing], courseName: covidTopics[missing]!.nameVi },
  ]);
  // Certificates of the four topics (issued by the department after its training of 25–26/5/2021).
  const symbol = issuerSymbol(cuc.name, cuc.shortName);
  const [{ n } = { n: 0 }] = await rows<{ n: number }>(
    tx,
    sql`WITH holders AS (
          SELECT person_id, t.course, t.i FROM demo_w2 CROSS JOIN unnest(${intArray(topics)}::int[]) WITH ORDINALITY t(course, i)
          UNION ALL SELECT ${overlap!.personId}, t.course, t.i FROM unnest(${intArray(topics)}::int[]) WITH ORDINALITY t(course, i)
          UNION ALL SELECT ${noTopic!.personId}, t.course, t.i FROM unnest(${intArray(topics.slice(0, missing))}::int[]) WITH ORDINALITY t(course, i)),
        numbered AS (SELECT *, row_number() OVER (ORDER BY i, person_id)::int AS seq FROM holders),
        ins AS (
          INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id, course_type_id, issued_on,
                                    verify_code)
          SELECT ${cuc.id}, ${cuc.path}::ltree, 2021, seq,
                 lpad(seq::text, 6, '0') || '/2021/' || ${kindSymbol.certificate} || '-' || ${symbol}, person_id, course,
                 '2021-05-26', translate(upper(substr(md5(random()::text || seq), 1, 24)), '0189', 'QRST')
          FROM numbered RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  await tx.execute(
    sql`INSERT INTO certificate_counters (issuer_org_id, year, last_seq) VALUES (${cuc.id}, 2021, ${n})`,
  );
  await tx.execute(sql`
    INSERT INTO wave_members (wave_id, quota_id, profile_id, person_id, org_path, skill, status, reasons, proposed_at)
    SELECT ${waveId}, q.id, w.profile_id, w.person_id, w.org_path, w.skill, 'accepted', '[]',
           (date '2021-05-26' + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM demo_w2 w JOIN wave_quotas q ON q.wave_id = ${waveId} AND q.org_id = w.org_id`);
  await tx.execute(sql`
    INSERT INTO wave_members (wave_id, quota_id, profile_id, person_id, org_path, skill, status, reasons, proposed_at)
    SELECT ${waveId}, q.id, x.profile_id, x.person_id, x.org_path::ltree, 'sampling', 'refused', x.reasons::jsonb,
           (date '2021-05-26' + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM (VALUES (${overlap!.profileId}::int, ${overlap!.personId}::int, ${overlap!.orgPath}, ${overlap!.reasons}),
                 (${noTopic!.profileId}::int, ${noTopic!.personId}::int, ${noTopic!.orgPath}, ${noTopicReasons}))
         x(profile_id, person_id, org_path, reasons)
    JOIN volunteer_profiles p ON p.id = x.profile_id
    JOIN wave_quotas q ON q.wave_id = ${waveId} AND q.org_id = p.org_id`);
  // Each institution's team leader: its first lecturer or staff member in the wave (else its first volunteer).
  await tx.execute(sql`
    WITH lead AS (
      SELECT DISTINCT ON (org_id) org_id, person_id FROM demo_w2 ORDER BY org_id, grp NOT IN ('lecturer', 'staff'), rk)
    INSERT INTO volunteer_assignments (person_id, profile_id, wave_id, member_id, destination_id, org_path, issuer_path,
                                       site, task, starts_on, ends_on, status, team_leader_person_id, created_at)
    SELECT w.person_id, w.profile_id, ${waveId}, m.id, w.dest, w.org_path, ${cuc.path}::ltree,
           CASE w.code WHEN '24' THEN (${textArr(sites['24']!)}::text[])[1 + w.rk % ${sites['24']!.length}]
                       ELSE (${textArr(sites['27']!)}::text[])[1 + w.rk % ${sites['27']!.length}] END,
           CASE w.skill WHEN 'sampling' THEN ${tasks.sampling} WHEN 'testing' THEN ${tasks.testing}
                        ELSE ${tasks.treatment_care} END,
           '2021-05-27', '2021-06-10', 'deployed', lead.person_id,
           (date '2021-05-26' + time '20:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM demo_w2 w JOIN wave_members m ON m.wave_id = ${waveId} AND m.person_id = w.person_id
    JOIN lead ON lead.org_id = w.org_id`);
  await deployProfiles(tx, waveId, WAVE2_TITLE);
  const [sv] = await rows<{ personId: number; profileId: number }>(
    tx,
    sql`SELECT person_id AS "personId", profile_id AS "profileId" FROM demo_w2
        WHERE org_id = ${byKey.get('ydhp')!.id} ORDER BY rk LIMIT 1`,
  );
  await namedStudent(tx, sv!.personId, sv!.profileId);
  await tx.execute(sql`
    UPDATE volunteer_assignments SET site = 'Trung tâm Y tế huyện Việt Yên',
      confirmed_at = (date '2021-05-26' + time '21:15') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    WHERE wave_id = ${waveId} AND person_id = ${sv!.personId}`);
}

import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../platform/db/database.ts';
import { wave2 } from './demo-volunteers-wave2.ts';

/**
 * Waves 1 and 2 of seed 004 on the registry demo-volunteers.ts generated (its temporary table `demo_vol`):
 * wave 1 holds the 1,976 volunteers already helping localities on 24/5/2021 (15 institutions, assignments from
 * 10–17/5 for 30 days, in their provinces as of 2021); wave 2 (27/5/2021, order of Deputy Minister Nguyễn
 * Trường Sơn of 26/5) deploys 375 named volunteers of 5 institutions to Bắc Giang and Bắc Ninh for 27/5–10/6,
 * each holding a certificate of the four COVID-19 topics (trained by the department on 25–26/5); one
 * volunteer proposed by Hải Phòng is refused (still on a wave-1 assignment until mid-June) and one proposed by
 * the Traditional Medicine academy is refused (no certificate of "Phòng lây nhiễm chéo").
 */

export type School = { key?: string; id: number; path: string; active?: number; activeIn?: string };

export const WAVE1_TITLE = 'Đợt 1 – tình nguyện hỗ trợ các địa phương phòng, chống dịch COVID-19';
export const WAVE2_TITLE = 'Đợt 2 – hỗ trợ Bắc Giang, Bắc Ninh';
export const intArray = (xs: readonly number[]) => `{${xs.join(',')}}`;
export const textArr = (xs: readonly string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

export const sites: Record<string, string[]> = {
  '24': [
    'Trung tâm Y tế huyện Việt Yên',
    'Trung tâm Y tế huyện Yên Dũng',
    'Khu công nghiệp Quang Châu, huyện Việt Yên',
    'Bệnh viện Đa khoa tỉnh Bắc Giang',
  ],
  '27': ['Trung tâm Y tế huyện Thuận Thành', 'Bệnh viện Dã chiến số 1 tỉnh Bắc Ninh'],
};
export const tasks: Record<string, string> = {
  sampling: 'Lấy mẫu xét nghiệm SARS-CoV-2',
  testing: 'Xét nghiệm SARS-CoV-2',
  treatment_care: 'Chăm sóc, điều trị người bệnh COVID-19',
};

export async function insertWave(
  tx: Tx,
  cuc: { id: number; path: string },
  w: {
    title: string;
    kind: string;
    number: string | null;
    date: string;
    signer: string;
    summary: string;
    from: string;
    to: string;
  },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO mobilisation_waves (issuer_org_id, issuer_path, title, basis_kind, basis_number, basis_date,
          basis_signer, basis_summary, starts_on, ends_on, names_due_on, status, opened_at, created_at)
        VALUES (${cuc.id}, ${cuc.path}::ltree, ${w.title}, ${w.kind}, ${w.number}, ${w.date}, ${w.signer}, ${w.summary},
                ${w.from}, ${w.to}, ${w.from}, 'deployed', (${w.date}::date + time '10:00') AT TIME ZONE 'Asia/Ho_Chi_Minh',
                (${w.date}::date + time '10:00') AT TIME ZONE 'Asia/Ho_Chi_Minh')
        RETURNING id`,
  );
  return row!.id;
}

/** A destination per pre-2025 province code, named as it was on `asOf`; returns code → destination id. */
export async function insertDestinations(tx: Tx, waveId: number, codes: string[], asOf: string) {
  const list = await rows<{ id: number; code: string }>(
    tx,
    sql`INSERT INTO wave_destinations (wave_id, name, admin_unit_code, admin_unit_name, admin_unit_as_of,
                                       current_admin_unit_code)
        SELECT ${waveId}, l.old_name, l.old_code, l.old_name, ${asOf}, l.new_code
        FROM admin_unit_legacy l WHERE l.level = 'province' AND l.old_code = ANY(${textArr(codes)}::text[])
        ORDER BY l.old_code
        RETURNING id, admin_unit_code AS code`,
  );
  if (list.length !== codes.length) throw new Error(`demo: provinces of 2021 missing (${codes.join(', ')})`);
  return new Map(list.map((d) => [d.code, d.id]));
}

export async function insertQuotas(
  tx: Tx,
  waveId: number,
  quotas: { id: number; quota: number }[],
  on: string,
) {
  await tx.execute(
    sql`INSERT INTO wave_quotas (wave_id, org_id, org_path, quota, pledged, answered_at)
        SELECT ${waveId}, o.id, o.path, q.quota, q.quota, (${on}::date + time '16:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
        FROM unnest(${intArray(quotas.map((q) => q.id))}::int[], ${intArray(quotas.map((q) => q.quota))}::int[]) q(org_id, quota)
        JOIN organisations o ON o.id = q.org_id`,
  );
}

/** Profiles of `demo_w` move to 'deployed' on their assignment's first day, with their status-history row. */
export async function deployProfiles(tx: Tx, waveId: number, reason: string) {
  await tx.execute(sql`
    WITH a AS (SELECT profile_id, starts_on FROM volunteer_assignments WHERE wave_id = ${waveId}),
    u AS (UPDATE volunteer_profiles p SET status = 'deployed', status_since = a.starts_on, version = p.version + 1
          FROM a WHERE a.profile_id = p.id RETURNING p.id, a.starts_on)
    INSERT INTO volunteer_status_changes (profile_id, from_status, to_status, on_date, reason)
    SELECT id, 'ready', 'deployed', starts_on, ${reason} FROM u`);
}

async function wave1(tx: Tx, cuc: { id: number; path: string }, schools: School[]) {
  const active = schools.filter((s) => s.active);
  const waveId = await insertWave(tx, cuc, {
    title: WAVE1_TITLE,
    kind: 'official_letter',
    number: null,
    date: '2021-05-03',
    signer: 'Cục Khoa học công nghệ và Đào tạo',
    summary:
      'Chỉ đạo các cơ sở đào tạo nhân lực y tế chuẩn bị và sẵn sàng huy động cán bộ, giảng viên, học viên và sinh viên tình nguyện tham gia hỗ trợ các địa phương phòng, chống dịch COVID-19.',
    from: '2021-05-10',
    to: '2021-06-30',
  });
  const dest = await insertDestinations(
    tx,
    waveId,
    [...new Set(active.map((s) => s.activeIn!))],
    '2021-05-10',
  );
  await insertQuotas(
    tx,
    waveId,
    active.map((s) => ({ id: s.id, quota: s.active! })),
    '2021-05-08',
  );
  const destOf = `{${active.map((s) => dest.get(s.activeIn!)).join(',')}}`;
  await tx.execute(sql`
    INSERT INTO wave_members (wave_id, quota_id, profile_id, person_id, org_path, skill, status, proposed_at)
    SELECT ${waveId}, q.id, v.profile_id, v.person_id, v.org_path,
           CASE WHEN v.grp = 'student' THEN 'sampling' ELSE 'treatment_care' END, 'accepted',
           (v.reg + time '15:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM demo_vol v JOIN wave_quotas q ON q.wave_id = ${waveId} AND q.org_id = v.org_id WHERE v.kind = 'active'`);
  await tx.execute(sql`
    INSERT INTO volunteer_assignments (person_id, profile_id, wave_id, member_id, destination_id, org_path, issuer_path,
                                       site, task, starts_on, ends_on, status, created_at)
    SELECT v.person_id, v.profile_id, ${waveId}, m.id, d.dest, v.org_path, ${cuc.path}::ltree,
           'Trung tâm Y tế tuyến huyện', CASE m.skill WHEN 'sampling' THEN ${tasks.sampling} ELSE ${tasks.treatment_care} END,
           date '2021-05-10' + (v.h % 8)::int, date '2021-05-10' + (v.h % 8)::int + 30, 'deployed',
           (date '2021-05-09' + time '16:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM demo_vol v JOIN wave_members m ON m.wave_id = ${waveId} AND m.person_id = v.person_id
    JOIN unnest(${intArray(active.map((s) => s.id))}::int[], ${destOf}::int[]) d(org_id, dest) ON d.org_id = v.org_id`);
  await deployProfiles(tx, waveId, WAVE1_TITLE);
  return waveId;
}

export async function seedSeed004Waves(tx: Tx, schools: School[]) {
  const [cuc] = await rows<{ id: number; path: string; name: string; shortName: string | null }>(
    tx,
    sql`SELECT id, path::text AS path, name, short_name AS "shortName" FROM organisations
        WHERE name = 'Cục Khoa học công nghệ và Đào tạo' AND kind = 'health'`,
  );
  if (!cuc) throw new Error('demo organisation missing: Cục Khoa học công nghệ và Đào tạo');
  await wave1(tx, cuc, schools);
  await wave2(tx, cuc, schools);
}

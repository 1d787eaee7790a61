import { type SQL, sql } from 'drizzle-orm';
import { sampleNameParts } from '../modules/training/roster/roster.sample.ts';
import type { Tx } from '../platform/db/database.ts';
import { type Db, rows } from '../platform/db/database.ts';
import { demoSchools } from './demo-volunteers-orgs.ts';
import { seedSeed004Waves } from './demo-volunteers-waves.ts';

/**
 * Seed 004 in the demo: the volunteer registries of the 34 medical training institutions as they stood on
 * 24/5/2021 (wave 1's report), generated set-based — one INSERT … SELECT per table for all ~26,000 volunteers —
 * then waves 1 and 2 (demo-volunteers-waves.ts). Readiness as the report counts it, from the dated status
 * history: on 24/5/2021, 23,888 profiles were 'ready' in 34 institutions and 1,976 'deployed' (wave 1) in 15;
 * 2 % more had registered without declaring themselves ready. Wave 2 then deploys 375 of the ready ones on
 * 27/5/2021, so today's live counts are 23,513 ready + 375 deployed in wave 2 (= 23,888) and 2,351 deployed.
 * Sign in as `cuc.khcndt` (the department), `tnv.ydhp` (Hải Phòng's volunteer officer) or `sv.ydhp` (a student).
 */

/** A text[] literal: every element quoted (names hold spaces). */
export const textArray = (xs: readonly string[]): SQL =>
  sql`${`{${xs.map((x) => `"${x}"`).join(',')}}`}::text[]`;

/** Nguyễn, Trần, Lê and Phạm are the commonest family names: weighted as they are in Vietnam, roughly. */
const families = sampleNameParts.families.flatMap((f, i) =>
  Array.from({ length: i === 0 ? 7 : i < 4 ? 2 : 1 }, () => f),
);
/** More given names than the roster sample's, so 26,000 people do not share too few names. */
const givens = {
  male: [...sampleNameParts.givens.male, 'Hiếu', 'Hoàng', 'Khoa', 'Kiên', 'Lâm', 'Trung', 'Vinh', 'Thành'],
  female: [...sampleNameParts.givens.female, 'Diệp', 'Giang', 'Hạnh', 'Huyền', 'My', 'Oanh', 'Quỳnh', 'Vy'],
};

/**
 * A full name for the generated person `h` (a hashed series number) and sex, as an SQL expression: family,
 * middle and given name each picked from its list by a different part of the hash.
 */
export function vietnameseNameSql(h: SQL, female: SQL): SQL {
  const pick = (list: readonly string[], salt: number) =>
    sql`(${textArray(list)})[1 + ((${h}) / ${salt}) % ${list.length}]`;
  return sql`${pick(families, 1)} || ' ' ||
    CASE WHEN ${female} THEN ${pick(sampleNameParts.middles.female, 7)} || ' ' || ${pick(givens.female, 53)}
         ELSE ${pick(sampleNameParts.middles.male, 7)} || ' ' || ${pick(givens.male, 53)} END`;
}

const faculties = [
  ['Khoa Y', 'Y khoa'],
  ['Khoa Điều dưỡng', 'Điều dưỡng'],
  ['Khoa Y học dự phòng', 'Y học dự phòng'],
  ['Khoa Dược', 'Dược học'],
  ['Khoa Răng Hàm Mặt', 'Răng Hàm Mặt'],
  ['Khoa Kỹ thuật Y học', 'Kỹ thuật xét nghiệm y học'],
  ['Khoa Y tế công cộng', 'Y tế công cộng'],
  ['Khoa Y học cổ truyền', 'Y học cổ truyền'],
] as const;
const professions = ['Bác sĩ', 'Dược sĩ', 'Điều dưỡng', 'Kỹ thuật viên xét nghiệm'];
const staffSkills = ['doctor', 'nursing', 'testing', 'pharmacy'];
const studentSkills = ['sampling', 'first_aid', 'data_entry', 'infection_control', 'vaccination'];

async function schoolsInDb(db: Db | Tx) {
  const found = await rows<{ id: number; path: string; name: string }>(
    db,
    sql`SELECT id, path::text AS path, name FROM organisations
        WHERE kind = 'training_institution' AND name = ANY(${textArray(demoSchools.map((s) => s.name))})`,
  );
  const byName = new Map(found.map((o) => [o.name, o]));
  return demoSchools.map((s) => {
    const o = byName.get(s.name);
    if (!o) throw new Error(`demo institution missing: ${s.name}`);
    return { ...s, id: o.id, path: o.path, registeredOnly: Math.round(s.ready / 50) };
  });
}

/**
 * The generated volunteers of one call, in a temporary table `demo_vol` dropped at commit: one row per
 * volunteer (institution, kind ready / active / registered, its rank k in that kind, a hash h for its
 * attributes), then people, institution links, profiles, status history and qualifications from it.
 */
async function generateRegistry(tx: Tx, schools: Awaited<ReturnType<typeof schoolsInDb>>) {
  const ints = (f: (s: (typeof schools)[number]) => number) => `{${schools.map(f).join(',')}}`;
  await tx.execute(sql`
    CREATE TEMP TABLE demo_vol ON COMMIT DROP AS
    WITH s AS (
      SELECT * FROM unnest(${ints((s) => s.id)}::int[], ${ints((s) => s.ready)}::int[],
                           ${ints((s) => s.active ?? 0)}::int[], ${ints((s) => s.registeredOnly)}::int[])
               AS s(org_id, ready, active, registered)),
    g AS (
      SELECT s.org_id, x.kind, k FROM s
      CROSS JOIN LATERAL (VALUES ('ready', s.ready), ('active', s.active), ('registered', s.registered)) x(kind, cnt)
      CROSS JOIN LATERAL generate_series(1, x.cnt) k),
    n AS (SELECT row_number() OVER (ORDER BY org_id, kind, k)::int AS n, * FROM g),
    x AS (SELECT n.*, ((n.n::bigint * 2654435761) % 4294967291)::bigint AS h FROM n),
    y AS (SELECT x.*, CASE WHEN (h / 100) % 100 < 78 THEN 'student' WHEN (h / 100) % 100 < 85 THEN 'graduate_student'
                           WHEN (h / 100) % 100 < 94 THEN 'lecturer' ELSE 'staff' END AS grp FROM x)
    -- Attributes, from the hash: sex, group, faculty, registration day, year of study, birth date (19–55 in 2021).
    SELECT y.n, y.org_id, o.path AS org_path, o.name AS org_name, o.admin_unit_code AS au, y.kind, y.k, y.h, y.grp,
           nextval(pg_get_serial_sequence('people', 'id'))::int AS person_id,
           nextval(pg_get_serial_sequence('volunteer_profiles', 'id'))::int AS profile_id,
           h % 100 < 62 AS female, (1 + (h / 11) % ${faculties.length})::int AS fac,
           CASE y.kind WHEN 'active' THEN date '2021-05-03' + (h % 5)::int
                     WHEN 'registered' THEN date '2021-05-18' + (h % 7)::int
                     ELSE date '2021-05-05' + (h % 20)::int END AS reg,
           (CASE WHEN grp = 'student'
                 THEN 1 + (h / 17) % (CASE WHEN o.name LIKE 'Trường Cao đẳng%' THEN 3 ELSE 6 END) END)::smallint AS study_year,
           make_date(2021 - CASE grp WHEN 'student' THEN 19 + ((h / 17) % 6)::int
                                     WHEN 'graduate_student' THEN 24 + ((h / 19) % 11)::int
                                     WHEN 'lecturer' THEN 28 + ((h / 19) % 28)::int
                                     ELSE 23 + ((h / 19) % 33)::int END,
                     1 + ((h / 23) % 12)::int, 1 + ((h / 29) % 28)::int) AS birth
    FROM y JOIN organisations o ON o.id = y.org_id ORDER BY y.n`);
  // Ids drawn from the tables' own sequences above, so no pass maps inserted rows back to the series.
  await tx.execute(sql`
    INSERT INTO people (id, full_name, birth_date, sex, phone, job_title, org_id, org_path, created_at)
    OVERRIDING SYSTEM VALUE
    SELECT person_id, ${vietnameseNameSql(sql`h`, sql`female`)}, birth, CASE WHEN female THEN 'female' ELSE 'male' END,
           '08' || lpad(n::text, 8, '0'),
           CASE grp WHEN 'student' THEN 'Sinh viên' WHEN 'graduate_student' THEN 'Học viên sau đại học'
                    WHEN 'lecturer' THEN 'Giảng viên' ELSE 'Viên chức' END,
           org_id, org_path, (reg + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM demo_vol ORDER BY n`);
  await tx.execute(sql`
    INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
    SELECT person_id, org_id, org_path, 'institution', reg FROM demo_vol`);
  const facultyNames = textArray(faculties.map((f) => f[0]));
  const programmes = textArray(faculties.map((f) => f[1]));
  await tx.execute(sql`
    INSERT INTO volunteer_profiles (id, person_id, org_id, org_path, grp, faculty, study_year, profession, languages,
                                      home_province_code, status, status_since, ready_declared_on, consent_contact,
                                      consent_on, created_at)
    OVERRIDING SYSTEM VALUE
      SELECT profile_id, person_id, org_id, org_path, grp, (${facultyNames})[fac], study_year,
             CASE grp WHEN 'student' THEN 'Sinh viên ngành ' || (${programmes})[fac]
                      WHEN 'graduate_student' THEN CASE WHEN h % 3 = 0 THEN 'Bác sĩ nội trú' ELSE 'Học viên cao học' END
                      WHEN 'lecturer' THEN (${textArray(professions)})[1 + (h / 31) % ${professions.length}]
                      ELSE 'Chuyên viên' END,
             CASE WHEN h % 4 = 0 THEN '{"Tiếng Anh"}'::text[] ELSE '{}'::text[] END,
             CASE WHEN h % 10 = 0 THEN '24' ELSE au END,
             CASE kind WHEN 'registered' THEN 'registered' ELSE 'ready' END, reg,
             CASE WHEN kind <> 'registered' THEN reg END, true, reg,
             (reg + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
      FROM demo_vol ORDER BY n`);
  await tx.execute(sql`
    INSERT INTO volunteer_status_changes (profile_id, from_status, to_status, on_date, reason)
    SELECT profile_id, NULL, CASE kind WHEN 'registered' THEN 'registered' ELSE 'ready' END, reg,
           CASE kind WHEN 'registered' THEN 'Đăng ký tình nguyện viên'
                ELSE 'Đăng ký tình nguyện, sẵn sàng tham gia hỗ trợ phòng, chống dịch COVID-19 khi được huy động' END
    FROM demo_vol`);
  // A qualification for about a third (licences of lecturers and residents, skills of students); a few of the
  // students' certificates had expired by May 2021.
  await tx.execute(sql`
    INSERT INTO volunteer_qualifications (profile_id, skill, level, issuer, document_no, issued_on, expires_on)
    SELECT profile_id, skill, level, issuer, doc, issued,
           CASE WHEN grp = 'student' AND h % 41 = 0 THEN date '2021-04-30'
                WHEN grp = 'student' THEN issued + interval '3 years' END::date
    FROM (
      SELECT v.*, CASE WHEN grp IN ('lecturer', 'staff') THEN (${textArray(staffSkills)})[1 + (h / 37) % ${staffSkills.length}]
                       WHEN grp = 'graduate_student' THEN CASE WHEN h % 2 = 0 THEN 'doctor' ELSE 'treatment_care' END
                       ELSE (${textArray(studentSkills)})[1 + (h / 37) % ${studentSkills.length}] END AS skill,
             CASE grp WHEN 'lecturer' THEN 'advanced' WHEN 'graduate_student' THEN 'intermediate' ELSE 'basic' END AS level,
             CASE WHEN grp = 'student' THEN org_name ELSE 'Bộ Y tế' END AS issuer,
             CASE WHEN grp = 'student' THEN NULL ELSE lpad((h % 1000000)::text, 6, '0') || '/BYT-CCHN' END AS doc,
             reg - ((h / 41) % 900)::int AS issued
      FROM demo_vol v WHERE grp <> 'student' OR (h / 43) % 100 < 25) q`);
}

/** Loads seed 004 unless it is there already (a second run leaves the database as it is). */
export async function seedVolunteers(db: Db): Promise<void> {
  const [done] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM volunteer_profiles`);
  if (done!.n > 0) return;
  await db.transaction(async (tx) => {
    const schools = await schoolsInDb(tx);
    await generateRegistry(tx, schools);
    await seedSeed004Waves(tx, schools);
  });
}

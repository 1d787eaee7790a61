import { sql } from 'drizzle-orm';
import { textArray, vietnameseNameSql } from '../src/demo/demo-volunteers.ts';
import { demoSchools } from '../src/demo/demo-volunteers-orgs.ts';
import { type Db, rows } from '../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg } from '../test/helpers/factories.ts';

/**
 * The volunteers benchmark's dataset (issue 11), set-based: Bộ Y tế with its department and the 34 institutions
 * of seed 004; a registry of `people` persons (1,000,000 at full size) of whom `volunteers` (25,000) are kept as
 * volunteers by the institutions (in seed 004's proportions), a third with a qualification; `waves` past waves
 * over five years, 45 days apart and 14 days long, each deploying `perWave` volunteers (~60,000 assignments).
 */
export type VolunteersSize = { people: number; volunteers: number; waves: number; perWave: number };

export type VolunteersData = {
  root: BuiltOrg;
  cuc: BuiltOrg;
  schools: BuiltOrg[];
  counts: { people: number; volunteers: number; assignments: number; waves: number };
  buildMs: number;
};

const skills = ['sampling', 'testing', 'treatment_care', 'nursing', 'doctor', 'first_aid', 'vaccination'];

export async function buildVolunteers(db: Db, size: VolunteersSize): Promise<VolunteersData> {
  const t0 = performance.now();
  const root = await buildOrg(db, { name: 'Bộ Y tế', kind: 'health' });
  const cuc = await buildOrg(db, { parent: root, name: 'Cục Khoa học công nghệ và Đào tạo', kind: 'health' });
  const schools: BuiltOrg[] = [];
  for (const s of demoSchools)
    schools.push(await buildOrg(db, { parent: root, name: s.name, kind: 'training_institution' }));
  // Each institution's share of the volunteers, as in seed 004's report.
  const total = demoSchools.reduce((a, s) => a + s.ready + (s.active ?? 0), 0);
  const weights = `{${demoSchools.map((s) => (s.ready + (s.active ?? 0)) / total).join(',')}}`;
  const ids = `{${schools.map((o) => o.id).join(',')}}`;
  // The registry: volunteers first (ids 1..volunteers of the series), spread over the institutions by weight.
  await db.execute(sql`
    INSERT INTO people (full_name, birth_date, sex, phone, org_id, org_path)
    SELECT ${vietnameseNameSql(sql`h`, sql`h % 100 < 60`)}, date '1966-01-01' + (h % 12000)::int,
           CASE WHEN h % 100 < 60 THEN 'female' ELSE 'male' END, '07' || lpad(g::text, 8, '0'),
           coalesce(o.id, ${root.id}), coalesce(o.path, ${root.path}::ltree)
    FROM (SELECT g, (g::bigint * 2654435761) % 4294967291 AS h FROM generate_series(1, ${size.people}) g) s
    LEFT JOIN LATERAL (
      SELECT i FROM (SELECT i, sum(w) OVER (ORDER BY i) AS upto FROM unnest(${weights}::float8[]) WITH ORDINALITY x(w, i)) c
      WHERE s.g <= ${size.volunteers} AND (s.g::float8 / ${size.volunteers}) <= c.upto + 1e-9 ORDER BY i LIMIT 1) pick ON true
    LEFT JOIN organisations o ON o.id = (${ids}::int[])[pick.i]`);
  await db.execute(sql`
    INSERT INTO volunteer_profiles (person_id, org_id, org_path, grp, status, status_since, ready_declared_on,
                                    consent_contact, consent_on)
    SELECT p.id, p.org_id, p.org_path,
           CASE WHEN p.id % 100 < 78 THEN 'student' WHEN p.id % 100 < 85 THEN 'graduate_student'
                WHEN p.id % 100 < 94 THEN 'lecturer' ELSE 'staff' END,
           CASE WHEN p.id % 50 = 0 THEN 'registered' ELSE 'ready' END, '2021-01-01',
           CASE WHEN p.id % 50 <> 0 THEN date '2021-01-01' END, true, '2021-01-01'
    FROM people p WHERE p.org_id = ANY(${ids}::int[])`);
  await db.execute(sql`
    INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
    SELECT person_id, org_id, org_path, 'institution', '2021-01-01' FROM volunteer_profiles`);
  await db.execute(sql`
    INSERT INTO volunteer_qualifications (profile_id, skill, level, issued_on, expires_on)
    SELECT id, (${textArray(skills)})[1 + (id / 3) % ${skills.length}], 'basic', '2020-06-01',
           CASE WHEN id % 20 = 0 THEN date '2022-06-01' ELSE date '2030-06-01' END
    FROM volunteer_profiles WHERE id % 3 = 0`);
  await db.execute(sql`
    INSERT INTO volunteer_status_changes (profile_id, to_status, on_date, reason)
    SELECT id, status, '2021-01-01', 'Đăng ký' FROM volunteer_profiles`);
  // Past waves: 45 days apart, 14 days long, each deploying a hash-chosen `perWave` volunteers.
  await db.execute(sql`
    INSERT INTO mobilisation_waves (issuer_org_id, issuer_path, title, basis_kind, basis_date, basis_signer,
                                    starts_on, ends_on, status)
    SELECT ${cuc.id}, ${cuc.path}::ltree, 'Đợt ' || i, 'decision', date '2021-05-01' + (i * 45),
           'Bộ Y tế', date '2021-05-01' + (i * 45), date '2021-05-01' + (i * 45) + 13, 'closed'
    FROM generate_series(1, ${size.waves}) i`);
  await db.execute(sql`
    INSERT INTO wave_destinations (wave_id, name, admin_unit_code, admin_unit_name, admin_unit_as_of)
    SELECT id, 'Tỉnh Bắc Giang', '24', 'Tỉnh Bắc Giang', starts_on FROM mobilisation_waves`);
  await db.execute(sql`
    INSERT INTO volunteer_assignments (person_id, profile_id, wave_id, destination_id, org_path, issuer_path,
                                       starts_on, ends_on, status)
    SELECT p.person_id, p.id, w.id, d.id, p.org_path, w.issuer_path, w.starts_on, w.ends_on, 'returned'
    FROM mobilisation_waves w JOIN wave_destinations d ON d.wave_id = w.id
    CROSS JOIN LATERAL (
      SELECT * FROM volunteer_profiles p WHERE p.status = 'ready'
      ORDER BY md5(p.id::text || '-' || w.id) LIMIT ${size.perWave}) p`);
  await db.execute(sql`ANALYZE`);
  const [c] = await rows<VolunteersData['counts']>(
    db,
    sql`SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM volunteer_profiles) AS volunteers,
               (SELECT count(*)::int FROM volunteer_assignments) AS assignments,
               (SELECT count(*)::int FROM mobilisation_waves) AS waves`,
  );
  return { root, cuc, schools, counts: c!, buildMs: performance.now() - t0 };
}

/** An open wave in the future (no past assignment overlaps its dates) with a destination. */
export async function openWave(db: Db, cuc: BuiltOrg, title: string, from: string, to: string) {
  const [w] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO mobilisation_waves (issuer_org_id, issuer_path, title, basis_kind, basis_date, basis_signer,
                                        starts_on, ends_on, status)
        VALUES (${cuc.id}, ${cuc.path}::ltree, ${title}, 'order', ${from}, 'Bộ Y tế', ${from}, ${to}, 'open') RETURNING id`,
  );
  const [d] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO wave_destinations (wave_id, name, admin_unit_code, admin_unit_name, admin_unit_as_of)
        VALUES (${w!.id}, 'Tỉnh Bắc Ninh', '24', 'Tỉnh Bắc Ninh', ${from}) RETURNING id`,
  );
  return { id: w!.id, destinationId: d!.id, from, to };
}

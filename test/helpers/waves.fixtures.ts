import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg } from './factories.ts';
import { loginAs, type Session, type TestApp } from './test-app.ts';

/**
 * A ministry issuing waves to two medical schools, each with its volunteer officer, and volunteers inserted
 * directly (arrange-step data: people, profiles, qualifications, certificates, assignments).
 */
export type WaveWorld = {
  ministry: BuiltOrg;
  schoolA: BuiltOrg;
  schoolB: BuiltOrg;
  outsider: BuiltOrg;
  issuer: Session;
  offA: Session;
  offB: Session;
  stranger: Session;
  topicId: number;
};

export async function buildWaveWorld(t: TestApp): Promise<WaveWorld> {
  const ministry = await buildOrg(t.db, { name: 'Bộ Y tế (thử)' });
  const schoolA = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Dược Hải Phòng (thử)' });
  const schoolB = await buildOrg(t.db, { parent: ministry, name: 'Học viện Y Dược học cổ truyền (thử)' });
  const outsider = await buildOrg(t.db, { name: 'Hội Chữ thập đỏ khác (thử)' });
  const [course] = await rows<{ id: number }>(
    t.db,
    sql`INSERT INTO course_types (code, family, name_vi, name_en, hours, legal_source, effective_from, certificate_kind)
        VALUES (${`COVID_${ministry.id}`}, 'custom', 'Phòng chống dịch COVID-19 tại cơ sở cách ly', 'COVID-19 prevention',
                4, 'Bộ Y tế 2021', '2020-01-01', 'certificate') RETURNING id`,
  );
  return {
    ministry,
    schoolA,
    schoolB,
    outsider,
    issuer: await loginAs(t, ministry, 'mobilisation_officer'),
    offA: await loginAs(t, schoolA, 'volunteer_officer'),
    offB: await loginAs(t, schoolB, 'volunteer_officer'),
    stranger: await loginAs(t, outsider, 'volunteer_officer'),
    topicId: course!.id,
  };
}

let seq = 0;

/** A volunteer of `org`: a person and a profile; optionally a qualification and a certificate of `topicId`. */
export async function buildVolunteer(
  db: Db,
  org: BuiltOrg,
  opts: {
    name?: string;
    birthDate?: string;
    status?: string;
    skill?: { code: string; expiresOn: string | null };
    topicId?: number;
  } = {},
): Promise<{ profileId: number; personId: number; name: string }> {
  const name = opts.name ?? `Nguyễn Văn Thử ${++seq}`;
  const [p] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO people (full_name, birth_date, org_id, org_path)
        VALUES (${name}, ${opts.birthDate ?? '1999-03-02'}, ${org.id}, ${org.path}::ltree) RETURNING id`,
  );
  const [v] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO volunteer_profiles (person_id, org_id, org_path, grp, status, status_since)
        VALUES (${p!.id}, ${org.id}, ${org.path}::ltree, 'student', ${opts.status ?? 'ready'}, '2021-01-01')
        RETURNING id`,
  );
  if (opts.skill)
    await db.execute(
      sql`INSERT INTO volunteer_qualifications (profile_id, skill, expires_on)
          VALUES (${v!.id}, ${opts.skill.code}, ${opts.skill.expiresOn})`,
    );
  if (opts.topicId)
    await db.execute(
      sql`INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id, course_type_id,
                                    issued_on, valid_until, verify_code)
          VALUES (${org.id}, ${org.path}::ltree, 2021, ${++seq}, ${`T${seq}/2021`}, ${p!.id}, ${opts.topicId},
                  '2021-05-01', NULL, ${`code${seq}x${p!.id}`})`,
    );
  return { profileId: v!.id, personId: p!.id, name };
}

/** A live assignment of the volunteer on another wave over the days (the overlap a proposal must see). */
export async function buildAssignment(
  db: Db,
  org: BuiltOrg,
  v: { profileId: number; personId: number },
  from: string,
  to: string,
): Promise<number> {
  const [w] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO mobilisation_waves (issuer_org_id, issuer_path, title, basis_kind, basis_date, basis_signer,
                                        starts_on, ends_on, status)
        VALUES (${org.id}, ${org.path}::ltree, 'Đợt 1 – hỗ trợ Bắc Giang', 'order', '2021-05-01', 'Thứ trưởng',
                ${from}, ${to}, 'deployed') RETURNING id`,
  );
  const [d] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO wave_destinations (wave_id, name, admin_unit_code, admin_unit_name, admin_unit_as_of)
        VALUES (${w!.id}, 'Bệnh viện dã chiến số 2', '24', 'Tỉnh Bắc Giang', ${from}) RETURNING id`,
  );
  const [a] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO volunteer_assignments (person_id, profile_id, wave_id, destination_id, org_path, issuer_path,
                                           starts_on, ends_on, status)
        VALUES (${v.personId}, ${v.profileId}, ${w!.id}, ${d!.id}, ${org.path}::ltree, ${org.path}::ltree,
                ${from}, ${to}, 'deployed') RETURNING id`,
  );
  return a!.id;
}

export const put = (s: Session, url: string, json: unknown) => s.request({ method: 'PUT', url, json });

/** The body of wave 2 of 2021: Bắc Giang and Bắc Ninh as two provinces, a COVID-19 topic, quotas of two schools. */
export function waveBody(w: WaveWorld, extra: object = {}) {
  return {
    issuerOrgId: w.ministry.id,
    title: 'Đợt 2 – hỗ trợ Bắc Giang, Bắc Ninh',
    basisKind: 'order',
    basisNumber: null,
    basisDate: '2021-05-26',
    basisSigner: 'Thứ trưởng Nguyễn Trường Sơn',
    basisSummary: 'Huy động sinh viên, giảng viên hỗ trợ lấy mẫu xét nghiệm',
    startsOn: '2021-05-27',
    endsOn: '2021-06-26',
    namesDueOn: '2021-05-25',
    destinations: [
      { name: 'TP Bắc Giang', adminUnitCode: '24' },
      { name: 'Huyện Thuận Thành', adminUnitCode: '27' },
    ],
    needs: [
      { skill: 'sampling', headcount: 4, destinationIndex: 0 },
      { skill: 'testing', headcount: 1 },
    ],
    topicCourseTypeIds: [w.topicId],
    quotas: [
      { orgId: w.schoolA.id, quota: 3 },
      { orgId: w.schoolB.id, quota: 2 },
    ],
    ...extra,
  };
}

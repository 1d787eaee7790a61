import { sql } from 'drizzle-orm';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { type Db, rows } from '../../../platform/db/database.ts';

/**
 * Arrange-step rows for deployment tests, inserted directly (waves are helper B's feature): an issuer, its
 * institutions, volunteers (people + profiles), a wave with destinations, quotas and proposed members.
 */

export type Forest = { ministry: BuiltOrg; schoolA: BuiltOrg; schoolB: BuiltOrg };

export async function buildMinistry(db: Db): Promise<Forest> {
  const ministry = await buildOrg(db, { name: 'Bộ Y tế', kind: 'health' });
  const schoolA = await buildOrg(db, {
    parent: ministry,
    name: 'Trường Đại học Y Dược Hải Phòng',
    kind: 'training_institution',
  });
  const schoolB = await buildOrg(db, {
    parent: ministry,
    name: 'Trường Đại học Y Hà Nội',
    kind: 'training_institution',
  });
  return { ministry, schoolA, schoolB };
}

export type Volunteer = { personId: number; profileId: number; fullName: string; org: BuiltOrg };

/** Volunteers of an institution (ready); names given or numbered. */
export async function buildVolunteers(
  db: Db,
  org: BuiltOrg,
  names: string[] | number,
  opts: { faculty?: string } = {},
): Promise<Volunteer[]> {
  const list =
    typeof names === 'number' ? Array.from({ length: names }, (_, i) => `Nguyễn Văn Thử ${i + 1}`) : names;
  const out = await rows<{ personId: number; profileId: number; fullName: string }>(
    db,
    sql`WITH p AS (
          INSERT INTO people (full_name, birth_date, org_id, org_path)
          SELECT n, '2001-03-15'::date, ${org.id}, ${org.path}::ltree FROM unnest(${`{${list.map((n) => `"${n}"`).join(',')}}`}::text[]) n
          RETURNING id, full_name)
        , v AS (
          INSERT INTO volunteer_profiles (person_id, org_id, org_path, grp, faculty, study_year, status, status_since)
          SELECT id, ${org.id}, ${org.path}::ltree, 'student', ${opts.faculty ?? 'Khoa Y học dự phòng'}, 5, 'ready', '2021-01-01'
          FROM p RETURNING id, person_id)
        SELECT p.id AS "personId", v.id AS "profileId", p.full_name AS "fullName"
        FROM p JOIN v ON v.person_id = p.id ORDER BY p.id`,
  );
  return out.map((r) => ({ ...r, org }));
}

export type Wave = { id: number; title: string; destinations: { id: number; name: string }[] };

export async function buildWave(
  db: Db,
  issuer: BuiltOrg,
  opts: { title?: string; startsOn?: string; endsOn?: string; status?: string } = {},
): Promise<Wave> {
  const title = opts.title ?? 'Đợt 2 – hỗ trợ Bắc Giang, Bắc Ninh';
  const [w] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO mobilisation_waves (issuer_org_id, issuer_path, title, basis_kind, basis_date, basis_signer,
          basis_summary, starts_on, ends_on, status)
        VALUES (${issuer.id}, ${issuer.path}::ltree, ${title}, 'order', '2021-05-26', 'Thứ trưởng Nguyễn Trường Sơn',
          'Chỉ đạo của Thứ trưởng Bộ Y tế ngày 26/5/2021', ${opts.startsOn ?? '2021-05-27'}, ${opts.endsOn ?? '2021-06-26'},
          ${opts.status ?? 'open'})
        RETURNING id`,
  );
  const destinations = await rows<{ id: number; name: string }>(
    db,
    sql`INSERT INTO wave_destinations (wave_id, name, admin_unit_code, admin_unit_name, admin_unit_as_of)
        VALUES (${w!.id}, 'Bắc Giang', '24', 'Tỉnh Bắc Giang', '2021-05-27'),
               (${w!.id}, 'Bắc Ninh', '27', 'Tỉnh Bắc Ninh', '2021-05-27')
        RETURNING id, name`,
  );
  return { id: w!.id, title, destinations };
}

/** Proposes volunteers in a wave (a quota per institution as needed); answers the member ids in order. */
export async function proposeMembers(db: Db, waveId: number, volunteers: Volunteer[]): Promise<number[]> {
  const ids: number[] = [];
  const byOrg = new Map<number, Volunteer[]>();
  for (const v of volunteers) byOrg.set(v.org.id, [...(byOrg.get(v.org.id) ?? []), v]);
  for (const [, list] of byOrg) {
    const org = list[0]!.org;
    await db.execute(
      sql`INSERT INTO wave_quotas (wave_id, org_id, org_path, quota) VALUES (${waveId}, ${org.id}, ${org.path}::ltree, ${list.length})
          ON CONFLICT (wave_id, org_id) DO UPDATE SET quota = wave_quotas.quota + ${list.length}`,
    );
    const got = await rows<{ id: number }>(
      db,
      sql`INSERT INTO wave_members (wave_id, quota_id, profile_id, person_id, org_path, skill, status)
          SELECT ${waveId}, q.id, x.profile_id, x.person_id, ${org.path}::ltree, 'sampling', 'proposed'
          FROM wave_quotas q,
               unnest(${`{${list.map((v) => v.profileId).join(',')}}`}::int[], ${`{${list.map((v) => v.personId).join(',')}}`}::int[])
                 WITH ORDINALITY AS x(profile_id, person_id, n)
          WHERE q.wave_id = ${waveId} AND q.org_id = ${org.id}
          ORDER BY x.n
          RETURNING id`,
    );
    ids.push(...got.map((g) => g.id));
  }
  // The ids in the order of `volunteers`.
  const order = await rows<{ id: number; personId: number }>(
    db,
    sql`SELECT id, person_id AS "personId" FROM wave_members WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`,
  );
  const byPerson = new Map(order.map((o) => [o.personId, o.id]));
  return volunteers.map((v) => byPerson.get(v.personId)!);
}

/** Links a user account to a person (the volunteer's own sign-in). */
export async function linkUser(db: Db, userId: number, personId: number) {
  await db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${userId}`);
}

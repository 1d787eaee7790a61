import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg, buildUser } from './factories.ts';
import { loginAs, signIn, type TestApp } from './test-app.ts';

/** Arrange steps of the drives' tests: an organiser union, another tree, a blood establishment, donors. */

let seq = 0;

export async function buildPerson(
  db: Db,
  org: BuiltOrg,
  opts: { fullName?: string; birthDate?: string; sex?: 'male' | 'female'; phone?: string } = {},
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO people (full_name, birth_date, sex, phone, org_id, org_path)
        VALUES (${opts.fullName ?? `Lò Văn Hiến ${++seq}`}, ${opts.birthDate ?? '1990-05-01'}, ${opts.sex ?? 'male'},
                ${opts.phone ?? null}, ${org.id}, ${org.path}::ltree) RETURNING id`,
  );
  return row!.id;
}

/** A past attempt (e.g. a whole-blood donation in February). */
export async function buildDonation(
  db: Db,
  org: BuiltOrg,
  personId: number,
  donatedOn: string,
  kind = 'whole_blood',
) {
  await db.execute(
    sql`INSERT INTO blood_donations (person_id, donated_on, organiser_org_id, organiser_path, kind, volume_ml, outcome)
        VALUES (${personId}, ${donatedOn}::date, ${org.id}, ${org.path}::ltree, ${kind}, 350, 'donated')`,
  );
}

/** A person-only sign-in (users.person_id, no grants): the donor's own account. */
export async function donorSession(t: TestApp, personId: number) {
  const u = await buildUser(t.db);
  await t.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${u.id}`);
  return { ...(await signIn(t, u.username, u.password)), userId: u.id };
}

export async function buildDriveWorld(t: TestApp) {
  const province = await buildOrg(t.db, { name: 'Liên đoàn Lao động tỉnh Điện Biên' });
  const union = await buildOrg(t.db, { parent: province, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
  const other = await buildOrg(t.db, { name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
  const establishment = await buildOrg(t.db, { name: 'Bệnh viện Đa khoa tỉnh Điện Biên', kind: 'health' });
  const organiser = await loginAs(t, union, 'blood_organiser');
  const desk = await loginAs(t, union, 'blood_desk');
  const stranger = await loginAs(t, other, 'blood_organiser');
  return { province, union, other, establishment, organiser, desk, stranger };
}

export const driveBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  organiserOrgId: orgId,
  title: 'Ngày hội hiến máu Điện Biên 7/4',
  site: 'Nhà văn hoá tỉnh Điện Biên',
  address: 'Phường Mường Thanh, TP Điện Biên Phủ',
  provinceCode: '11',
  driveDate: '2021-04-07',
  opensAt: '07:00',
  closesAt: '09:00',
  targetUnits: 10,
  slotMinutes: 30,
  capacityPerSlot: 2,
  ...over,
});

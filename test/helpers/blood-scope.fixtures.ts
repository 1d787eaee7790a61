import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg, buildUser } from './factories.ts';
import { loginAs, type Session, signIn, type TestApp } from './test-app.ts';

/**
 * Two provinces' blood donation, made through the API as each side's collection desk would (so every write left
 * its audit entry): a donor with a donation and its certificate, an open drive with a booking and its invitation
 * token, a planned drive, a family club with its head, a call-out, honour rules and an honour. The tests of ids in
 * requests and of health data (test/ids-in-scope.blood.http.test.ts, test/health-data.blood.http.test.ts) read
 * the same world from both sides. The clock: 4/5/2026, 09:00 in Vietnam.
 */

export const BLOOD_NOW = '2026-05-04T02:00:00Z';
/** 08:00 in Vietnam on the day of each side's drive: its check-in desk opens that day, not before. */
export const BLOOD_DRIVE_DAY = '2026-05-16T01:00:00Z';
/** A well-formed id that names no row. */
export const MISSING = 2_147_483_000;

export type BloodSide = Awaited<ReturnType<typeof buildBloodSide>>;

let seq = 0;

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record<string, unknown> & { id: number };
}

/** A person kept by `org` as a donor ('blood' link), with no donor profile: someone staff may book. */
export async function buildKeptPerson(t: TestApp, org: BuiltOrg, fullName: string) {
  const [row] = await rows<{ id: number }>(
    t.db,
    sql`INSERT INTO people (full_name, birth_date, sex, phone, org_id, org_path)
        VALUES (${fullName}, '1992-08-15', 'female', ${`0977${String(++seq).padStart(6, '0')}`}, ${org.id}, ${org.path}::ltree)
        RETURNING id`,
  );
  await t.db.execute(
    sql`INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
        VALUES (${row!.id}, ${org.id}, ${org.path}::ltree, 'blood', '2020-01-01')`,
  );
  return row!.id;
}

/** A sign-in of a person only (users.person_id, no grants): the donor's own account. */
export async function personAccount(t: TestApp, personId: number): Promise<Session> {
  const u = await buildUser(t.db);
  await t.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${u.id}`);
  return signIn(t, u.username, u.password);
}

export async function insertProvinces(t: TestApp) {
  await t.db.execute(
    sql`INSERT INTO admin_units (code, name, level, kind) VALUES ('11', 'Điện Biên', 'province', 'Tỉnh'),
        ('24', 'Bắc Ninh', 'province', 'Tỉnh') ON CONFLICT (code) DO NOTHING`,
  );
}

/**
 * One province's side: its Red Cross (`province`), a union under it (`union`, the organiser), a blood desk at the
 * province (blood.manage + blood.health), and what the desk made. `names` marks every text, so that an answer to
 * the other side can be searched for it.
 */
/** The side both blood scope tests build first: Điện Biên's Red Cross and the health union under it. */
export const dienBienSide = {
  province: 'Hội Chữ thập đỏ tỉnh Điện Biên',
  union: 'Công đoàn ngành Y tế tỉnh Điện Biên',
  code: '11',
  names: 'Điện Biên An',
};

export async function buildBloodSide(
  t: TestApp,
  national: BuiltOrg,
  o: { province: string; union: string; code: string; names: string },
) {
  const n = o.names;
  const province = await buildOrg(t.db, { parent: national, name: o.province, kind: 'red_cross' });
  const union = await buildOrg(t.db, { parent: province, name: o.union });
  const desk = await loginAs(t, province, 'blood_desk');

  const donor = await ok(
    await desk.post('/api/blood/donors', {
      keeperOrgId: union.id,
      person: {
        fullName: `Nguyễn Văn ${n}`,
        birthDate: '1990-03-15',
        sex: 'male',
        cccd: `0010900${o.code}${String(++seq).padStart(3, '0')}`,
        phone: `09123${o.code}${String(seq).padStart(3, '0')}`,
      },
      memberOfOrgId: union.id,
      homeProvinceCode: o.code,
      consentContact: true,
      consentHealth: true,
      abo: 'O',
      rh: 'pos',
      weightKg: 60,
      weightOn: '2026-01-05',
    }),
    201,
  );
  const donation = await ok(
    await desk.post('/api/blood/donations', {
      personId: donor.personId,
      donatedOn: '2026-01-05',
      organiserOrgId: union.id,
      site: `Nhà văn hoá ${n}`,
      kind: 'whole_blood',
      volumeMl: 350,
      outcome: 'donated',
    }),
    201,
  );

  const driveBody = {
    organiserOrgId: union.id,
    title: `Ngày hội hiến máu ${n}`,
    site: `Cung văn hoá ${n}`,
    provinceCode: o.code,
    driveDate: '2026-05-16',
    opensAt: '07:00',
    closesAt: '09:00',
    slotMinutes: 30,
    capacityPerSlot: 3,
    targetUnits: 20,
  };
  const created = await ok(await desk.post('/api/blood/drives', driveBody), 201);
  const drive = await ok(
    await desk.request({
      method: 'PUT',
      url: `/api/blood/drives/${created.id}`,
      json: { ...driveBody, organiserOrgId: undefined, version: created.version, status: 'open' },
    }),
  );
  const slots = (drive.slots as { id: number }[]).map((s) => s.id);
  const planned = await ok(
    await desk.post('/api/blood/drives', {
      ...driveBody,
      title: `Điểm hiến dự kiến ${n}`,
      driveDate: '2026-06-20',
    }),
    201,
  );
  const plannedSlots = (planned.slots as { id: number }[]).map((s) => s.id);
  const booked = await ok(
    await desk.post(`/api/blood/drives/${drive.id}/bookings`, { personId: donor.personId, slotId: slots[0] }),
    201,
  );
  const booking = booked.booking as { id: number };

  const club = await ok(
    await desk.post('/api/blood/clubs', {
      orgId: union.id,
      name: `Gia đình hiến máu ${n}`,
      kind: 'family',
      provinceCode: o.code,
      foundedOn: '2020-06-14',
    }),
    201,
  );
  const members = (await ok(
    await desk.post(`/api/blood/clubs/${club.id}/members`, {
      personIds: [donor.personId],
      role: 'leader',
      since: '2021-01-01',
    }),
    201,
  )) as unknown as { id: number }[];

  const callout = await ok(
    await desk.post('/api/blood/callouts', {
      requesterOrgId: union.id,
      abo: 'B',
      rh: 'pos',
      units: 1,
      place: `Khoa Huyết học ${n}`,
      provinceCode: o.code,
      neededBy: '2026-05-20T10:00:00+07:00',
    }),
    201,
  );
  const rule = async (kind: 'individual' | 'family') =>
    ok(
      await desk.post('/api/blood/honour-rules', {
        orgId: province.id,
        decidingBody: `Hội Chữ thập đỏ ${n}`,
        kind,
        threshold: 1,
        titleVi: `Giấy khen ${kind === 'family' ? 'gia đình' : 'lần hiến'} ${n}`,
        titleEn: `Certificate of merit ${n}`,
        effectiveFrom: '2020-01-01',
      }),
      201,
    );
  const individualRule = await rule('individual');
  const familyRule = await rule('family');
  const honours = (await ok(
    await desk.post('/api/blood/honours', {
      orgId: union.id,
      ruleId: individualRule.id,
      personIds: [donor.personId],
    }),
    201,
  )) as unknown as { id: number }[];

  return {
    province,
    union,
    desk,
    donorId: donor.id,
    personId: donor.personId as number,
    donorName: `Nguyễn Văn ${n}`,
    donationId: donation.id,
    certificateNo: donation.certificateNo as string,
    driveId: drive.id,
    slots,
    plannedDriveId: planned.id,
    plannedSlots,
    bookingId: booking.id,
    token: booked.invitationToken as string,
    clubId: club.id,
    memberId: members[0]!.id,
    calloutId: callout.id,
    ruleId: individualRule.id,
    familyRuleId: familyRule.id,
    honourId: honours[0]!.id,
  };
}

/** The blood operations of the OpenAPI document (staff, the donor's own, the public verification). */
export async function bloodOperations(t: TestApp) {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(doc.paths)
    .filter(([p]) => /^\/(api\/(blood|me\/blood|verify\/blood)|verify\/blood)\b/.test(p))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
}

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.ts';
import {
  BLOOD_DRIVE_DAY,
  BLOOD_NOW,
  type BloodSide,
  bloodOperations,
  buildBloodSide,
  buildKeptPerson,
  dienBienSide,
  insertProvinces,
  MISSING,
  personAccount,
} from './helpers/blood-scope.fixtures.ts';
import { buildOrg } from './helpers/factories.ts';
import { expectSameRefusal } from './helpers/refusals.ts';
import { countRows, createTestApp, loginAs, type Session, type TestApp } from './helpers/test-app.ts';

/**
 * Blood donation (issue 12), as an attacker in Điện Biên would try it: every id of a path, a query or a body
 * naming Bắc Ninh's donor, donation, drive, slot, booking, club, member, call-out, rule or honour is answered
 * exactly as an id that names nothing (status, code, message, details — no existence oracle), and the answer
 * says nothing of the object. The desk's invitation tokens, the donor's own routes, CSRF and anonymous callers too.
 */

let t: TestApp;
let a: BloodSide;
let b: BloodSide;
let organiserA: Session;
let viewerA: Session;
/** The account of Điện Biên's donor (users.person_id, no grants). */
let donorA: Session;
/** Another donor of Điện Biên, with their own booking. */
let otherDonor: { personId: number; bookingId: number; token: string };
/** A person Điện Biên keeps as a donor, not booked anywhere: the one a refused request would have booked. */
let spare: number;
const secrets = ['Bí Mật', 'Quế Võ', 'Bắc Ninh'];

beforeAll(async () => {
  // Sessions outlive the 12 days to the drive's day, when the desk's tests move the clock there.
  t = await createTestApp(BLOOD_NOW, { SESSION_TTL_HOURS: '1000' });
  await insertProvinces(t);
  const national = await buildOrg(t.db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
  a = await buildBloodSide(t, national, dienBienSide);
  b = await buildBloodSide(t, national, {
    province: 'Hội Chữ thập đỏ tỉnh Bắc Ninh',
    union: 'Công đoàn KCN Quế Võ',
    code: '24',
    names: 'Bí Mật',
  });
  organiserA = await loginAs(t, a.province, 'blood_organiser');
  viewerA = await loginAs(t, a.province, 'viewer');
  donorA = await personAccount(t, a.personId);
  spare = await buildKeptPerson(t, a.union, 'Lò Thị Dự Phòng');
  const other = await buildKeptPerson(t, a.union, 'Quàng Thị Khác');
  const made = await a.desk.post(`/api/blood/drives/${a.driveId}/bookings`, {
    personId: other,
    slotId: a.slots[1],
  });
  expect(made.statusCode, made.body).toBe(201);
  otherDonor = { personId: other, bookingId: made.json().booking.id, token: made.json().invitationToken };
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Case = {
  /** The OpenAPI operation, for the coverage check. */
  op: string;
  method: Method;
  url: (v: number) => string;
  body?: (v: number) => unknown;
  /** Bắc Ninh's id (or another's, for the donor's own routes). */
  out: () => number;
  /** 404 for a path id; the field a body or query id is refused on. */
  expect: 404 | string;
};

const send = (s: Session, c: Case, v: number) =>
  s.request({
    method: c.method,
    url: c.url(v),
    ...(c.body ? { json: c.body(v) } : c.method === 'GET' || c.method === 'DELETE' ? {} : { json: {} }),
  });

const driveFields = () => ({
  title: 'Ngày hội hiến máu',
  site: 'Nhà văn hoá',
  provinceCode: '11',
  driveDate: '2026-05-16',
  opensAt: '07:00',
  closesAt: '09:00',
  slotMinutes: 30,
  capacityPerSlot: 3,
});
const donation = (over: Record<string, unknown>) => ({
  personId: a.personId,
  donatedOn: '2026-05-04',
  organiserOrgId: a.union.id,
  kind: 'whole_blood',
  volumeMl: 350,
  outcome: 'donated',
  ...over,
});
const path = (op: string, method: Method, url: Case['url'], out: Case['out'], body?: Case['body']): Case => ({
  op,
  method,
  url,
  out,
  expect: 404,
  ...(body ? { body } : {}),
});
const field = (
  op: string,
  method: Method,
  url: Case['url'],
  out: Case['out'],
  name: string,
  body?: Case['body'],
): Case => ({ op, method, url, out, expect: name, ...(body ? { body } : {}) });

/** Every id of every staff route, named by the operation it belongs to. */
const staffCases = (): Case[] => [
  // donors
  path(
    'GET /api/blood/donors/{id}',
    'GET',
    (v) => `/api/blood/donors/${v}`,
    () => b.donorId,
  ),
  path(
    'PUT /api/blood/donors/{id}',
    'PUT',
    (v) => `/api/blood/donors/${v}`,
    () => b.donorId,
    () => ({ version: 1 }),
  ),
  path(
    'GET /api/blood/donors/{id}/eligibility',
    'GET',
    (v) => `/api/blood/donors/${v}/eligibility`,
    () => b.donorId,
  ),
  path(
    'GET /api/blood/donors/{id}/donations',
    'GET',
    (v) => `/api/blood/donors/${v}/donations`,
    () => b.donorId,
  ),
  path(
    'GET /api/blood/donations/{id}/certificate.pdf',
    'GET',
    (v) => `/api/blood/donations/${v}/certificate.pdf`,
    () => b.donationId,
  ),
  field(
    'POST /api/blood/donors',
    'POST',
    () => '/api/blood/donors',
    () => b.union.id,
    'body.keeperOrgId',
    (v) => ({
      keeperOrgId: v,
      person: { fullName: 'Lò Văn Mới' },
    }),
  ),
  field(
    'POST /api/blood/donors',
    'POST',
    () => '/api/blood/donors',
    () => b.personId,
    'body.personId',
    (v) => ({
      keeperOrgId: a.union.id,
      personId: v,
    }),
  ),
  field(
    'POST /api/blood/donations',
    'POST',
    () => '/api/blood/donations',
    () => b.union.id,
    'body.organiserOrgId',
    (v) => donation({ organiserOrgId: v }),
  ),
  field(
    'POST /api/blood/donations',
    'POST',
    () => '/api/blood/donations',
    () => b.personId,
    'body.personId',
    (v) => donation({ personId: v }),
  ),
  field(
    'POST /api/blood/donations',
    'POST',
    () => '/api/blood/donations',
    () => b.driveId,
    'body.driveId',
    (v) => donation({ driveId: v }),
  ),
  // drives
  field(
    'GET /api/blood/drives',
    'GET',
    (v) => `/api/blood/drives?orgId=${v}`,
    () => b.union.id,
    'querystring.orgId',
  ),
  field(
    'POST /api/blood/drives',
    'POST',
    () => '/api/blood/drives',
    () => b.union.id,
    'body.organiserOrgId',
    (v) => ({
      organiserOrgId: v,
      ...driveFields(),
    }),
  ),
  path(
    'GET /api/blood/drives/{id}',
    'GET',
    (v) => `/api/blood/drives/${v}`,
    () => b.driveId,
  ),
  path(
    'PUT /api/blood/drives/{id}',
    'PUT',
    (v) => `/api/blood/drives/${v}`,
    () => b.driveId,
    () => ({ ...driveFields(), version: 2 }),
  ),
  path(
    'PUT /api/blood/drives/{id}/slots/{slotId}',
    'PUT',
    (v) => `/api/blood/drives/${v}/slots/${b.slots[0]}`,
    () => b.driveId,
    () => ({ capacity: 5 }),
  ),
  path(
    'PUT /api/blood/drives/{id}/slots/{slotId}',
    'PUT',
    (v) => `/api/blood/drives/${a.driveId}/slots/${v}`,
    () => b.slots[0]!,
    () => ({ capacity: 5 }),
  ),
  ...(['funnel', 'bookings', 'report.xlsx', 'report.pdf', 'desk'] as const).map((leaf) =>
    path(
      `GET /api/blood/drives/{id}/${leaf}`,
      'GET',
      (v) => `/api/blood/drives/${v}/${leaf}`,
      () => b.driveId,
    ),
  ),
  path(
    'POST /api/blood/drives/{id}/bookings',
    'POST',
    (v) => `/api/blood/drives/${v}/bookings`,
    () => b.driveId,
    () => ({ personId: spare, slotId: a.slots[2] }),
  ),
  field(
    'POST /api/blood/drives/{id}/bookings',
    'POST',
    () => `/api/blood/drives/${a.driveId}/bookings`,
    () => b.personId,
    'body.personId',
    (v) => ({ personId: v, slotId: a.slots[2] }),
  ),
  field(
    'POST /api/blood/drives/{id}/bookings',
    'POST',
    () => `/api/blood/drives/${a.driveId}/bookings`,
    () => b.slots[2]!,
    'body.slotId',
    (v) => ({ personId: spare, slotId: v }),
  ),
  // A slot of the caller's own other drive is not one of this drive's either.
  field(
    'POST /api/blood/drives/{id}/bookings',
    'POST',
    () => `/api/blood/drives/${a.driveId}/bookings`,
    () => a.plannedSlots[0]!,
    'body.slotId',
    (v) => ({ personId: spare, slotId: v }),
  ),
  path(
    'POST /api/blood/drives/{id}/bookings/{bookingId}/cancel',
    'POST',
    (v) => `/api/blood/drives/${v}/bookings/${b.bookingId}/cancel`,
    () => b.driveId,
  ),
  path(
    'POST /api/blood/drives/{id}/bookings/{bookingId}/cancel',
    'POST',
    (v) => `/api/blood/drives/${a.driveId}/bookings/${v}/cancel`,
    () => b.bookingId,
  ),
  path(
    'POST /api/blood/drives/{id}/bookings/{bookingId}/move',
    'POST',
    (v) => `/api/blood/drives/${a.driveId}/bookings/${v}/move`,
    () => b.bookingId,
    () => ({ slotId: a.slots[2] }),
  ),
  field(
    'POST /api/blood/drives/{id}/bookings/{bookingId}/move',
    'POST',
    () => `/api/blood/drives/${a.driveId}/bookings/${a.bookingId}/move`,
    () => b.slots[2]!,
    'body.slotId',
    (v) => ({ slotId: v }),
  ),
  path(
    'POST /api/blood/drives/{id}/waitlist',
    'POST',
    (v) => `/api/blood/drives/${v}/waitlist`,
    () => b.driveId,
    () => ({ personId: spare }),
  ),
  field(
    'POST /api/blood/drives/{id}/waitlist',
    'POST',
    () => `/api/blood/drives/${a.driveId}/waitlist`,
    () => b.personId,
    'body.personId',
    (v) => ({ personId: v }),
  ),
  // the check-in desk
  path(
    'POST /api/blood/drives/{id}/desk/check-in',
    'POST',
    (v) => `/api/blood/drives/${v}/desk/check-in`,
    () => b.driveId,
    () => ({ bookingId: b.bookingId }),
  ),
  field(
    'POST /api/blood/drives/{id}/desk/check-in',
    'POST',
    () => `/api/blood/drives/${a.driveId}/desk/check-in`,
    () => b.bookingId,
    'body.bookingId',
    (v) => ({ bookingId: v }),
  ),
  field(
    'POST /api/blood/drives/{id}/desk/check-in',
    'POST',
    () => `/api/blood/drives/${a.driveId}/desk/check-in`,
    () => b.personId,
    'body.walkIn.personId',
    (v) => ({ walkIn: { personId: v } }),
  ),
  ...(['screening', 'donation', 'no-show'] as const).map((leaf) =>
    path(
      `POST /api/blood/drives/{id}/desk/bookings/{bookingId}/${leaf}`,
      'POST',
      (v) => `/api/blood/drives/${a.driveId}/desk/bookings/${v}/${leaf}`,
      () => b.bookingId,
      leaf === 'screening'
        ? () => ({ outcome: 'eligible', weightKg: 60 })
        : leaf === 'donation'
          ? () => ({ volumeMl: 350, weightKg: 60 })
          : undefined,
    ),
  ),
  // clubs
  field(
    'GET /api/blood/clubs',
    'GET',
    (v) => `/api/blood/clubs?orgId=${v}`,
    () => b.union.id,
    'querystring.orgId',
  ),
  field(
    'POST /api/blood/clubs',
    'POST',
    () => '/api/blood/clubs',
    () => b.union.id,
    'body.orgId',
    (v) => ({
      orgId: v,
      name: 'Câu lạc bộ mới',
      kind: 'reserve',
    }),
  ),
  path(
    'GET /api/blood/clubs/{id}',
    'GET',
    (v) => `/api/blood/clubs/${v}`,
    () => b.clubId,
  ),
  path(
    'PUT /api/blood/clubs/{id}',
    'PUT',
    (v) => `/api/blood/clubs/${v}`,
    () => b.clubId,
    () => ({
      name: 'Đổi tên',
      kind: 'family',
    }),
  ),
  path(
    'DELETE /api/blood/clubs/{id}',
    'DELETE',
    (v) => `/api/blood/clubs/${v}`,
    () => b.clubId,
  ),
  path(
    'GET /api/blood/clubs/{id}/members',
    'GET',
    (v) => `/api/blood/clubs/${v}/members`,
    () => b.clubId,
  ),
  path(
    'POST /api/blood/clubs/{id}/members',
    'POST',
    (v) => `/api/blood/clubs/${v}/members`,
    () => b.clubId,
    () => ({ personIds: [spare], since: '2026-01-01' }),
  ),
  field(
    'POST /api/blood/clubs/{id}/members',
    'POST',
    () => `/api/blood/clubs/${a.clubId}/members`,
    () => b.personId,
    'body.personIds.1',
    (v) => ({ personIds: [spare, v], since: '2026-01-01' }),
  ),
  path(
    'PUT /api/blood/clubs/{id}/members/{memberId}',
    'PUT',
    (v) => `/api/blood/clubs/${a.clubId}/members/${v}`,
    () => b.memberId,
    () => ({ role: 'member', since: '2021-01-01' }),
  ),
  path(
    'GET /api/blood/clubs/{id}/activities',
    'GET',
    (v) => `/api/blood/clubs/${v}/activities`,
    () => b.clubId,
  ),
  path(
    'POST /api/blood/clubs/{id}/activities',
    'POST',
    (v) => `/api/blood/clubs/${v}/activities`,
    () => b.clubId,
    () => ({ heldOn: '2026-05-01', title: 'Sinh hoạt' }),
  ),
  // call-outs
  field(
    'GET /api/blood/callouts',
    'GET',
    (v) => `/api/blood/callouts?orgId=${v}`,
    () => b.union.id,
    'querystring.orgId',
  ),
  ...(
    [
      ['requesterOrgId', () => b.union.id, 'body.requesterOrgId'],
      ['clubId', () => b.clubId, 'body.clubId'],
    ] as const
  ).map(([key, out, name]) =>
    field(
      'POST /api/blood/callouts',
      'POST',
      () => '/api/blood/callouts',
      out,
      name,
      (v) => ({
        requesterOrgId: a.union.id,
        abo: 'O',
        rh: 'neg',
        units: 1,
        place: 'Bệnh viện',
        provinceCode: '11',
        neededBy: '2026-05-20T10:00:00+07:00',
        [key]: v,
      }),
    ),
  ),
  path(
    'GET /api/blood/callouts/{id}',
    'GET',
    (v) => `/api/blood/callouts/${v}`,
    () => b.calloutId,
  ),
  path(
    'POST /api/blood/callouts/{id}/attendance',
    'POST',
    (v) => `/api/blood/callouts/${v}/attendance`,
    () => b.calloutId,
    () => ({ came: [] }),
  ),
  path(
    'POST /api/blood/callouts/{id}/close',
    'POST',
    (v) => `/api/blood/callouts/${v}/close`,
    () => b.calloutId,
  ),
  // honours
  field(
    'GET /api/blood/honour-rules',
    'GET',
    (v) => `/api/blood/honour-rules?orgId=${v}`,
    () => b.union.id,
    'querystring.orgId',
  ),
  field(
    'POST /api/blood/honour-rules',
    'POST',
    () => '/api/blood/honour-rules',
    () => b.province.id,
    'body.orgId',
    (v) => ({
      orgId: v,
      decidingBody: 'Hội',
      kind: 'individual',
      threshold: 5,
      titleVi: 'Giấy khen',
      titleEn: 'Merit',
      effectiveFrom: '2026-01-01',
    }),
  ),
  field(
    'GET /api/blood/honours/candidates',
    'GET',
    (v) => `/api/blood/honours/candidates?orgId=${v}&from=2026-01-01&to=2026-05-04`,
    () => b.union.id,
    'querystring.orgId',
  ),
  field(
    'GET /api/blood/honours',
    'GET',
    (v) => `/api/blood/honours?orgId=${v}`,
    () => b.union.id,
    'querystring.orgId',
  ),
  field(
    'GET /api/blood/honours',
    'GET',
    (v) => `/api/blood/honours?personId=${v}`,
    () => b.personId,
    'querystring.personId',
  ),
  field(
    'GET /api/blood/honours/list.pdf',
    'GET',
    (v) => `/api/blood/honours/list.pdf?orgId=${v}`,
    () => b.union.id,
    'querystring.orgId',
  ),
  ...(
    [
      ['orgId', () => b.union.id, 'body.orgId', () => a.ruleId],
      ['ruleId', () => b.ruleId, 'body.ruleId', () => a.ruleId],
      ['personIds', () => b.personId, 'body.personIds.0', () => a.ruleId],
      ['clubIds', () => b.clubId, 'body.clubIds.0', () => a.familyRuleId],
    ] as const
  ).map(([key, out, name, rule]) =>
    field(
      'POST /api/blood/honours',
      'POST',
      () => '/api/blood/honours',
      out,
      name,
      (v) => ({
        orgId: a.union.id,
        ruleId: rule(),
        ...(key === 'orgId' || key === 'ruleId' ? { personIds: [spare] } : {}),
        [key]: key === 'personIds' || key === 'clubIds' ? [v] : v,
      }),
    ),
  ),
  path(
    'PUT /api/blood/honours/{id}',
    'PUT',
    (v) => `/api/blood/honours/${v}`,
    () => b.honourId,
    () => ({
      status: 'approved',
      decidedOn: '2026-05-04',
    }),
  ),
  path(
    'GET /api/blood/honours/{id}/certificate.pdf',
    'GET',
    (v) => `/api/blood/honours/${v}/certificate.pdf`,
    () => b.honourId,
  ),
];

/** The donor's own routes: another person's booking or call-out, a drive not open, a slot of another drive. */
const selfCases = (): Case[] => [
  path(
    'GET /api/me/blood/donations/{id}/certificate.pdf',
    'GET',
    (v) => `/api/me/blood/donations/${v}/certificate.pdf`,
    () => b.donationId,
  ),
  path(
    'POST /api/me/blood/bookings/{id}/cancel',
    'POST',
    (v) => `/api/me/blood/bookings/${v}/cancel`,
    () => otherDonor.bookingId,
  ),
  path(
    'POST /api/me/blood/bookings/{id}/move',
    'POST',
    (v) => `/api/me/blood/bookings/${v}/move`,
    () => otherDonor.bookingId,
    () => ({ slotId: a.slots[2] }),
  ),
  path(
    'PUT /api/me/blood/bookings/{id}/questionnaire',
    'PUT',
    (v) => `/api/me/blood/bookings/${v}/questionnaire`,
    () => otherDonor.bookingId,
    () => ({
      answers: {
        feelsWell: true,
        sleptWell: true,
        ateToday: true,
        recentIllness: false,
        medication: false,
        tattooPiercing6m: false,
      },
    }),
  ),
  path(
    'POST /api/me/blood/callouts/{id}/reply',
    'POST',
    (v) => `/api/me/blood/callouts/${v}/reply`,
    () => b.calloutId,
    () => ({ answer: 'accept' }),
  ),
  path(
    'POST /api/me/blood/drives/{id}/waitlist',
    'POST',
    (v) => `/api/me/blood/drives/${v}/waitlist`,
    () => a.plannedDriveId,
  ),
  field(
    'POST /api/me/blood/bookings',
    'POST',
    () => '/api/me/blood/bookings',
    () => a.plannedDriveId,
    'body.driveId',
    (v) => ({ driveId: v, slotId: a.plannedSlots[0] }),
  ),
  field(
    'POST /api/me/blood/bookings',
    'POST',
    () => '/api/me/blood/bookings',
    () => a.slots[2]!,
    'body.slotId',
    // Any open drive is the donor's to book (Bắc Ninh's too), but only with one of its own slots.
    (v) => ({ driveId: b.driveId, slotId: v }),
  ),
  field(
    'POST /api/me/blood/bookings/{id}/move',
    'POST',
    () => `/api/me/blood/bookings/${a.bookingId}/move`,
    () => b.slots[2]!,
    'body.slotId',
    (v) => ({ slotId: v }),
  ),
];

/** Sends the case with the other side's id and with a missing one: the same answer, the expected refusal. */
async function check(s: Session, c: Case, strict: boolean) {
  const before = await countRows(t.db, 'audit_log');
  const out = await send(s, c, c.out());
  const missing = await send(s, c, MISSING);
  expectSameRefusal(out, missing, secrets);
  expect(await countRows(t.db, 'audit_log'), `${c.op}: a refusal writes nothing`).toBe(before);
  if (!strict) return;
  if (c.expect === 404) expect(out.statusCode, `${c.op} ${c.url(c.out())}`).toBe(404);
  else {
    expect(out.statusCode, `${c.op} ${out.body}`).toBe(400);
    const issues = out.json().error.details.issues as { path: string; code?: string }[];
    expect(issues, c.op).toContainEqual(expect.objectContaining({ path: c.expect }));
  }
}

describe('ids in blood requests go through the caller’s scope', () => {
  it('covers every blood operation with an id on its path', async () => {
    const covered = new Set([...staffCases(), ...selfCases()].map((c) => c.op));
    const withPathId = (await bloodOperations(t))
      .filter((o) => !o.isPublic && o.path.includes('{'))
      .map((o) => `${o.method} ${o.path}`);
    expect(withPathId.length).toBeGreaterThan(30);
    expect(withPathId.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('answers the collection desk (blood.manage + blood.health) an id of the other province as a missing one', async () => {
    // On the drive's day: the desk checks in from then on, so its ids are what decides the answer.
    await onDriveDay(async () => {
      for (const c of staffCases()) await check(a.desk, c, true);
    });
  });

  it('answers the organiser and the viewer the same, and a donor’s own account (no grants) the same', async () => {
    for (const s of [organiserA, viewerA, donorA])
      for (const c of staffCases()) await check(s, c, s === organiserA && c.method === 'GET');
  });

  it('finds the same objects on the caller’s own side (the refusals above are about scope)', async () => {
    for (const url of [
      `/api/blood/donors/${a.donorId}`,
      `/api/blood/donors/${a.donorId}/donations`,
      `/api/blood/donations/${a.donationId}/certificate.pdf`,
      `/api/blood/drives/${a.driveId}/bookings`,
      `/api/blood/drives/${a.driveId}/report.pdf`,
      `/api/blood/clubs/${a.clubId}/members`,
      `/api/blood/callouts/${a.calloutId}`,
      `/api/blood/honours/${a.honourId}/certificate.pdf`,
      `/api/blood/honours?personId=${a.personId}`,
    ])
      expect((await a.desk.get(url)).statusCode, url).toBe(200);
  });

  it('lets a donor reach only their own bookings and call-outs; another’s is the missing one', async () => {
    for (const c of selfCases()) await check(donorA, c, true);
    const mine = await donorA.get('/api/me/blood');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().bookings.map((x: { id: number }) => x.id)).toEqual([a.bookingId]);
    expect(mine.body).not.toContain('Quàng Thị Khác');
    // The staff lists hold nothing for a donor's account.
    for (const url of [
      '/api/blood/donors',
      '/api/blood/drives',
      '/api/blood/callouts',
      '/api/blood/honours',
    ]) {
      const res = await donorA.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toMatch(/Nguyễn Văn|Ngày hội|Khoa Huyết học/);
    }
  });

  it('answers an account with no person a clean refusal on the donor’s own routes', async () => {
    for (const [method, url, json] of [
      ['GET', '/api/me/blood', undefined],
      ['GET', '/api/me/blood/drives', undefined],
      ['GET', '/api/me/blood/callouts', undefined],
      ['POST', '/api/me/blood/bookings', { driveId: a.driveId, slotId: a.slots[2] }],
      ['POST', `/api/me/blood/bookings/${a.bookingId}/cancel`, {}],
      ['POST', `/api/me/blood/callouts/${a.calloutId}/reply`, { answer: 'accept' }],
    ] as const) {
      const res = await organiserA.request({ method, url, ...(json ? { json } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code, url).toMatch(/^(donor_self\.no_person|clubs\.not_a_donor)$/);
      expect(res.body).not.toContain(a.donorName);
    }
  });
});

/** Runs `work` with the clock on the drive's day (the desk's check-in opens then), and puts it back. */
async function onDriveDay(work: () => Promise<void>) {
  t.clock.set(BLOOD_DRIVE_DAY);
  try {
    await work();
  } finally {
    t.clock.set(BLOOD_NOW);
  }
}

describe('invitation tokens at the desk', () => {
  it('are long random strings, stored only as a hash, answered once', async () => {
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.token).not.toBe(a.token);
    const stored = await rows<{ hash: string }>(
      t.db,
      sql`SELECT token_hash AS hash FROM drive_bookings WHERE id = ${a.bookingId}`,
    );
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await countRows(t.db, 'drive_bookings', sql`token_hash = ${a.token}`)).toBe(0);
    for (const url of [
      `/api/blood/drives/${a.driveId}/bookings`,
      `/api/blood/drives/${a.driveId}/desk`,
      '/api/me/blood',
    ])
      expect((await (url.startsWith('/api/me') ? donorA : a.desk).get(url)).body).not.toContain(a.token);
  });

  it('are not usable at another drive’s desk, even one of the same organiser', () =>
    onDriveDay(async () => {
      const onPlanned = await a.desk.post(`/api/blood/drives/${a.plannedDriveId}/bookings`, {
        personId: spare,
        slotId: a.plannedSlots[0],
      });
      expect(onPlanned.statusCode, onPlanned.body).toBe(201);
      const random = await a.desk.post(`/api/blood/drives/${a.driveId}/desk/check-in`, {
        token: 'x'.repeat(43),
      });
      expect(random.json().error.code).toBe('drives.token_invalid');
      for (const token of [onPlanned.json().invitationToken, b.token])
        expectSameRefusal(
          await a.desk.post(`/api/blood/drives/${a.driveId}/desk/check-in`, { token }),
          random,
          secrets,
        );
      // Bắc Ninh's desk cannot use a Điện Biên token at its own drive either.
      expectSameRefusal(
        await b.desk.post(`/api/blood/drives/${b.driveId}/desk/check-in`, { token: a.token }),
        await b.desk.post(`/api/blood/drives/${b.driveId}/desk/check-in`, { token: 'y'.repeat(43) }),
        [a.donorName],
      );
    }));

  it('check a donor in once: the same token again changes nothing', () =>
    onDriveDay(async () => {
      const first = await a.desk.post(`/api/blood/drives/${a.driveId}/desk/check-in`, { token: a.token });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ id: a.bookingId, status: 'checked_in', queueNo: 1 });
      const again = await a.desk.post(`/api/blood/drives/${a.driveId}/desk/check-in`, { token: a.token });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('drives.booking_state');
      const [row] = await rows<{ queueNo: number; n: number }>(
        t.db,
        sql`SELECT queue_no AS "queueNo", (SELECT count(*)::int FROM audit_log WHERE action = 'blood.desk.check_in') AS n
          FROM drive_bookings WHERE id = ${a.bookingId}`,
      );
      expect(row).toEqual({ queueNo: 1, n: 1 });
      // A cancelled booking's token checks nobody in.
      const cancelled = await a.desk.post(
        `/api/blood/drives/${a.driveId}/bookings/${otherDonor.bookingId}/cancel`,
      );
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      const late = await a.desk.post(`/api/blood/drives/${a.driveId}/desk/check-in`, {
        token: otherDonor.token,
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('drives.booking_state');
      expect(await countRows(t.db, 'drive_bookings', sql`status = 'checked_in'`)).toBe(1);
    }));
});

describe('the platform’s guards on blood routes', () => {
  it('answers 401 to an anonymous caller on every blood operation but the public verification', async () => {
    const ops = await bloodOperations(t);
    const guarded = ops.filter((o) => !o.isPublic);
    expect(guarded.length).toBeGreaterThan(50);
    expect(
      ops
        .filter((o) => o.isPublic)
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual(['GET /api/verify/blood/{no}', 'GET /verify/blood/{no}']);
    for (const o of guarded) {
      const res = await t.app.inject({
        method: o.method as 'GET',
        url: o.path.replace(/\{[^}]+\}/g, String(a.driveId)),
        ...(o.method === 'GET' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${o.method} ${o.path}`).toBe(401);
    }
  });

  it('refuses every blood write sent with the session cookie but without its CSRF token, writing nothing', async () => {
    const writes = (await bloodOperations(t)).filter((o) => o.method !== 'GET');
    expect(writes.length).toBeGreaterThan(30);
    const before = await countRows(t.db, 'audit_log');
    for (const o of writes)
      for (const headers of [{}, { 'x-csrf-token': 'not-the-token' }]) {
        const res = await t.app.inject({
          method: o.method as 'POST',
          url: o.path.replace(/\{[^}]+\}/g, String(a.driveId)),
          cookies: { ct_session: a.desk.cookie },
          headers,
          payload: {},
        });
        expect(res.statusCode, `${o.method} ${o.path}`).toBe(403);
        expect(res.json().error.code).toBe('auth.forbidden');
      }
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });
});

describe('health data stays with the donor’s keepers', () => {
  it('does not show a club’s desk the group of a member whose donor profile another province keeps', async () => {
    // Bắc Ninh's donor is also someone Điện Biên's union trains: a person the desk sees, not a donor it keeps.
    await t.db.execute(
      sql`INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
          VALUES (${b.personId}, ${a.union.id}, ${a.union.path}::ltree, 'training', '2025-01-01')`,
    );
    const added = await a.desk.post(`/api/blood/clubs/${a.clubId}/members`, {
      personIds: [b.personId],
      since: '2026-05-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const members = (await a.desk.get(`/api/blood/clubs/${a.clubId}/members`)).json() as {
      personId: number;
      abo: string | null;
      rh: string | null;
    }[];
    expect(members.find((m) => m.personId === a.personId)).toMatchObject({ abo: 'O', rh: 'pos' });
    expect(members.find((m) => m.personId === b.personId)).toMatchObject({ abo: null, rh: null });
    // Nor can a call-out to the club count them by group for someone without blood.health.
    const callout = await organiserA.post('/api/blood/callouts', {
      requesterOrgId: a.union.id,
      abo: 'O',
      rh: 'pos',
      units: 1,
      place: 'Bệnh viện',
      provinceCode: '11',
      neededBy: '2026-05-20T10:00:00+07:00',
      clubId: a.clubId,
    });
    expect(callout.statusCode).toBe(403);
  });

  it('does not tell a desk why a person whose donor profile another province keeps may not donate', async () => {
    const deferred = await b.desk.post('/api/blood/donations', {
      personId: b.personId,
      donatedOn: '2026-05-01',
      organiserOrgId: b.union.id,
      outcome: 'deferred',
      deferralReason: 'tattoo_piercing',
    });
    expect(deferred.statusCode, deferred.body).toBe(201);
    // Điện Biên's desk sees the person (trained by its union) and may book them, but does not keep their profile.
    const refused = await a.desk.post(`/api/blood/drives/${a.driveId}/bookings`, {
      personId: b.personId,
      slotId: a.slots[2],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ codes: ['health'], nextEligibleOn: null });
    for (const s of ['28/10/2026', '2026-10-28', 'Tạm hoãn', 'tattoo']) expect(refused.body).not.toContain(s);
    // Their keeper's desk is told.
    const told = await b.desk.post(`/api/blood/drives/${b.plannedDriveId}/bookings`, {
      personId: b.personId,
      slotId: b.plannedSlots[0],
    });
    expect(told.body).toContain('28/10/2026');
  });
});

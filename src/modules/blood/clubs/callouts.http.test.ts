import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, buildBloodWorld, buildDonor } from '../../../../test/helpers/blood-clubs.fixtures.ts';
import { TEST_PASSWORD } from '../../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';

/**
 * Rare-blood call-outs, tested as an attacker on the requester's side would: every answer, export, audit entry and
 * error the requester can reach is searched for the donors' names, phones, CCCDs and person ids.
 */
describe('rare-blood call-out', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBloodWorld>>;
  let officer: Session;
  let requester: Session;
  let clubId: number;
  let calloutId: number;
  const d: Record<string, Awaited<ReturnType<typeof buildDonor>>> = {};

  // 4/5/2026, 15:00 in Vietnam; blood needed on 5/5/2026.
  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    w = await buildBloodWorld(t.db);
    d.ready = await buildDonor(t.db, w.dienBien, {
      name: 'Lò Văn Sáng',
      withUser: true,
      donations: ['2026-01-10'],
    });
    d.recent = await buildDonor(t.db, w.dienBien, {
      name: 'Quàng Thị Hoa',
      withUser: true,
      donations: ['2026-04-20'],
    });
    d.groupA = await buildDonor(t.db, w.dienBien, {
      name: 'Cà Văn Minh',
      abo: 'A',
      rh: 'pos',
      withUser: true,
    });
    d.noConsent = await buildDonor(t.db, w.dienBien, { name: 'Tòng Văn Lả', consent: false, withUser: true });
    d.elsewhere = await buildDonor(t.db, w.bacNinh, {
      name: 'Nguyễn Văn Bắc',
      province: '24',
      withUser: true,
    });
    d.resident = await buildDonor(t.db, w.dienBien, { name: 'Lường Thị Mai' });
    d.member = await buildDonor(t.db, w.bacNinh, { name: 'Trần Văn Xa', province: '24' });
    officer = await loginAs(t, w.dienBien, 'blood_organiser');
    requester = await loginAs(t, w.hospital, 'blood_organiser');
    const club = await officer.post('/api/blood/clubs', {
      orgId: w.dienBien.id,
      name: 'CLB hiến máu nhóm máu hiếm tỉnh Điện Biên',
      kind: 'rare_blood',
      provinceCode: '11',
      foundedOn: '2020-06-14',
    });
    expect(club.statusCode).toBe(201);
    clubId = club.json().id;
  });

  const secrets = () => Object.values(d).flatMap((p) => [p.name, p.phone, p.cccd, String(p.id)]);
  const expectNoDonor = (body: string) => {
    for (const s of secrets()) expect(body).not.toContain(s);
    expect(body).not.toMatch(/personId|fullName|phone|email|cccd/i);
  };

  it('adds members the officer sees, links them to the club, and names the element it does not see', async () => {
    const refused = await officer.post(`/api/blood/clubs/${clubId}/members`, {
      personIds: [d.ready!.id, d.member!.id],
      since: '2021-01-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.personIds.1', code: 'common.id_not_found' }),
    ]);
    expect(refused.body).not.toContain(d.member!.name);
    const ids = [d.ready!.id, d.recent!.id, d.groupA!.id, d.noConsent!.id];
    const ok = await officer.post(`/api/blood/clubs/${clubId}/members`, {
      personIds: ids,
      since: '2021-01-01',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toHaveLength(4);
    expect(await countRows(t.db, 'person_links', sql`purpose = 'club' AND org_id = ${w.dienBien.id}`)).toBe(
      4,
    );
  });

  it('a club officer sees its members by name, but their blood group only with blood.health', async () => {
    const plain = (await officer.get(`/api/blood/clubs/${clubId}/members`)).json();
    expect(plain.map((m: { fullName: string }) => m.fullName)).toContain('Lò Văn Sáng');
    expect(plain.every((m: { abo: unknown; rh: unknown }) => m.abo === null && m.rh === null)).toBe(true);
    const desk = await loginAs(t, w.dienBien, 'blood_desk');
    const health = (await desk.get(`/api/blood/clubs/${clubId}/members`)).json();
    expect(health.find((m: { fullName: string }) => m.fullName === 'Lò Văn Sáng')).toMatchObject({
      abo: 'O',
      rh: 'neg',
    });
    // The hospital does not see the club at all.
    expect((await requester.get(`/api/blood/clubs/${clubId}/members`)).statusCode).toBe(404);
  });

  it('notifies only eligible donors of the group in the province, and answers the requester counts only', async () => {
    const res = await requester.post('/api/blood/callouts', {
      requesterOrgId: w.hospital.id,
      abo: 'O',
      rh: 'neg',
      units: 2,
      place: 'Khoa Huyết học – Bệnh viện Đa khoa tỉnh Điện Biên',
      provinceCode: '11',
      neededBy: '2026-05-05T10:00:00+07:00',
    });
    expect(res.statusCode).toBe(201);
    calloutId = res.json().id;
    // Ready (club member, 16 weeks since January) and the resident of the province; not the one who donated two
    // weeks ago, not group A, not the one without consent, not the donor of another province.
    expect(res.json().counts).toEqual({ notified: 2, accepted: 0, declined: 0, came: 0, noShow: 0 });
    expectNoDonor(res.body);
    const notified = await countRows(t.db, 'callout_replies', sql`callout_id = ${calloutId}`);
    expect(notified).toBe(2);
    for (const who of ['recent', 'groupA', 'noConsent', 'elsewhere'])
      expect(await countRows(t.db, 'callout_replies', sql`person_id = ${d[who]!.id}`)).toBe(0);
    expect(await countRows(t.db, 'notifications', sql`user_id = ${d.ready!.user!.id}`)).toBe(1);
    expect(await countRows(t.db, 'notifications', sql`user_id = ${d.recent!.user!.id}`)).toBe(0);
  });

  it('the donor answers on their own page; the requester sees a number, never the person', async () => {
    const donor = await signIn(t, d.ready!.user!.username, TEST_PASSWORD);
    const mine = await donor.get('/api/me/blood/callouts');
    expect(mine.json()).toEqual([
      expect.objectContaining({ id: calloutId, reply: 'notified', canReply: true }),
    ]);
    const accepted = await donor.post(`/api/me/blood/callouts/${calloutId}/reply`, { answer: 'accept' });
    expect(accepted.json()).toMatchObject({ reply: 'accepted' });
    // Someone who was not asked cannot answer.
    const other = await signIn(t, d.recent!.user!.username, TEST_PASSWORD);
    expect(
      (await other.post(`/api/me/blood/callouts/${calloutId}/reply`, { answer: 'accept' })).statusCode,
    ).toBe(404);
    expect((await requester.get('/api/me/blood/callouts')).statusCode).toBe(403);

    const detail = await requester.get(`/api/blood/callouts/${calloutId}`);
    expect(detail.json().counts).toMatchObject({ notified: 2, accepted: 1 });
    expect(detail.json().donors).toEqual([{ ref: expect.any(Number), status: 'accepted' }]);
    expectNoDonor(detail.body);
    expectNoDonor((await requester.get('/api/blood/callouts')).body);
    expect((await requester.get(`/api/people/${d.ready!.id}`)).statusCode).toBe(404);
  });

  it('records who came by number; a number that did not accept is refused without naming anyone', async () => {
    const { donors } = (await requester.get(`/api/blood/callouts/${calloutId}`)).json();
    const ref = donors[0].ref as number;
    const notAccepted = ref === 1 ? 2 : 1;
    const refused = await requester.post(`/api/blood/callouts/${calloutId}/attendance`, {
      came: [notAccepted],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: 'body.came.0',
      code: 'clubs.ref_not_accepted',
    });
    expectNoDonor(refused.body);
    const came = await requester.post(`/api/blood/callouts/${calloutId}/attendance`, { came: [ref] });
    expect(came.json().counts).toMatchObject({ came: 1 });
    expectNoDonor(came.body);
  });

  it('keeps donors out of the audit log the requester reads, and out of other trees', async () => {
    for (const a of await auditRows(t.db, ['blood_callout'])) expectNoDonor(JSON.stringify(a));
    const replies = await auditRows(t.db, ['callout_reply']);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.orgPath).toBeNull();
    const admin = await loginAs(t, w.hospital, 'org_admin');
    const audit = await admin.get(`/api/audit?orgId=${w.hospital.id}`);
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.length).toBeGreaterThanOrEqual(2);
    expectNoDonor(audit.body);
    expect(audit.body).not.toContain(d.ready!.user!.username);
    const stranger = await loginAs(t, w.bacNinh, 'blood_organiser');
    expect((await stranger.get(`/api/blood/callouts/${calloutId}`)).statusCode).toBe(404);
  });

  it('refuses a time already passed and an unknown province, naming the fields', async () => {
    const res = await requester.post('/api/blood/callouts', {
      requesterOrgId: w.hospital.id,
      abo: 'O',
      rh: 'neg',
      units: 1,
      place: 'Bệnh viện',
      provinceCode: '99',
      neededBy: '2026-05-01T10:00:00+07:00',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['body.neededBy', 'body.provinceCode']);
  });
});

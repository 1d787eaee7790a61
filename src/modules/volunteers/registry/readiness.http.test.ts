import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';
import { changeProfileStatuses } from './status.repo.ts';

type View = {
  asOf: string;
  live: boolean;
  institutions: { orgId: number; registered: number; ready: number; deployed: number; bySkill: object }[];
  totals: {
    registered: number;
    ready: number;
    deployed: number;
    institutionsReady: number;
    institutionsDeployed: number;
  };
};

/**
 * Readiness as of a past day (seed 004: "by 24/5/2021, 34 institutions reported 23,888 ready"): each volunteer's
 * status that day from the dated history, not today's. Lan registers in March, is ready from 10/4, deployed on
 * 20/4, back on 1/5; Hải registers in March and withdraws on 2/5; Minh (another school) is ready from 10/4.
 */
describe('volunteer readiness as of a day', () => {
  let t: TestApp;
  let ministry: BuiltOrg;
  let hp: BuiltOrg;
  let hn: BuiltOrg;
  let cuc: Session;
  let hpOfficer: Session;
  const ids: Record<string, number> = {};

  const person = (fullName: string, phone: string, sex = 'male') => ({
    fullName,
    birthDate: '2002-02-02',
    sex,
    phone,
  });

  beforeAll(async () => {
    t = await createTestApp('2026-03-02T03:00:00Z');
    ministry = await buildOrg(t.db, { name: 'Bộ Y tế' });
    hp = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Dược Hải Phòng' });
    hn = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Hà Nội' });
    // Sessions end when the clock jumps weeks: each step signs in anew.
    const officers = async () => [
      await loginAs(t, hp, 'volunteer_officer'),
      await loginAs(t, hn, 'volunteer_officer'),
    ];
    let [hpOff, hnOff] = await officers();
    const add = async (s: Session, orgId: number, key: string, p: object) => {
      const res = await s.post('/api/volunteers', { orgId, group: 'student', person: p });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    };
    await add(hpOff!, hp.id, 'lan', person('Phạm Thị Lan', '0912000111', 'female'));
    await add(hpOff!, hp.id, 'hai', person('Đỗ Văn Hải', '0912000222'));
    await add(hnOff!, hn.id, 'minh', person('Nguyễn Văn Minh', '0912000333'));
    const q = await hpOff!.request({
      method: 'PUT',
      url: `/api/volunteers/${ids.lan}/qualifications`,
      json: { items: [{ skill: 'nursing', issuedOn: '2026-04-01' }] },
    });
    expect(q.statusCode, q.body).toBe(200);
    t.clock.set('2026-04-10T03:00:00Z');
    [hpOff, hnOff] = await officers();
    for (const [s, key] of [
      [hpOff!, 'lan'],
      [hnOff!, 'minh'],
    ] as const) {
      const r = await s.post(`/api/volunteers/${ids[key]}/status`, { to: 'ready', onDate: '2026-04-10' });
      expect(r.statusCode, r.body).toBe(200);
    }
    // Deployed by a wave's assignment (what deployment does), then back and withdrawn by hand.
    await changeProfileStatuses(t.db, {
      profileIds: [ids.lan!],
      to: 'deployed',
      onDate: '2026-04-20',
      reason: 'Đợt 1',
      by: null,
    });
    t.clock.set('2026-05-04T03:00:00Z');
    hpOfficer = await loginAs(t, hp, 'volunteer_officer');
    cuc = await loginAs(t, ministry, 'mobilisation_officer');
    const back = await hpOfficer.post(`/api/volunteers/${ids.lan}/status`, {
      to: 'returned',
      onDate: '2026-05-01',
    });
    expect(back.statusCode, back.body).toBe(200);
    const out = await hpOfficer.post(`/api/volunteers/${ids.hai}/status`, {
      to: 'withdrawn',
      onDate: '2026-05-02',
    });
    expect(out.statusCode, out.body).toBe(200);
  });

  const view = async (query: string): Promise<View> => {
    const res = await cuc.get(`/api/volunteers/readiness?orgId=${ministry.id}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const row = (v: View, org: BuiltOrg) => v.institutions.find((i) => i.orgId === org.id);

  it('counts today’s statuses without asOf, and says so', async () => {
    const v = await view('');
    expect(v).toMatchObject({ asOf: '2026-05-04', live: true });
    expect(row(v, hp)).toMatchObject({ registered: 1, ready: 0, deployed: 0 });
    expect(v.totals).toMatchObject({
      registered: 2,
      ready: 1,
      deployed: 0,
      institutionsReady: 1,
      institutionsDeployed: 0,
    });
  });

  it('counts the status each volunteer had on the day asked, from the dated history', async () => {
    // Before anyone registered: nothing.
    const before = await view('&asOf=2026-03-01');
    expect(before).toMatchObject({ asOf: '2026-03-01', live: false, institutions: [] });
    expect(before.totals).toMatchObject({ registered: 0, institutionsReady: 0 });
    // Registered, not ready yet: Hải (withdrawn since) still counts.
    const april9 = await view('&asOf=2026-04-09');
    expect(row(april9, hp)).toMatchObject({ registered: 2, ready: 0, deployed: 0 });
    expect(april9.totals).toMatchObject({ registered: 3, ready: 0, institutionsReady: 0 });
    // Ready in both schools; Lan's nursing qualification (issued 1/4) counts for a ready volunteer.
    const april15 = await view('&asOf=2026-04-15');
    expect(row(april15, hp)).toMatchObject({ registered: 2, ready: 1, bySkill: { nursing: 1 } });
    expect(april15.totals).toMatchObject({ ready: 2, deployed: 0, institutionsReady: 2 });
    // Deployed on 25/4 although returned today: the old status counts.
    const april25 = await view('&asOf=2026-04-25');
    expect(row(april25, hp)).toMatchObject({ ready: 0, deployed: 1, bySkill: {} });
    expect(april25.totals).toMatchObject({
      registered: 3,
      ready: 1,
      deployed: 1,
      institutionsReady: 1,
      institutionsDeployed: 1,
    });
    // A qualification issued after the day does not count then.
    const april5 = await view('&asOf=2026-04-05');
    expect(row(april5, hp)?.bySkill).toEqual({});
  });

  it('keeps the institution’s own view to its volunteers as of a day too', async () => {
    const res = await hpOfficer.get('/api/volunteers/readiness?asOf=2026-04-25');
    expect(res.json().institutions.map((i: { orgId: number }) => i.orgId)).toEqual([hp.id]);
  });

  it('refuses a day after today or not a date, naming querystring.asOf', async () => {
    const later = await cuc.get('/api/volunteers/readiness?asOf=2026-05-05');
    expect(later.statusCode, later.body).toBe(400);
    expect(later.json().error.details.issues).toContainEqual(
      expect.objectContaining({ path: 'querystring.asOf', code: 'volunteers.as_of_future' }),
    );
    const typed = await cuc.get('/api/volunteers/readiness?asOf=24%2F05%2F2021');
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details.issues[0].path).toBe('querystring.asOf');
  });
});

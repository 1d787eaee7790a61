import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { expectFieldRefusal, expectNotFound } from '../../../../test/helpers/refusals.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { volunteerIndicatorSources } from './indicator-sources.ts';

/** Seed 004: medical universities keep their volunteers; the ministry above sees every one of them. */
describe('volunteer registry', () => {
  let t: TestApp;
  let ministry: BuiltOrg;
  let hp: BuiltOrg; // Trường Đại học Y Dược Hải Phòng
  let hn: BuiltOrg; // Trường Đại học Y Hà Nội
  let hpOfficer: Session;
  let hnOfficer: Session;
  let cuc: Session; // mobilisation officer on the ministry
  let hpViewer: Session;
  const lan = {
    fullName: 'Phạm Thị Lan',
    birthDate: '2003-09-12',
    sex: 'female',
    cccd: '031303001234',
    phone: '0912000111',
  };

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    ministry = await buildOrg(t.db, { name: 'Bộ Y tế' });
    hp = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Dược Hải Phòng' });
    hn = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Hà Nội' });
    hpOfficer = await loginAs(t, hp, 'volunteer_officer');
    hnOfficer = await loginAs(t, hn, 'volunteer_officer');
    cuc = await loginAs(t, ministry, 'mobilisation_officer');
    hpViewer = await loginAs(t, hp, 'viewer');
  });

  const register = (s: Session, body: Record<string, unknown>) =>
    s.post('/api/volunteers', { orgId: hp.id, group: 'student', ...body });

  let lanId: number;
  it('registers a new person as a student volunteer, kept by the institution; CCCD masked, audited', async () => {
    const res = await register(hpOfficer, {
      person: lan,
      faculty: 'Khoa Y',
      studyYear: 4,
      consentContact: true,
      consentOn: '2026-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      fullName: 'Phạm Thị Lan',
      cccd: '0313******34',
      cccdMasked: true,
      orgName: 'Trường Đại học Y Dược Hải Phòng',
      status: 'registered',
      statusSince: '2026-05-04',
      faculty: 'Khoa Y',
      studyYear: 4,
      can: { manage: true },
    });
    lanId = v.id;
    const links = await rows<{ purpose: string }>(
      t.db,
      sql`SELECT purpose FROM person_links WHERE person_id = ${v.personId} AND org_id = ${hp.id} ORDER BY purpose`,
    );
    expect(links.map((l) => l.purpose)).toContain('institution');
    expect(
      await countRows(
        t.db,
        'audit_log',
        sql`entity_type = 'volunteer_profile' AND entity_id = ${String(lanId)}`,
      ),
    ).toBe(1);
    expect(await countRows(t.db, 'audit_log', sql`after::text LIKE '%031303001234%'`)).toBe(0);
  });

  it('links the same identity typed at another institution instead of a second person', async () => {
    const res = await register(hnOfficer, { orgId: hn.id, person: lan });
    expect(res.statusCode, res.body).toBe(201);
    const [{ n }] = (await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM people WHERE cccd = ${lan.cccd}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
    expect(res.json().orgName).toBe('Trường Đại học Y Hà Nội');
    // A CCCD with another name is refused without saying whose it is.
    const other = await buildOrg(t.db, { name: 'Trường Đại học Y Dược Thái Bình' });
    const otherOfficer = await loginAs(t, other, 'volunteer_officer');
    const clash = await register(otherOfficer, {
      orgId: other.id,
      person: { ...lan, fullName: 'Trần Thị Bình' },
    });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().error.code).toBe('people.identity_conflict');
    expect(clash.body).not.toContain('Lan');
    const again = await register(hpOfficer, { person: lan });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('volunteers.already_registered');
  });

  it('refuses a volunteer under 18 on the birth date, with the field named', async () => {
    const res = await register(hpOfficer, {
      person: { fullName: 'Lê Minh Tuấn', birthDate: '2008-05-05', sex: 'male', phone: '0912000222' },
    });
    expect(res.statusCode, res.body).toBe(400);
    const issues = res.json().error.details.issues as { path: string; code?: string }[];
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'body.person.birthDate', code: 'volunteers.under_age' }),
    );
    // Eighteen today is old enough.
    const ok = await register(hpOfficer, {
      person: { fullName: 'Lê Minh Tuấn', birthDate: '2008-05-04', sex: 'male', phone: '0912000222' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('keeps institutions apart: 404 on another one’s volunteer, 400 on its person id; the ministry sees all', async () => {
    expectNotFound(await hnOfficer.get(`/api/volunteers/${lanId}`), ['Khoa Y']);
    expectNotFound(
      await hnOfficer.post(`/api/volunteers/${lanId}/status`, { to: 'ready', onDate: '2026-05-04' }),
      [],
    );
    const hpPerson = (await hpOfficer.get(`/api/volunteers/${lanId}`)).json().personId;
    const onlyHp = await register(hpOfficer, {
      person: { fullName: 'Đỗ Văn Hải', birthDate: '2000-01-02', sex: 'male', phone: '0912000333' },
    });
    const haiPerson = onlyHp.json().personId;
    expectFieldRefusal(await register(hnOfficer, { orgId: hn.id, personId: haiPerson }), 'body.personId', [
      'Đỗ Văn Hải',
    ]);
    expectFieldRefusal(await register(hnOfficer, { orgId: hp.id, personId: hpPerson }), 'body.orgId', []);
    const hnList = (await hnOfficer.get('/api/volunteers')).json();
    expect(hnList.items.every((i: { orgId: number }) => i.orgId === hn.id)).toBe(true);
    const all = (await cuc.get('/api/volunteers?pageSize=200')).json();
    expect(new Set(all.items.map((i: { orgId: number }) => i.orgId))).toEqual(new Set([hp.id, hn.id]));
    // A viewer reads but does not manage.
    const seen = await hpViewer.get(`/api/volunteers/${lanId}`);
    expect(seen.json().can.manage).toBe(false);
    expect(
      (await hpViewer.post(`/api/volunteers/${lanId}/status`, { to: 'ready', onDate: '2026-05-04' }))
        .statusCode,
    ).toBe(403);
  });

  it('searches without diacritics, by phone, and filters by status, group and skill', async () => {
    const byName = (await hpOfficer.get('/api/volunteers?q=pham%20thi%20lan')).json();
    expect(byName.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Phạm Thị Lan']);
    const byPhone = (await hpOfficer.get('/api/volunteers?q=0912000333')).json();
    expect(byPhone.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Đỗ Văn Hải']);
    const q = await hpOfficer.request({
      method: 'PUT',
      url: `/api/volunteers/${lanId}/qualifications`,
      json: {
        items: [
          {
            skill: 'sampling',
            level: 'advanced',
            issuer: 'Bệnh viện Việt Tiệp',
            documentNo: 'CC-12',
            issuedOn: '2024-01-01',
            expiresOn: '2025-12-31',
          },
          { skill: 'nursing', level: 'basic' },
        ],
      },
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().qualifications).toEqual([
      expect.objectContaining({ skill: 'nursing', expired: false }),
      expect.objectContaining({ skill: 'sampling', expired: true, issuer: 'Bệnh viện Việt Tiệp' }),
    ]);
    const bySkill = (await cuc.get('/api/volunteers?skill=sampling')).json();
    expect(bySkill.items.map((i: { id: number }) => i.id)).toEqual([lanId]);
    expect((await cuc.get('/api/volunteers?group=staff')).json().total).toBe(0);
    expect((await cuc.get(`/api/volunteers?orgId=${hn.id}`)).json().total).toBe(1);
    expectFieldRefusal(await hnOfficer.get(`/api/volunteers?orgId=${hp.id}`), 'querystring.orgId', []);
  });

  it('moves through statuses with dated history; refuses manual deployment and skipped transitions', async () => {
    const ready = await hpOfficer.post(`/api/volunteers/${lanId}/status`, {
      to: 'ready',
      onDate: '2026-05-04',
      reason: 'Đăng ký sẵn sàng',
    });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json().map((h: { toStatus: string }) => h.toStatus)).toEqual(['ready', 'registered']);
    const deployed = await hpOfficer.post(`/api/volunteers/${lanId}/status`, {
      to: 'deployed',
      onDate: '2026-05-04',
    });
    expect(deployed.json().error.code).toBe('volunteers.deployed_by_assignment');
    const returned = await hpOfficer.post(`/api/volunteers/${lanId}/status`, {
      to: 'returned',
      onDate: '2026-05-04',
    });
    expect(returned.statusCode).toBe(409);
    expect(returned.json().error.code).toBe('volunteers.transition_refused');
    const future = await hpOfficer.post(`/api/volunteers/${lanId}/status`, {
      to: 'registered',
      onDate: '2026-06-01',
    });
    expect(future.statusCode).toBe(400);
    const hist = (await cuc.get(`/api/volunteers/${lanId}/history`)).json();
    expect(hist[0]).toMatchObject({
      fromStatus: 'registered',
      toStatus: 'ready',
      onDate: '2026-05-04',
      reason: 'Đăng ký sẵn sàng',
    });
    expect(
      await countRows(t.db, 'audit_log', sql`action = 'volunteers.status' AND entity_id = ${String(lanId)}`),
    ).toBe(1);
  });

  it('edits a profile with the version checked', async () => {
    const cur = (await hpOfficer.get(`/api/volunteers/${lanId}`)).json();
    const body = {
      group: 'student',
      faculty: 'Khoa Điều dưỡng',
      studyYear: 4,
      languages: ['Tiếng Anh'],
      version: cur.version,
    };
    const ok = await hpOfficer.request({ method: 'PUT', url: `/api/volunteers/${lanId}`, json: body });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ faculty: 'Khoa Điều dưỡng', languages: ['Tiếng Anh'] });
    const stale = await hpOfficer.request({ method: 'PUT', url: `/api/volunteers/${lanId}`, json: body });
    expect(stale.json().error.code).toBe('volunteers.version_conflict');
  });

  it('counts readiness per institution and feeds the plan indicators as of the period end', async () => {
    const r = (await cuc.get(`/api/volunteers/readiness?orgId=${ministry.id}`)).json();
    const hpRow = r.institutions.find((i: { orgId: number }) => i.orgId === hp.id);
    expect(hpRow).toMatchObject({
      registered: 3,
      ready: 1,
      deployed: 0,
      byGroup: { student: 3 },
      bySkill: { nursing: 1 },
    });
    expect(r.totals).toMatchObject({ registered: 4, ready: 1, deployed: 0 });
    const own = (await hnOfficer.get('/api/volunteers/readiness')).json();
    expect(own.institutions.map((i: { orgId: number }) => i.orgId)).toEqual([hn.id]);
    const src = (key: string) => volunteerIndicatorSources.find((s) => s.key === key)!;
    const q = { orgId: ministry.id, orgPath: ministry.path, start: '2026-04-01', end: '2026-04-30' };
    expect((await src('volunteers.registered').compute(t.db, q))?.value).toBe(0);
    const may = { ...q, start: '2026-05-01', end: '2026-05-31' };
    expect(await src('volunteers.registered').compute(t.db, may)).toMatchObject({
      value: 4,
      breakdown: [{ category: 'student', value: 4 }],
    });
    expect((await src('volunteers.ready').compute(t.db, may))?.value).toBe(1);
    expect((await src('volunteers.deployed').compute(t.db, may))?.value).toBe(0);
  });

  it('takes a home province only among the 34 in force, on its field; Hải Phòng (31) is one', async () => {
    const bad = await register(hpOfficer, {
      person: { fullName: 'Phạm Thu Hằng', birthDate: '2003-05-05', sex: 'female', phone: '0912000333' },
      homeProvinceCode: 'HP',
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.homeProvinceCode', code: 'common.province_not_current' }),
    ]);
    const ok = await register(hpOfficer, {
      person: { fullName: 'Phạm Thu Hằng', birthDate: '2003-05-05', sex: 'female', phone: '0912000333' },
      homeProvinceCode: '31',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().homeProvinceCode).toBe('31');
  });
});

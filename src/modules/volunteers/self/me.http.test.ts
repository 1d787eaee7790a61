import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { volunteerProfiles } from '../volunteers.tables.ts';
import { mobilisationWaves, volunteerAssignments, waveDestinations } from '../waves/waves.tables.ts';

/**
 * Seed 004: a student volunteer of a medical university signs in with the account her officer made, sees only her
 * own registry entries, assignments and shifts, declares when she can go and confirms her assignment.
 */
describe('a volunteer’s own page and sign-in', () => {
  let t: TestApp;
  let ministry: BuiltOrg;
  let hp: BuiltOrg;
  let hn: BuiltOrg;
  let officer: Session;
  let otherOfficer: Session;
  let viewer: Session;
  let volunteer: Session;
  let lan: { personId: number; profileId: number };
  let minh: { personId: number; profileId: number };
  let lanAssignment: number;
  let minhAssignment: number;

  /** A person kept by `org` (through the people API) with a registered volunteer profile there. */
  async function volunteerAt(org: BuiltOrg, s: Session, person: Record<string, string>) {
    const p = await s.post('/api/people', { orgId: org.id, ...person });
    expect(p.statusCode, p.body).toBe(201);
    const [profile] = await t.db
      .insert(volunteerProfiles)
      .values({
        personId: p.json().id,
        orgId: org.id,
        orgPath: org.path,
        group: 'student',
        statusSince: '2026-04-01',
      })
      .returning({ id: volunteerProfiles.id });
    return { personId: p.json().id as number, profileId: profile!.id };
  }

  async function assignment(v: { personId: number; profileId: number }, org: BuiltOrg, title: string) {
    const [wave] = await t.db
      .insert(mobilisationWaves)
      .values({
        issuerOrgId: ministry.id,
        issuerPath: ministry.path,
        title,
        basisKind: 'order',
        basisDate: '2026-04-30',
        basisSigner: 'Thứ trưởng Bộ Y tế',
        startsOn: '2026-05-10',
        endsOn: '2026-05-24',
        status: 'deployed',
      })
      .returning({ id: mobilisationWaves.id });
    const [dest] = await t.db
      .insert(waveDestinations)
      .values({
        waveId: wave!.id,
        name: 'Bệnh viện dã chiến số 2',
        adminUnitCode: '24',
        adminUnitName: 'Bắc Giang',
        adminUnitAsOf: '2026-05-10',
      })
      .returning({ id: waveDestinations.id });
    const [a] = await t.db
      .insert(volunteerAssignments)
      .values({
        personId: v.personId,
        profileId: v.profileId,
        waveId: wave!.id,
        destinationId: dest!.id,
        orgPath: org.path,
        issuerPath: ministry.path,
        task: 'Lấy mẫu xét nghiệm',
        startsOn: '2026-05-10',
        endsOn: '2026-05-24',
      })
      .returning({ id: volunteerAssignments.id });
    return a!.id;
  }

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    ministry = await buildOrg(t.db, { name: 'Bộ Y tế' });
    hp = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Dược Hải Phòng' });
    hn = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Hà Nội' });
    officer = await loginAs(t, hp, 'volunteer_officer');
    otherOfficer = await loginAs(t, hn, 'volunteer_officer');
    viewer = await loginAs(t, hp, 'viewer');
    lan = await volunteerAt(hp, officer, {
      fullName: 'Phạm Thị Lan',
      birthDate: '2003-09-12',
      phone: '0912000111',
      email: 'lan@example.vn',
    });
    minh = await volunteerAt(hn, otherOfficer, { fullName: 'Lê Quang Minh', birthDate: '2002-03-03' });
    lanAssignment = await assignment(lan, hp, 'Đợt 2 – hỗ trợ Bắc Giang');
    minhAssignment = await assignment(minh, hn, 'Đợt 3 – hỗ trợ Bắc Ninh');
  });

  it('creates a sign-in for a volunteer, once, with a one-time password; only her institution’s officer may', async () => {
    expect((await otherOfficer.post(`/api/volunteers/${lan.profileId}/account`, {})).statusCode).toBe(404);
    expect((await viewer.post(`/api/volunteers/${lan.profileId}/account`, {})).statusCode).toBe(403);
    expect((await officer.post('/api/volunteers/2000000/account', {})).statusCode).toBe(404);
    const res = await officer.post(`/api/volunteers/${lan.profileId}/account`, {});
    expect(res.statusCode, res.body).toBe(201);
    const { username, temporaryPassword, userId } = res.json();
    expect(username).toBe('lanpt');
    expect(temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{12}$/);
    const [user] = await rows<{ person_id: number; password_hash: string; grants: number }>(
      t.db,
      sql`SELECT person_id, password_hash, (SELECT count(*)::int FROM role_grants g WHERE g.user_id = u.id) AS grants
          FROM users u WHERE id = ${userId}`,
    );
    expect(user).toMatchObject({ person_id: lan.personId, grants: 0 });
    expect(user!.password_hash).not.toContain(temporaryPassword);
    expect(
      await countRows(
        t.db,
        'audit_log',
        sql`entity_type = 'user' AND entity_id = ${String(userId)} AND action = 'create'`,
      ),
    ).toBe(1);
    const again = await officer.post(`/api/volunteers/${lan.profileId}/account`, { username: 'lan.khac' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'volunteer_self.account_exists',
      details: { username: 'lanpt' },
    });
    volunteer = await signIn(t, username, temporaryPassword);
  });

  it('signs the volunteer in with her person and no grants', async () => {
    const me = (await volunteer.get('/api/auth/me')).json();
    expect(me).toMatchObject({
      user: { fullName: 'Phạm Thị Lan', personId: lan.personId },
      grants: [],
      permissions: [],
      isSystemAdmin: false,
    });
    const notices = await volunteer.get('/api/notifications');
    expect(notices.statusCode).toBe(200);
  });

  it('refuses her every staff page, or answers it empty: nothing of anyone else', async () => {
    const staff = [
      '/api/orgs',
      '/api/people',
      `/api/people/${lan.personId}`,
      `/api/people/${minh.personId}`,
      '/api/users',
      '/api/plans',
      '/api/training/classes',
      '/api/audit',
      '/api/home',
      '/api/volunteers/applications',
      '/api/volunteers/signup-links',
      `/api/orgs/${hp.id}`,
    ];
    for (const url of staff) {
      const res = await volunteer.get(url);
      const leaked = res.statusCode === 200 && /Lê Quang Minh|Trường Đại học|Phạm Thị Lan/.test(res.body);
      expect([200, 401, 403, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
      if (res.statusCode === 404) expect(res.json().error.code).not.toBe('route.not_found');
      expect(leaked, `${url}: ${res.body.slice(0, 200)}`).toBe(false);
    }
    for (const [url, body] of [
      [`/api/volunteers/${lan.profileId}/account`, {}],
      ['/api/volunteers/signup-links', { orgId: hp.id, expiresOn: '2026-06-30', title: 'x' }],
      ['/api/people', { orgId: hp.id, fullName: 'Nguyễn Văn Mới' }],
    ] as const) {
      const res = await volunteer.post(url, body);
      expect([400, 403, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
    }
  });

  it('shows her own profile, assignment and nothing of another volunteer', async () => {
    const res = await volunteer.get('/api/me/volunteering');
    expect(res.statusCode).toBe(200);
    const mine = res.json();
    expect(mine).toMatchObject({
      linked: true,
      fullName: 'Phạm Thị Lan',
      profiles: [{ id: lan.profileId, orgName: hp.name, status: 'registered', readyDeclaredOn: null }],
      assignments: [
        {
          id: lanAssignment,
          waveTitle: 'Đợt 2 – hỗ trợ Bắc Giang',
          destinationName: 'Bệnh viện dã chiến số 2',
          confirmedAt: null,
          hours: 0,
        },
      ],
      ready: false,
      can: { editAvailability: true },
    });
    expect(res.body).not.toContain('Minh');
    expect(res.body).not.toContain('Bắc Ninh');
  });

  it('confirms only her own assignment', async () => {
    const other = await volunteer.post(`/api/me/volunteering/assignments/${minhAssignment}/confirm`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('volunteer_self.assignment.not_found');
    const res = await volunteer.post(`/api/me/volunteering/assignments/${lanAssignment}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignments[0].confirmedAt).toBe('2026-05-04T08:00:00Z');
    const [audit] = await rows<{ actor_user_id: number; action: string }>(
      t.db,
      sql`SELECT actor_user_id, action FROM audit_log WHERE entity_type = 'volunteer_assignment'`,
    );
    expect(audit).toEqual({ actor_user_id: volunteer.userId, action: 'confirm' });
    expect((await officer.post(`/api/me/volunteering/assignments/${lanAssignment}/confirm`)).statusCode).toBe(
      404,
    );
  });

  it('declares her periods and readiness: registered → ready with a dated history row, by her', async () => {
    const bad = await volunteer.request({
      method: 'PUT',
      url: '/api/me/volunteering/availability',
      json: { ready: true, periods: [{ fromDate: '2026-06-10', toDate: '2026-06-01' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      path: 'body.periods.0.toDate',
      code: 'volunteers.date_order',
    });
    const res = await volunteer.request({
      method: 'PUT',
      url: '/api/me/volunteering/availability',
      json: {
        ready: true,
        periods: [
          { fromDate: '2026-05-10', toDate: '2026-06-30' },
          { fromDate: '2026-07-01', toDate: '2026-07-15', available: false, note: 'Thi cuối kỳ' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ready: true,
      profiles: [{ status: 'ready', statusSince: '2026-05-04', readyDeclaredOn: '2026-05-04' }],
      availability: [
        { fromDate: '2026-05-10', toDate: '2026-06-30', available: true, declaredBy: 'self' },
        { fromDate: '2026-07-01', toDate: '2026-07-15', available: false, note: 'Thi cuối kỳ' },
      ],
    });
    const history = await rows<Record<string, unknown>>(
      t.db,
      sql`SELECT from_status, to_status, on_date::text, changed_by FROM volunteer_status_changes
          WHERE profile_id = ${lan.profileId}`,
    );
    expect(history).toEqual([
      { from_status: 'registered', to_status: 'ready', on_date: '2026-05-04', changed_by: volunteer.userId },
    ]);
    expect(
      await countRows(
        t.db,
        'audit_log',
        sql`action = 'declare_availability' AND actor_user_id = ${volunteer.userId}`,
      ),
    ).toBe(1);
    // Declared again (one period): the readiness keeps the day it was first declared, the periods are replaced.
    await t.db.execute(
      sql`UPDATE volunteer_profiles SET ready_declared_on = '2026-05-01' WHERE id = ${lan.profileId}`,
    );
    const again = await volunteer.request({
      method: 'PUT',
      url: '/api/me/volunteering/availability',
      json: { ready: true, periods: [{ fromDate: '2026-05-10', toDate: '2026-08-31' }] },
    });
    expect(again.json()).toMatchObject({ profiles: [{ status: 'ready', readyDeclaredOn: '2026-05-01' }] });
    expect(again.json().availability).toHaveLength(1);
    expect(await countRows(t.db, 'volunteer_status_changes', sql`profile_id = ${lan.profileId}`)).toBe(1);
    // Minh's profile is untouched.
    const [m] = await rows<{ status: string }>(
      t.db,
      sql`SELECT status FROM volunteer_profiles WHERE id = ${minh.profileId}`,
    );
    expect(m!.status).toBe('registered');
  });

  it('answers a staff account with no person an empty page, and refuses its declarations', async () => {
    const mine = (await officer.get('/api/me/volunteering')).json();
    expect(mine).toMatchObject({
      linked: false,
      profiles: [],
      assignments: [],
      can: { editAvailability: false },
    });
    const put = await officer.request({
      method: 'PUT',
      url: '/api/me/volunteering/availability',
      json: { ready: true, periods: [] },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('volunteer_self.no_profile');
  });

  it('tells a volunteer with an account when another institution approves her sign-up', async () => {
    const link = await otherOfficer.post('/api/volunteers/signup-links', {
      orgId: hn.id,
      expiresOn: '2026-06-30',
      title: 'Tình nguyện viên Y Hà Nội',
    });
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/volunteer-signup/${link.json().token}`,
      payload: {
        fullName: 'Phạm Thị Lan',
        birthDate: '2003-09-12',
        phone: '0912000111',
        group: 'graduate_student',
        consent: true,
        consentVersion: '2026-01',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [app] = (await otherOfficer.get('/api/volunteers/applications')).json();
    const ok = await otherOfficer.post(`/api/volunteers/applications/${app.id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    // The same person (linked by name, birth date and phone, not seen before by Hà Nội): one person, two profiles.
    expect(ok.json().personId).toBe(lan.personId);
    const notices = (await volunteer.get('/api/notifications')).json();
    expect(notices.items).toEqual([
      expect.objectContaining({ kind: 'volunteer_application_approved', link: '/me/volunteering' }),
    ]);
    const mine = (await volunteer.get('/api/me/volunteering')).json();
    expect(mine.profiles.map((p: { orgName: string }) => p.orgName)).toEqual([hp.name, hn.name]);
  });
});

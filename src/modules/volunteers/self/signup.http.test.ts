import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { sha256 } from '../../../platform/auth/crypto.ts';
import { rows } from '../../../platform/db/database.ts';

/**
 * Seed 004: a medical university shares a sign-up link with its students; the applications wait for its volunteer
 * officer, who approves them into the person registry and its volunteer registry — or rejects them.
 */
describe('volunteer self-registration: links, the public form, approval', () => {
  let t: TestApp;
  let ministry: BuiltOrg;
  let hp: BuiltOrg; // Trường Đại học Y Dược Hải Phòng
  let hn: BuiltOrg; // Trường Đại học Y Hà Nội
  let officer: Session;
  let otherOfficer: Session;
  let viewer: Session;
  let token: string;
  let linkId: number;
  const anon = (method: 'GET' | 'POST', token: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/public/volunteer-signup/${token}`, ...(payload ? { payload } : {}) });
  const lan = {
    fullName: 'Phạm Thị Lan',
    birthDate: '2003-09-12',
    sex: 'female',
    phone: '0912 000 111',
    email: 'lan.pt@example.vn',
    group: 'student',
    faculty: 'Khoa Y',
    studyYear: 4,
    skills: ['sampling', 'vaccination'],
    consent: true,
    consentVersion: '2026-01',
  };

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    ministry = await buildOrg(t.db, { name: 'Bộ Y tế' });
    hp = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Dược Hải Phòng' });
    hn = await buildOrg(t.db, { parent: ministry, name: 'Trường Đại học Y Hà Nội' });
    officer = await loginAs(t, hp, 'volunteer_officer');
    otherOfficer = await loginAs(t, hn, 'volunteer_officer');
    viewer = await loginAs(t, hp, 'viewer');
    const res = await officer.post('/api/volunteers/signup-links', {
      orgId: hp.id,
      expiresOn: '2026-06-30',
      title: 'Sinh viên tình nguyện chống dịch 2026',
    });
    expect(res.statusCode, res.body).toBe(201);
    token = res.json().token;
    linkId = res.json().id;
  });

  it('creates a link whose token is shown once and stored only as its hash', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await rows<{ token_hash: string }>(
      t.db,
      sql`SELECT token_hash FROM volunteer_signup_links WHERE id = ${linkId}`,
    );
    expect(row!.token_hash).toBe(sha256(token));
    const list = (await officer.get('/api/volunteers/signup-links')).json();
    expect(list).toEqual([
      expect.objectContaining({ id: linkId, orgName: hp.name, open: true, applications: 0 }),
    ]);
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('shows the institution to anyone holding the token, and the same 404 for an unknown one', async () => {
    const res = await anon('GET', token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      institutionName: hp.name,
      title: 'Sinh viên tình nguyện chống dịch 2026',
      consentVersion: '2026-01',
    });
    const unknown = await anon('GET', 'A'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('volunteer_self.link.not_found');
    expect((await anon('POST', 'A'.repeat(43), lan)).statusCode).toBe(404);
  });

  it('refuses a form without consent or from someone under 18, naming the field, and creates nobody', async () => {
    const people = await countRows(t.db, 'people');
    const noConsent = await anon('POST', token, { ...lan, consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.consent', code: 'volunteers.consent_required' }),
    ]);
    const young = await anon('POST', token, { ...lan, birthDate: '2008-05-05' });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.birthDate', code: 'volunteers.under_age' }),
    ]);
    // 18 on the day before: accepted by age (the injected clock says 4/5/2026).
    const phone = await anon('POST', token, { ...lan, birthDate: '2008-05-03', phone: '12345' });
    expect(phone.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.phone']);
    expect(await countRows(t.db, 'volunteer_applications')).toBe(0);
    expect(await countRows(t.db, 'people')).toBe(people);
  });

  let lanAppId: number;
  it('keeps a valid sign-up as a pending application with its consent, without creating a person', async () => {
    const people = await countRows(t.db, 'people');
    const res = await anon('POST', token, lan);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ ok: true, institutionName: hp.name });
    expect(await countRows(t.db, 'people')).toBe(people);
    const list = (await officer.get(`/api/volunteers/applications?orgId=${hp.id}&status=pending`)).json();
    expect(list).toEqual([
      expect.objectContaining({
        fullName: 'Phạm Thị Lan',
        phone: '0912000111',
        status: 'pending',
        consentVersion: '2026-01',
        consentAt: '2026-05-04T08:00:00Z',
        skills: ['sampling', 'vaccination'],
        can: { decide: true },
      }),
    ]);
    lanAppId = list[0].id;
    const [audit] = await rows<{ actor_user_id: number | null; action: string }>(
      t.db,
      sql`SELECT actor_user_id, action FROM audit_log WHERE entity_type = 'volunteer_application'`,
    );
    expect(audit).toEqual({ actor_user_id: null, action: 'create' });
  });

  it("keeps another institution's links and applications out of sight", async () => {
    expect((await otherOfficer.get('/api/volunteers/applications')).json()).toEqual([]);
    expect((await otherOfficer.get('/api/volunteers/signup-links')).json()).toEqual([]);
    const byOrg = await otherOfficer.get(`/api/volunteers/applications?orgId=${hp.id}`);
    expect(byOrg.statusCode).toBe(400);
    expect(byOrg.json().error.details.issues[0]).toMatchObject({ path: 'querystring.orgId' });
    const approve = await otherOfficer.post(`/api/volunteers/applications/${lanAppId}/approve`, {});
    expect(approve.statusCode).toBe(404);
    expect(approve.body).not.toContain('Lan');
    expect(
      (await otherOfficer.post(`/api/volunteers/applications/${lanAppId}/reject`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await otherOfficer.del(`/api/volunteers/signup-links/${linkId}`)).statusCode).toBe(404);
    const link = await otherOfficer.post('/api/volunteers/signup-links', {
      orgId: hp.id,
      expiresOn: '2026-06-30',
      title: 'x',
    });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.details.issues[0]).toMatchObject({
      path: 'body.orgId',
      code: 'common.id_not_found',
    });
    // Inside the scope without volunteer.manage: 403, and no list.
    expect((await viewer.post(`/api/volunteers/applications/${lanAppId}/approve`, {})).statusCode).toBe(403);
    expect((await viewer.get('/api/volunteers/applications')).statusCode).toBe(403);
  });

  it('shows the pending sign-ups on the officer’s home page', async () => {
    const home = (await officer.get('/api/home')).json();
    expect(home.blocks).toContainEqual(
      expect.objectContaining({
        key: 'volunteers.applications_pending',
        count: 1,
        link: '/volunteers/applications',
      }),
    );
    // An officer whose institution shares no link and has no sign-up: nothing to act on, no block.
    const other = (await otherOfficer.get('/api/home')).json();
    expect(other.blocks.map((b: { key: string }) => b.key)).not.toContain('volunteers.applications_pending');
    const viewers = (await viewer.get('/api/home')).json();
    expect(viewers.blocks.map((b: { key: string }) => b.key)).not.toContain(
      'volunteers.applications_pending',
    );
  });

  it('approves into the registry: a new person kept by the institution, a registered profile and its history', async () => {
    const res = await officer.post(`/api/volunteers/applications/${lanAppId}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json();
    expect(app).toMatchObject({ status: 'approved', can: { decide: false } });
    const [person] = await rows<{ full_name: string; phone: string; org_path: string }>(
      t.db,
      sql`SELECT full_name, phone, org_path::text FROM people WHERE id = ${app.personId}`,
    );
    expect(person).toEqual({ full_name: 'Phạm Thị Lan', phone: '0912000111', org_path: hp.path });
    expect(
      await countRows(
        t.db,
        'person_links',
        sql`person_id = ${app.personId} AND org_id = ${hp.id} AND purpose = 'institution'`,
      ),
    ).toBe(1);
    const [profile] = await rows<Record<string, unknown>>(
      t.db,
      sql`SELECT id, status, status_since::text, grp, faculty, study_year, consent_contact, consent_on::text
          FROM volunteer_profiles WHERE person_id = ${app.personId}`,
    );
    expect(profile).toEqual({
      id: app.profileId,
      status: 'registered',
      status_since: '2026-05-04',
      grp: 'student',
      faculty: 'Khoa Y',
      study_year: 4,
      consent_contact: true,
      consent_on: '2026-05-04',
    });
    expect(
      await countRows(
        t.db,
        'volunteer_status_changes',
        sql`profile_id = ${app.profileId} AND to_status = 'registered' AND from_status IS NULL`,
      ),
    ).toBe(1);
    expect(await countRows(t.db, 'volunteer_qualifications', sql`profile_id = ${app.profileId}`)).toBe(2);
    const again = await officer.post(`/api/volunteers/applications/${lanAppId}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('volunteer_self.application_decided');
    const actions = await rows<{ action: string; entity_type: string }>(
      t.db,
      sql`SELECT action, entity_type FROM audit_log WHERE actor_user_id = ${officer.userId} ORDER BY id`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'create', entity_type: 'person' },
        { action: 'create', entity_type: 'volunteer_profile' },
        { action: 'approve', entity_type: 'volunteer_application' },
      ]),
    );
  });

  it('answers the people module’s duplicate for someone the officer already keeps, and approves onto them when named', async () => {
    const hung = { fullName: 'Đỗ Văn Hùng', birthDate: '2002-01-20', phone: '0987111222' };
    const p = await officer.post('/api/people', { orgId: hp.id, ...hung });
    expect(p.statusCode, p.body).toBe(201);
    expect((await anon('POST', token, { ...lan, ...hung, email: null, skills: [] })).statusCode).toBe(201);
    const [app] = (await officer.get('/api/volunteers/applications?status=pending')).json();
    const people = await countRows(t.db, 'people');
    const dup = await officer.post(`/api/volunteers/applications/${app.id}/approve`, {});
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'people.duplicate',
      details: { existingId: p.json().id },
    });
    const bad = await officer.post(`/api/volunteers/applications/${app.id}/approve`, { personId: 2_000_000 });
    expect(bad.json().error.details.issues[0]).toMatchObject({
      path: 'body.personId',
      code: 'common.id_not_found',
    });
    const ok = await officer.post(`/api/volunteers/applications/${app.id}/approve`, {
      personId: p.json().id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', personId: p.json().id });
    expect(await countRows(t.db, 'people')).toBe(people);
  });

  it('rejects with a reason, and a deactivated or expired link takes no more sign-ups (same 404)', async () => {
    expect(
      (await anon('POST', token, { ...lan, fullName: 'Vũ Minh Quân', phone: '0905000999' })).statusCode,
    ).toBe(201);
    const [app] = (await officer.get('/api/volunteers/applications?status=pending')).json();
    const noReason = await officer.post(`/api/volunteers/applications/${app.id}/reject`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const res = await officer.post(`/api/volunteers/applications/${app.id}/reject`, {
      reason: 'Chưa đủ sức khỏe',
    });
    expect(res.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Chưa đủ sức khỏe',
      personId: null,
    });
    expect(await countRows(t.db, 'people', sql`full_name = 'Vũ Minh Quân'`)).toBe(0);

    const short = await officer.post('/api/volunteers/signup-links', {
      orgId: hp.id,
      expiresOn: '2026-05-04',
      title: 'Một ngày',
    });
    const shortToken = short.json().token;
    expect((await anon('GET', shortToken)).statusCode).toBe(200);
    t.clock.set('2026-05-05T08:00:00Z');
    try {
      const expired = await anon('GET', shortToken);
      expect(expired.statusCode).toBe(404);
      expect(expired.json()).toEqual((await anon('GET', 'B'.repeat(43))).json());
    } finally {
      t.clock.set('2026-05-04T08:00:00Z');
    }
    expect((await officer.del(`/api/volunteers/signup-links/${linkId}`)).statusCode).toBe(200);
    expect((await anon('GET', token)).statusCode).toBe(404);
    expect((await anon('POST', token, lan)).statusCode).toBe(404);
    const links = (await officer.get(`/api/volunteers/signup-links?orgId=${hp.id}`)).json();
    expect(links.find((l: { id: number }) => l.id === linkId)).toMatchObject({
      active: false,
      open: false,
      applications: 3,
    });
  });
});

describe('public sign-up rate limit', () => {
  it('answers 429 once an address has sent the minute’s sign-ups', async () => {
    const t = await createTestApp('2026-05-04T08:00:00Z', { SIGNUP_RATE_LIMIT_PER_MINUTE: '3' });
    const post = (remoteAddress = '203.0.113.7') =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/volunteer-signup/${'A'.repeat(43)}`,
        payload: {},
        remoteAddress,
      });
    for (let i = 0; i < 3; i++) expect((await post()).statusCode).toBe(400);
    const limited = await post();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('request.rate_limited');
    expect((await post('198.51.100.9')).statusCode).toBe(400);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, buildBloodWorld, buildDonor } from '../../../../test/helpers/blood-clubs.fixtures.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';

/** Donor clubs: the club's life, who may change it, and what another tree sees. */
describe('donor clubs', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBloodWorld>>;
  let officer: Session;
  let clubId: number;

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    w = await buildBloodWorld(t.db);
    officer = await loginAs(t, w.dienBien, 'blood_organiser');
    const res = await officer.post('/api/blood/clubs', {
      orgId: w.dienBien.id,
      name: 'Đội vận động hiến máu',
      kind: 'mobilisers',
    });
    clubId = res.json().id;
  });

  it('edits, records activities and ends memberships; a reader cannot change it; another tree does not see it', async () => {
    const edited = await officer.request({
      method: 'PUT',
      url: `/api/blood/clubs/${clubId}`,
      json: { name: 'Đội tuyên truyền vận động hiến máu', kind: 'mobilisers', provinceCode: '11' },
    });
    expect(edited.json()).toMatchObject({
      name: 'Đội tuyên truyền vận động hiến máu',
      provinceName: 'Điện Biên',
      can: { manage: true, health: false },
    });
    const activity = await officer.post(`/api/blood/clubs/${clubId}/activities`, {
      heldOn: '2021-04-07',
      title: 'Ngày hội hiến máu 7/4',
      participants: 30,
    });
    expect(activity.statusCode).toBe(201);
    const donor = await buildDonor(t.db, w.dienBien, { name: 'Lò Văn Tuyên' });
    const [member] = (
      await officer.post(`/api/blood/clubs/${clubId}/members`, {
        personIds: [donor.id],
        role: 'mobiliser',
        since: '2021-01-01',
      })
    ).json();
    const ended = await officer.request({
      method: 'PUT',
      url: `/api/blood/clubs/${clubId}/members/${member.id}`,
      json: { role: 'mobiliser', since: '2021-01-01', until: '2020-12-31' },
    });
    expect(ended.json().error.details.issues[0]).toMatchObject({
      path: 'body.until',
      code: 'clubs.date_order',
    });
    const ok = await officer.request({
      method: 'PUT',
      url: `/api/blood/clubs/${clubId}/members/${member.id}`,
      json: { role: 'mobiliser', since: '2021-01-01', until: '2026-05-01' },
    });
    expect(ok.json()).toMatchObject({ until: '2026-05-01' });
    expect((await officer.get(`/api/blood/clubs/${clubId}`)).json()).toMatchObject({
      members: 0,
      activities: 1,
    });
    // A club with a record is not deleted.
    expect((await officer.del(`/api/blood/clubs/${clubId}`)).statusCode).toBe(409);

    const reader = await loginAs(t, w.dienBien, 'viewer');
    expect((await reader.get(`/api/blood/clubs/${clubId}`)).json().can.manage).toBe(false);
    expect(
      (await reader.post(`/api/blood/clubs/${clubId}/activities`, { heldOn: '2021-05-01', title: 'Họp' }))
        .statusCode,
    ).toBe(403);
    const stranger = await loginAs(t, w.bacNinh, 'blood_organiser');
    expect((await stranger.get(`/api/blood/clubs/${clubId}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/blood/clubs')).json().items).toEqual([]);
    expect(
      (
        await stranger.post('/api/blood/clubs', { orgId: w.dienBien.id, name: 'CLB khác', kind: 'reserve' })
      ).json().error.details.issues[0],
    ).toMatchObject({ path: 'body.orgId', code: 'common.id_not_found' });
    expect((await auditRows(t.db, ['donor_club'])).map((a) => a.action).sort()).toEqual([
      'blood.club.activity_add',
      'blood.club.create',
      'blood.club.member_update',
      'blood.club.members_add',
      'blood.club.update',
    ]);
  });

  it('deletes an empty club', async () => {
    const empty = (
      await officer.post('/api/blood/clubs', { orgId: w.dienBien.id, name: 'CLB dự bị', kind: 'reserve' })
    ).json();
    expect((await officer.del(`/api/blood/clubs/${empty.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/blood/clubs/${empty.id}`)).statusCode).toBe(404);
  });
});

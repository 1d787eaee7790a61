import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import {
  buildMinistry,
  buildVolunteers,
  buildWave,
  type Forest,
  linkUser,
  proposeMembers,
  type Volunteer,
  type Wave,
} from './deployment.fixtures.ts';

/** Deploying a wave's proposed volunteers: all or nothing, never two overlapping assignments of one person. */
describe('deployment: committing assignments', () => {
  let t: TestApp;
  let f: Forest;
  let officer: Session;
  let schoolOfficer: Session;
  let outsider: Session;
  let wave: Wave;
  let later: Wave;
  let people: Volunteer[];
  let members: number[];
  let laterMembers: number[];

  beforeAll(async () => {
    t = await createTestApp('2021-05-27T02:00:00Z');
    f = await buildMinistry(t.db);
    officer = await loginAs(t, f.ministry, 'mobilisation_officer');
    schoolOfficer = await loginAs(t, f.schoolA, 'volunteer_officer');
    const elsewhere = await buildMinistry(t.db);
    outsider = await loginAs(t, elsewhere.ministry, 'mobilisation_officer');
    wave = await buildWave(t.db, f.ministry);
    // Starts the day the first ends: both ends count, so they overlap on 26/6.
    later = await buildWave(t.db, f.ministry, {
      title: 'Đợt 3 – hỗ trợ TP. Hồ Chí Minh',
      startsOn: '2021-06-26',
      endsOn: '2021-07-20',
    });
    people = [
      ...(await buildVolunteers(t.db, f.schoolA, ['Trần Thị Ánh', 'Lê Hoàng Bảo', 'Phạm Đức Cường'])),
      ...(await buildVolunteers(t.db, f.schoolB, ['Đỗ Thu Hà'])),
    ];
    members = await proposeMembers(t.db, wave.id, people);
    laterMembers = await proposeMembers(t.db, later.id, people);
  });

  const item = (memberId: number, w: Wave, extra: Record<string, unknown> = {}) => ({
    memberId,
    destinationId: w.destinations[0]!.id,
    ...extra,
  });

  it('deploys members with the wave dates by default; members accepted, profiles deployed, volunteer notified', async () => {
    const own = await buildUser(t.db);
    await linkUser(t.db, own.id, people[0]!.personId);
    const res = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: [
        item(members[0]!, wave, { site: 'Bệnh viện dã chiến số 2', task: 'Lấy mẫu xét nghiệm' }),
        item(members[3]!, wave),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignmentIds).toHaveLength(2);
    const got = await rows<{ startsOn: string; endsOn: string; status: string }>(
      t.db,
      sql`SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn", status FROM volunteer_assignments WHERE wave_id = ${wave.id}`,
    );
    expect(got).toEqual([
      { startsOn: '2021-05-27', endsOn: '2021-06-26', status: 'assigned' },
      { startsOn: '2021-05-27', endsOn: '2021-06-26', status: 'assigned' },
    ]);
    expect(await countRows(t.db, 'wave_members', sql`wave_id = ${wave.id} AND status = 'accepted'`)).toBe(2);
    expect(await countRows(t.db, 'volunteer_profiles', sql`status = 'deployed'`)).toBe(2);
    expect(
      await countRows(
        t.db,
        'notifications',
        sql`user_id = ${own.id} AND kind = 'volunteers.assignment_confirmed'`,
      ),
    ).toBe(1);
    expect(await countRows(t.db, 'notifications', sql`user_id = ${schoolOfficer.userId}`)).toBe(1);
    expect(await countRows(t.db, 'audit_log', sql`action = 'deployment.assign'`)).toBe(1);
  });

  it('refuses, all or nothing, a person already deployed in another wave on an overlapping day (end days inclusive)', async () => {
    const res = await officer.post(`/api/waves/${later.id}/assignments`, {
      items: [
        item(laterMembers[1]!, later),
        item(laterMembers[0]!, later, { startsOn: '2021-06-26', endsOn: '2021-06-30' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(409);
    const { code, details } = res.json().error;
    expect(code).toBe('deployment.overlap');
    expect(details.conflicts).toEqual([
      expect.objectContaining({
        path: 'body.items.1',
        fullName: 'Trần Thị Ánh',
        with: expect.objectContaining({
          waveId: wave.id,
          waveTitle: wave.title,
          startsOn: '2021-05-27',
          endsOn: '2021-06-26',
        }),
      }),
    ]);
    expect(await countRows(t.db, 'volunteer_assignments', sql`wave_id = ${later.id}`)).toBe(0);
    // A day later does not collide.
    const ok = await officer.post(`/api/waves/${later.id}/assignments`, {
      items: [item(laterMembers[0]!, later, { startsOn: '2021-06-27' })],
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses the same person twice in one request on overlapping days', async () => {
    const res = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: [
        item(members[1]!, wave, { endsOn: '2021-06-05' }),
        item(members[1]!, wave, { startsOn: '2021-06-05', destinationId: wave.destinations[1]!.id }),
      ],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.details.conflicts.map((c: { path: string }) => c.path)).toEqual([
      'body.items.0',
      'body.items.1',
    ]);
  });

  it('writes an override with its reason and audits each overriding assignment', async () => {
    const short = await officer.post(`/api/waves/${later.id}/assignments`, {
      items: [item(laterMembers[3]!, later)],
      override: { reason: 'ngắn' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0]).toMatchObject({
      path: 'body.override.reason',
      code: 'deployment.reason_min',
    });
    const reason = 'Thiếu người lấy mẫu, Thứ trưởng cho phép ở lại thêm';
    const res = await officer.post(`/api/waves/${later.id}/assignments`, {
      items: [item(laterMembers[3]!, later), item(laterMembers[2]!, later)],
      override: { reason },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().overridden).toHaveLength(1);
    const [a] = await rows<{ overrideReason: string; overriddenBy: number }>(
      t.db,
      sql`SELECT override_reason AS "overrideReason", overridden_by AS "overriddenBy" FROM volunteer_assignments WHERE id = ${res.json().overridden[0]}`,
    );
    expect(a).toEqual({ overrideReason: reason, overriddenBy: officer.userId });
    const audits = await rows<{ entityId: string; after: { reason: string } }>(
      t.db,
      sql`SELECT entity_id AS "entityId", after FROM audit_log WHERE action = 'deployment.override'`,
    );
    expect(audits).toEqual([
      { entityId: String(res.json().overridden[0]), after: expect.objectContaining({ reason }) },
    ]);
  });

  it('names the element of a body id that is not the wave’s, and answers 404 for a wave out of scope', async () => {
    const other = await buildWave(t.db, f.ministry, { title: 'Đợt khác' });
    const [otherMember] = await proposeMembers(
      t.db,
      other.id,
      await buildVolunteers(t.db, f.schoolA, ['Vũ Minh Khang']),
    );
    const res = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: [
        item(members[2]!, wave),
        item(otherMember!, wave),
        item(members[2]!, wave, { destinationId: other.destinations[0]!.id }),
      ],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(['body.items.1.memberId', 'body.items.2.destinationId']);
    const accepted = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: [item(members[0]!, wave)],
    });
    expect(accepted.json().error.details.issues[0]).toMatchObject({
      path: 'body.items.0.memberId',
      code: 'deployment.member_not_proposed',
    });
    const dates = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: [item(members[2]!, wave, { endsOn: '2021-07-01' })],
    });
    expect(dates.json().error.details.issues[0]).toMatchObject({
      path: 'body.items.0.endsOn',
      code: 'deployment.dates_outside_wave',
    });
    expect((await outsider.get(`/api/waves/${wave.id}/assignments`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/api/waves/${wave.id}/assignments`, { items: [item(members[2]!, wave)] }))
        .statusCode,
    ).toBe(404);
    // The institution sees the wave (it has a quota) but may not deploy.
    expect(
      (await schoolOfficer.post(`/api/waves/${wave.id}/assignments`, { items: [item(members[2]!, wave)] }))
        .statusCode,
    ).toBe(403);
  });

  it('shows an institution only its own volunteers', async () => {
    const all = (await officer.get(`/api/waves/${wave.id}/assignments`)).json();
    const own = (await schoolOfficer.get(`/api/waves/${wave.id}/assignments`)).json();
    expect(all.assignments.map((a: { orgName: string }) => a.orgName).sort()).toEqual([
      f.schoolA.name,
      f.schoolB.name,
    ]);
    expect(own.assignments.map((a: { fullName: string }) => a.fullName)).toEqual(['Trần Thị Ánh']);
    expect(own.can.deploy).toBe(false);
    expect(all.can.deploy).toBe(true);
  });

  it('ends an assignment early: the range shrinks, the profile is returned; an incident is recorded', async () => {
    const list = (await officer.get(`/api/waves/${wave.id}/assignments`)).json().assignments;
    const a = list.find((x: { fullName: string }) => x.fullName === 'Đỗ Thu Hà');
    const outside = await schoolOfficer.post(`/api/assignments/${a.id}/end`, {
      on: '2021-06-10',
      kind: 'ended_early',
      reason: 'Ốm',
    });
    expect(outside.statusCode).toBe(404);
    const late = await officer.post(`/api/assignments/${a.id}/end`, {
      on: '2021-06-30',
      kind: 'ended_early',
      reason: 'Ốm',
    });
    expect(late.json().error.details.issues[0].path).toBe('body.on');
    const inc = await officer.post(`/api/assignments/${a.id}/incidents`, {
      occurredOn: '2021-06-09',
      kind: 'illness',
      description: 'Sốt, cách ly theo dõi',
    });
    expect(inc.statusCode, inc.body).toBe(200);
    const res = await officer.post(`/api/assignments/${a.id}/end`, {
      on: '2021-06-10',
      kind: 'ended_early',
      reason: 'Ốm, về địa phương',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await officer.get(`/api/waves/${wave.id}/assignments`))
      .json()
      .assignments.find((x: { id: number }) => x.id === a.id);
    expect(after).toMatchObject({ status: 'ended_early', endedOn: '2021-06-10', incidents: 1 });
    const [p] = await rows<{ status: string }>(
      t.db,
      sql`SELECT status FROM volunteer_profiles WHERE id = ${people[3]!.profileId}`,
    );
    expect(p!.status).toBe('returned');
  });

  it('commits 375 volunteers in under a second', async () => {
    const big = await buildWave(t.db, f.ministry, {
      title: 'Đợt lớn',
      startsOn: '2021-08-01',
      endsOn: '2021-08-31',
    });
    const many = await buildVolunteers(t.db, f.schoolB, 375);
    const ids = await proposeMembers(t.db, big.id, many);
    const started = performance.now();
    const res = await officer.post(`/api/waves/${big.id}/assignments`, {
      items: ids.map((m, i) => ({ memberId: m, destinationId: big.destinations[i % 2]!.id })),
    });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignmentIds).toHaveLength(375);
    expect(ms).toBeLessThan(1000);
  });
});

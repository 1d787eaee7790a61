import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { noMailer } from '../../../platform/mailer.ts';
import {
  buildMinistry,
  buildVolunteers,
  buildWave,
  type Forest,
  linkUser,
  proposeMembers,
  type Wave,
} from './deployment.fixtures.ts';
import { checkoutMissingJob } from './shifts.job.ts';

/** Shifts: capacity never passed, no person on two overlapping shifts, check-in/out, hours capped or flagged. */
describe('deployment: shifts', () => {
  let t: TestApp;
  let f: Forest;
  let officer: Session;
  let school: Session;
  let wave: Wave;
  let assignments: { id: number; fullName: string; personId: number; destinationId: number }[];

  beforeAll(async () => {
    // The clock moves days ahead: sessions must outlive it.
    t = await createTestApp('2021-05-27T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    f = await buildMinistry(t.db);
    officer = await loginAs(t, f.ministry, 'mobilisation_officer');
    school = await loginAs(t, f.schoolA, 'volunteer_officer');
    wave = await buildWave(t.db, f.ministry);
    const people = [
      ...(await buildVolunteers(t.db, f.schoolA, ['Trần Thị Ánh', 'Lê Hoàng Bảo'])),
      ...(await buildVolunteers(t.db, f.schoolB, 14)),
    ];
    const members = await proposeMembers(t.db, wave.id, people);
    const res = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: members.map((m, i) => ({ memberId: m, destinationId: wave.destinations[i === 15 ? 1 : 0]!.id })),
    });
    expect(res.statusCode, res.body).toBe(200);
    assignments = (await officer.get(`/api/waves/${wave.id}/assignments`)).json().assignments;
  });

  const shift = async (startsAt: string, endsAt: string, capacity: number) => {
    const res = await officer.post(`/api/waves/${wave.id}/shifts`, {
      destinationId: wave.destinations[0]!.id,
      task: 'Lấy mẫu tại chốt',
      startsAt,
      endsAt,
      capacity,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const named = (name: string) => assignments.find((a) => a.fullName === name)!;

  it('refuses a shift outside the wave and an assignment elsewhere or not covering the day, naming it', async () => {
    const outside = await officer.post(`/api/waves/${wave.id}/shifts`, {
      destinationId: wave.destinations[0]!.id,
      startsAt: '2021-06-27T07:00:00+07:00',
      endsAt: '2021-06-27T11:00:00+07:00',
      capacity: 3,
    });
    expect(outside.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.startsAt',
      'body.endsAt',
    ]);
    const id = await shift('2021-05-28T07:00:00+07:00', '2021-05-28T11:00:00+07:00', 3);
    const elsewhere = assignments.find((a) => a.destinationId === wave.destinations[1]!.id)!;
    const res = await officer.post(`/api/shifts/${id}/signups`, {
      assignmentIds: [named('Trần Thị Ánh').id, elsewhere.id, 2147483000],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.assignmentIds.1', code: 'deployment.assignment_not_here' }),
      expect.objectContaining({ path: 'body.assignmentIds.2', code: 'common.id_not_found' }),
    ]);
    const full = await officer.post(`/api/shifts/${id}/signups`, {
      assignmentIds: assignments.slice(2, 6).map((a) => a.id),
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('deployment.shift_full');
  });

  it('never passes the capacity under concurrent sign-ups', async () => {
    const id = await shift('2021-05-29T07:00:00+07:00', '2021-05-29T11:00:00+07:00', 5);
    const answers = await Promise.all(
      assignments
        .slice(2, 14)
        .map((a) => officer.post(`/api/shifts/${id}/signups`, { assignmentIds: [a.id] })),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.statusCode !== 200).map((a) => a.json().error.code)).toEqual(
      Array(7).fill('deployment.shift_full'),
    );
    expect(await countRows(t.db, 'shift_signups', sql`shift_id = ${id} AND status = 'booked'`)).toBe(5);
  });

  it('refuses a person on two overlapping shifts (touching ends are fine); an override is audited', async () => {
    const morning = await shift('2021-05-30T07:00:00+07:00', '2021-05-30T11:00:00+07:00', 5);
    const late = await shift('2021-05-30T10:00:00+07:00', '2021-05-30T14:00:00+07:00', 5);
    const next = await shift('2021-05-30T11:00:00+07:00', '2021-05-30T15:00:00+07:00', 5);
    const a = named('Lê Hoàng Bảo');
    expect((await officer.post(`/api/shifts/${morning}/signups`, { assignmentIds: [a.id] })).statusCode).toBe(
      200,
    );
    const res = await officer.post(`/api/shifts/${late}/signups`, {
      assignmentIds: [assignments[5]!.id, a.id],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.conflicts).toEqual([
      expect.objectContaining({
        path: 'body.assignmentIds.1',
        fullName: 'Lê Hoàng Bảo',
        with: expect.objectContaining({ startsAt: '2021-05-30T00:00:00Z' }),
      }),
    ]);
    expect((await officer.post(`/api/shifts/${next}/signups`, { assignmentIds: [a.id] })).statusCode).toBe(
      200,
    );
    const reason = 'Chốt thiếu người, đồng ý trực chồng một giờ';
    const over = await officer.post(`/api/shifts/${late}/signups`, {
      assignmentIds: [a.id],
      override: { reason },
    });
    expect(over.statusCode, over.body).toBe(200);
    expect(
      await countRows(
        t.db,
        'audit_log',
        sql`action = 'deployment.shift_override' AND after->>'reason' = ${reason}`,
      ),
    ).toBe(1);
  });

  it('checks in and out (the volunteer themself); hours are capped at the shift', async () => {
    const id = await shift('2021-06-01T07:00:00+07:00', '2021-06-01T11:00:00+07:00', 5);
    const a = named('Trần Thị Ánh');
    const [signupId] = (await officer.post(`/api/shifts/${id}/signups`, { assignmentIds: [a.id] })).json()
      .signupIds;
    const own = await buildUser(t.db);
    await linkUser(t.db, own.id, a.personId);
    const me = await signIn(t, own.username, own.password);
    const stranger = await signIn(t, (await buildUser(t.db)).username, 'Mat-khau-thu-123');
    t.clock.set('2021-05-31T23:30:00Z'); // 06:30 in Vietnam
    expect((await stranger.post(`/api/shift-signups/${signupId}/check-in`)).statusCode).toBe(404);
    expect((await me.post(`/api/shift-signups/${signupId}/check-in`)).statusCode).toBe(200);
    t.clock.set('2021-06-01T05:00:00Z'); // 12:00: an hour late
    expect((await me.post(`/api/shift-signups/${signupId}/check-out`)).statusCode).toBe(200);
    const [g] = await rows<{ hours: number }>(
      t.db,
      sql`SELECT hours::float8 AS hours FROM shift_signups WHERE id = ${signupId}`,
    );
    expect(g!.hours).toBe(4);
    const list = (await school.get(`/api/waves/${wave.id}/shifts`)).json();
    const mine = list.shifts.find((s: { id: number }) => s.id === id);
    expect(mine.signups[0]).toMatchObject({ fullName: 'Trần Thị Ánh', hours: 4 });
    expect(mine.day).toBe('2021-06-01');
    expect(await countRows(t.db, 'audit_log', sql`action = 'deployment.check_out'`)).toBe(1);
    const approve = await officer.post(`/api/shift-signups/${signupId}/approve-hours`);
    expect(approve.statusCode).toBe(200);
    const after = (await officer.get(`/api/waves/${wave.id}/assignments`))
      .json()
      .assignments.find((x: { id: number }) => x.id === a.id);
    expect(after.approvedHours).toBe(4);
  });

  it('flags a forgotten check-out 2 hours after the shift; hours stay empty until an officer sets them', async () => {
    const id = await shift('2021-06-02T07:00:00+07:00', '2021-06-02T11:00:00+07:00', 5);
    const a = named('Lê Hoàng Bảo');
    const [signupId] = (await officer.post(`/api/shifts/${id}/signups`, { assignmentIds: [a.id] })).json()
      .signupIds;
    t.clock.set('2021-06-02T00:05:00Z');
    expect((await school.post(`/api/shift-signups/${signupId}/check-in`)).statusCode).toBe(200);
    const run = () =>
      checkoutMissingJob.run({
        db: t.db,
        clock: t.clock,
        today: '2021-06-02',
        log: console,
        mailer: noMailer,
      } as never);
    t.clock.set('2021-06-02T05:30:00Z'); // 12:30: 1.5 h after the end
    await run();
    expect(await countRows(t.db, 'shift_signups', sql`id = ${signupId} AND checkout_missing`)).toBe(0);
    t.clock.set('2021-06-04T02:00:00Z'); // two days later
    expect(await run()).toBe('1 flagged');
    const [g] = await rows<{ hours: number | null; missing: boolean }>(
      t.db,
      sql`SELECT hours::float8 AS hours, checkout_missing AS missing FROM shift_signups WHERE id = ${signupId}`,
    );
    expect(g).toEqual({ hours: null, missing: true });
    const late = await school.post(`/api/shift-signups/${signupId}/check-out`);
    expect(late.json().error.code).toBe('deployment.checkout_flagged');
    expect((await officer.post(`/api/shift-signups/${signupId}/approve-hours`)).json().error.code).toBe(
      'deployment.hours_missing',
    );
    const tooMany = await officer.request({
      method: 'PUT',
      url: `/api/shift-signups/${signupId}/hours`,
      json: { hours: 9, note: 'Quên điểm danh ra' },
    });
    expect(tooMany.json().error.details.issues[0]).toMatchObject({
      path: 'body.hours',
      code: 'deployment.hours_over_shift',
    });
    const ok = await officer.request({
      method: 'PUT',
      url: `/api/shift-signups/${signupId}/hours`,
      json: { hours: 3.5, note: 'Quên điểm danh ra' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await school.request({
          method: 'PUT',
          url: `/api/shift-signups/${signupId}/hours`,
          json: { hours: 4, note: 'Sửa' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

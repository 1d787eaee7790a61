import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClass } from '../../../../test/helpers/certificates.fixtures.ts';
import { type BuiltOrg, buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';

/**
 * Issue 10: class QV-SCC-04 (one session on 19/12/2026) was started on 05/12, its attendance for 19/12 saved,
 * the class ended and 20 certificates issued dated 05/12. The calendar now decides, by Vietnam's day.
 */
describe('a class is not started, attended, ended or certified before its sessions happen', () => {
  let t: TestApp;
  let centre: BuiltOrg;
  let hsc: Session;
  let classId: number;
  let sessionId: number;
  let learners: number[];
  let version: number;

  const put = (url: string, json: unknown) => hsc.request({ method: 'PUT', url, json });
  const move = async (status: string) => {
    const res = await hsc.post(`/api/training/classes/${classId}/status`, { version, status });
    if (res.statusCode === 200) version = res.json().version;
    return res;
  };
  const attend = () =>
    put(`/api/training/classes/${classId}/sessions/${sessionId}/attendance`, {
      entries: learners.map((personId) => ({ personId, status: 'present' })),
    });
  const issue = () => hsc.post(`/api/training/classes/${classId}/certificates`);

  beforeAll(async () => {
    t = await createTestApp('2026-12-05T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    centre = await buildOrg(t.db, { name: 'Trung tâm Dịch vụ Nhân đạo', kind: 'service_centre' });
    const u = await buildUser(t.db, { grants: [{ org: centre, role: 'org_admin' }] });
    hsc = await signIn(t, u.username, u.password);
    const courses = (await hsc.get('/api/training/course-types')).json() as { id: number; code: string }[];
    const created = await hsc.post('/api/training/classes', {
      providerOrgId: centre.id,
      courseTypeId: courses.find((c) => c.code === 'SCC_NLD')!.id,
      code: 'QV-SCC-04',
      title: 'Sơ cứu, cấp cứu tại nơi làm việc – đợt 4',
      capacity: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    classId = created.json().id;
    const people = [];
    for (const name of ['Nguyễn Thị Hương', 'Trần Văn Đức', 'Lê Quang Huy']) {
      const [p] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO people (full_name, birth_date, org_id, org_path)
            VALUES (${name}, '1994-05-06', ${centre.id}, ${centre.path}::ltree) RETURNING id`,
      );
      people.push(p!.id);
    }
    learners = people;
    const trainerIds = [];
    for (const name of ['Nguyễn Thị Minh Nguyệt', 'Trần Quốc Khánh']) {
      const [p] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO people (full_name, org_id, org_path) VALUES (${name}, ${centre.id}, ${centre.path}::ltree)
            RETURNING id`,
      );
      const tr = await hsc.post('/api/training/trainers', {
        personId: p!.id,
        orgId: centre.id,
        qualification: 'first_aid_instructor',
      });
      trainerIds.push(tr.json().id);
    }
    await put(`/api/training/classes/${classId}/trainers`, { trainerIds });
    const scheduled = await put(`/api/training/classes/${classId}/sessions`, {
      sessions: [{ startsAt: '2026-12-19T07:30:00+07:00', endsAt: '2026-12-19T11:30:00+07:00', hours: 4 }],
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    sessionId = scheduled.json().sessions[0].id;
    version = scheduled.json().version;
    expect((await move('open')).statusCode).toBe(200);
    const enrolled = await hsc.post(`/api/training/classes/${classId}/enrolments`, { personIds: learners });
    expect(enrolled.json().enrolled).toHaveLength(3);
  });

  it('on 05/12 refuses to start, take attendance, end or certify, naming the day', async () => {
    const view = (await hsc.get(`/api/training/classes/${classId}`)).json();
    expect(view).toMatchObject({ today: '2026-12-05', sessions: [{ day: '2026-12-19' }] });
    const start = await move('in_progress');
    expect(start.statusCode).toBe(409);
    expect(start.json().error).toMatchObject({
      code: 'training.class_not_started_yet',
      message: expect.stringContaining('Lớp chưa đến ngày học đầu tiên (19/12/2026)'),
      details: { date: '19/12/2026', day: '2026-12-19' },
    });
    const attendance = await attend();
    expect(attendance.statusCode).toBe(409);
    expect(attendance.json().error).toMatchObject({
      code: 'training.session_not_held_yet',
      message: expect.stringContaining('Buổi học ngày 19/12/2026 chưa diễn ra'),
    });
    const end = await move('completed');
    expect(end.json().error).toMatchObject({
      code: 'training.class_not_ended_yet',
      details: { date: '19/12/2026' },
    });
    expect((await issue()).json().error.code).toBe('training.certificates_class_not_ended');
    const [audited] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${String(classId)}
            AND action IN ('training.class.in_progress', 'training.attendance.save', 'training.class.completed')`,
    );
    expect(audited!.n).toBe(0);
    expect((await hsc.get(`/api/training/classes/${classId}`)).json().status).toBe('open');
  });

  it('still refuses at 23:59 on 18/12 in Vietnam (16:59 UTC)', async () => {
    t.clock.set('2026-12-18T16:59:00Z');
    expect((await move('in_progress')).json().error.code).toBe('training.class_not_started_yet');
    expect((await attend()).statusCode).toBe(409);
  });

  it('from 19/12 in Vietnam (23:30 UTC on the 18th): starts, attends, ends, then certifies dated 19/12', async () => {
    t.clock.set('2026-12-18T23:30:00Z');
    expect((await move('in_progress')).statusCode).toBe(200);
    expect((await attend()).statusCode).toBe(200);
    const results = await put(`/api/training/classes/${classId}/results`, {
      results: learners.map((personId) => ({ personId, theoryScore: 8, practiceScore: 7 })),
    });
    expect(results.statusCode, results.body).toBe(200);
    // Still running: no certificate until the class has ended.
    expect((await issue()).json().error.code).toBe('training.certificates_class_not_ended');
    expect((await move('completed')).statusCode).toBe(200);
    const issued = await issue();
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().issued.map((c: { issuedOn: string }) => c.issuedOn)).toEqual([
      '2026-12-19',
      '2026-12-19',
      '2026-12-19',
    ]);
  });

  it('records late: opening and ending weeks after the session’s day are fine', async () => {
    t.clock.set('2026-12-05T02:00:00Z');
    const late = await hsc.post('/api/training/classes', {
      providerOrgId: centre.id,
      courseTypeId: (await hsc.get(`/api/training/classes/${classId}`)).json().courseTypeId,
      code: 'QV-SCC-05',
      title: 'Lớp ghi nhận sau',
      capacity: 30,
    });
    const id = late.json().id;
    await put(`/api/training/classes/${id}/sessions`, {
      sessions: [{ startsAt: '2026-12-10T07:30:00+07:00', endsAt: '2026-12-10T11:30:00+07:00', hours: 4 }],
    });
    t.clock.set('2027-01-15T02:00:00Z');
    const trainers = (await hsc.get(`/api/training/classes/${classId}`)).json().trainers;
    const v = (
      await put(`/api/training/classes/${id}/trainers`, {
        trainerIds: trainers.map((x: { id: number }) => x.id),
      })
    ).json().version;
    expect(
      (await hsc.post(`/api/training/classes/${id}/status`, { version: v, status: 'open' })).statusCode,
    ).toBe(200);
    const done = await hsc.post(`/api/training/classes/${id}/status`, {
      version: v + 1,
      status: 'completed',
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('never dates a certificate before the last session, even of a class marked completed', async () => {
    t.clock.set('2026-12-05T02:00:00Z');
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      days: ['2026-12-19'],
      learners: [{ name: 'Phạm Thị Ngọc Ánh' }],
    });
    const early = await hsc.post(`/api/training/classes/${k.id}/certificates`);
    expect(early.json().error).toMatchObject({
      code: 'training.class_not_ended_yet',
      message: expect.stringContaining('19/12/2026'),
    });
    t.clock.set('2026-12-19T01:00:00Z');
    expect((await hsc.post(`/api/training/classes/${k.id}/certificates`)).json().issued).toHaveLength(1);
  });
});

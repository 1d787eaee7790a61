import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltOrg } from '../../../test/helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../test/helpers/test-app.ts';
import { buildTrainingWorld, type TrainingWorld } from '../../../test/helpers/training.fixtures.ts';
import { rows } from '../../platform/db/database.ts';

/** Seed 000: the Humanitarian Services Center trains workers of an enterprise in a Bắc Ninh industrial park. */
describe('training: requests, classes, trainers, enrolment, results, compliance', () => {
  let t: TestApp;
  let o: TrainingWorld;
  let hsc: Session;
  let ent: Session;
  let outsider: Session;
  let seq = 0;
  const course: Record<string, number> = {};

  async function addPeople(
    n: number,
    employer: BuiltOrg | null,
    keeper: BuiltOrg = o.hsc,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const [row] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO people (full_name, birth_date, org_id, org_path, employer_org_id)
            VALUES (${`Nguyễn Văn Học ${++seq}`}, ${`1995-03-0${(seq % 9) + 1}`}, ${keeper.id}, ${keeper.path}::ltree,
                    ${employer?.id ?? null}) RETURNING id`,
      );
      ids.push(row!.id);
    }
    return ids;
  }
  async function addTrainer(qualification = 'first_aid_instructor') {
    const [personId] = await addPeople(1, null);
    const res = await hsc.post('/api/training/trainers', { personId, orgId: o.hsc.id, qualification });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  }
  async function createClass(code: string, courseCode = 'SCC_NLD', capacity = 30, extra: object = {}) {
    const res = await hsc.post('/api/training/classes', {
      providerOrgId: o.hsc.id,
      courseTypeId: course[courseCode],
      code,
      title: `Lớp ${code}`,
      capacity,
      customerOrgId: o.enterprise.id,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; code: string };
  }
  const session = (day: string, from: string, to: string, hours: number) => ({
    startsAt: `${day}T${from}:00+07:00`,
    endsAt: `${day}T${to}:00+07:00`,
    hours,
    venue: 'Nhà văn hoá KCN Quế Võ',
  });
  const put = (s: Session, url: string, json: unknown) => s.request({ method: 'PUT', url, json });

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    o = await buildTrainingWorld(t.db);
    const as = (org: BuiltOrg, role: string) => loginAs(t, org, role);
    hsc = await as(o.hsc, 'org_admin');
    ent = await as(o.enterprise, 'data_entry');
    outsider = await as(o.otherRc, 'org_admin');
    for (const c of (await hsc.get('/api/training/course-types')).json()) course[c.code] = c.id;
  });

  it('lists course rules in force with their legal source, and adds a custom course', async () => {
    const inForce = (await hsc.get('/api/training/course-types?on=2026-05-04&active=true')).json();
    expect(inForce.find((c: { code: string }) => c.code === 'CTD_SCC_2')).toMatchObject({
      legalSource: 'Thông tư 17/2014/TT-BYT',
      maxLearners: 30,
      minTrainers: 2,
      prerequisiteCode: 'CTD_SCC_1',
    });
    expect(
      (await hsc.get('/api/training/course-types?on=2015-01-01')).json().map((c: { code: string }) => c.code),
    ).toEqual(['CTD_HDV', 'CTD_SCC_1', 'CTD_SCC_2']);
    const covid = {
      ownerOrgId: o.hsc.id,
      code: 'COVID_TIEM',
      nameVi: 'An toàn tiêm chủng vắc xin COVID-19',
      nameEn: 'COVID-19 vaccination safety',
      hours: 8,
      maxLearners: 40,
      legalSource: 'Kế hoạch tập huấn của Trung tâm',
      effectiveFrom: '2021-03-01',
    };
    const created = await hsc.post('/api/training/course-types', covid);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ family: 'custom', ownerOrgId: o.hsc.id, passMark: 5 });
    const dup = await hsc.post('/api/training/course-types', covid);
    expect(dup.json().error.details.issues[0].path).toBe('body.code');
    const noRight = await ent.post('/api/training/course-types', {
      ...covid,
      code: 'X',
      ownerOrgId: o.enterprise.id,
    });
    expect(noRight.statusCode).toBe(403);
    const others = (await outsider.get('/api/training/course-types')).json();
    expect(others.some((c: { code: string }) => c.code === 'COVID_TIEM')).toBe(false);
  });

  it('turns a request for 120 workers into 4 classes of 30 for the enterprise', async () => {
    const req = await ent.post('/api/training/requests', {
      requesterOrgId: o.enterprise.id,
      providerOrgId: o.hsc.id,
      courseTypeId: course.SCC_NLD,
      learners: 120,
      place: 'KCN Quế Võ, Bắc Ninh',
    });
    expect(req.statusCode, req.body).toBe(201);
    const r = req.json();
    expect(r).toMatchObject({ status: 'requested', can: { decide: false } });
    expect((await outsider.get(`/api/training/requests/${r.id}`)).statusCode).toBe(404);
    expect(
      (await ent.post(`/api/training/requests/${r.id}/decision`, { version: 1, decision: 'accept' }))
        .statusCode,
    ).toBe(403);
    const inbox = (await hsc.get('/api/training/requests?status=requested')).json();
    expect(inbox.map((x: { id: number }) => x.id)).toContain(r.id);
    const tooBig = await hsc.post(`/api/training/requests/${r.id}/schedule`, {
      version: 1,
      classSize: 40,
      codePrefix: 'KCN',
    });
    expect(tooBig.json().error.details.issues[0].path).toBe('body.classSize');
    const accepted = await hsc.post(`/api/training/requests/${r.id}/decision`, {
      version: 1,
      decision: 'accept',
    });
    expect(accepted.json().status).toBe('accepted');
    const done = await hsc.post(`/api/training/requests/${r.id}/schedule`, {
      version: 2,
      codePrefix: 'SCC-QV',
      pricePerLearner: 350_000,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'scheduled' });
    expect(done.json().classIds).toHaveLength(4);
    const list = (await ent.get(`/api/training/classes?requestId=${r.id}`)).json();
    expect(list.map((c: { capacity: number; code: string }) => [c.code, c.capacity])).toEqual([
      ['SCC-QV-04', 30],
      ['SCC-QV-03', 30],
      ['SCC-QV-02', 30],
      ['SCC-QV-01', 30],
    ]);
    const capped = await hsc.post('/api/training/classes', {
      providerOrgId: o.hsc.id,
      courseTypeId: course.SCC_NLD,
      code: 'BIG',
      title: 'Lớp quá đông',
      capacity: 31,
    });
    expect(capped.json().error.details.issues[0].path).toBe('body.capacity');
  });

  it('enrols exactly 30 of 35 concurrent registrations, waitlists 5, and promotes the first waitlisted', async () => {
    const cls = await createClass('CAP-30');
    const people = await addPeople(35, o.enterprise);
    const results = await Promise.all(
      people.map((id) => ent.post(`/api/training/classes/${cls.id}/enrolments`, { personIds: [id] })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    const view = (await hsc.get(`/api/training/classes/${cls.id}`)).json();
    expect(view).toMatchObject({ enrolled: 30, waitlisted: 5, totalAmount: 0 });
    const waitlist = view.enrolments.filter((e: { status: string }) => e.status === 'waitlisted');
    const firstEnrolled = view.enrolments.find((e: { status: string }) => e.status === 'enrolled');
    const again = await ent.post(`/api/training/classes/${cls.id}/enrolments`, {
      personIds: [firstEnrolled.personId],
    });
    expect(again.json()).toEqual({ enrolled: [], waitlisted: [], alreadyIn: [firstEnrolled.personId] });
    const cancel = await ent.del(`/api/training/classes/${cls.id}/enrolments/${firstEnrolled.personId}`);
    expect(cancel.json()).toEqual({ cancelled: firstEnrolled.personId, promoted: waitlist[0].personId });
    const after = (await hsc.get(`/api/training/classes/${cls.id}`)).json();
    expect(after).toMatchObject({ enrolled: 30, waitlisted: 4 });
    expect(
      after.enrolments.find((e: { personId: number }) => e.personId === waitlist[0].personId).status,
    ).toBe('enrolled');
    const audit = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'training.enrolment.%' AND entity_id = ${String(cls.id)}`,
    );
    expect(audit[0]!.n).toBe(36);
  });

  it('refuses to book a trainer on overlapping sessions, also when two assignments race', async () => {
    const [t1, t2, t3] = [await addTrainer(), await addTrainer(), await addTrainer()];
    const a = await createClass('TB-A');
    const b = await createClass('TB-B');
    const d = await createClass('TB-D');
    for (const [c, s] of [
      [a, session('2026-05-11', '08:00', '12:00', 4)],
      [b, session('2026-05-11', '10:00', '14:00', 4)],
      [d, session('2026-05-11', '11:00', '15:00', 4)],
    ] as const)
      expect((await put(hsc, `/api/training/classes/${c.id}/sessions`, { sessions: [s] })).statusCode).toBe(
        200,
      );
    expect(
      (await put(hsc, `/api/training/classes/${a.id}/trainers`, { trainerIds: [t1, t2] })).statusCode,
    ).toBe(200);
    const busy = await put(hsc, `/api/training/classes/${b.id}/trainers`, { trainerIds: [t3, t1] });
    expect(busy.statusCode).toBe(400);
    expect(busy.json().error.details.issues[0]).toMatchObject({
      path: 'body.trainerIds.1',
      message: expect.stringContaining('TB-A'),
    });
    const race = await Promise.all([
      put(hsc, `/api/training/classes/${b.id}/trainers`, { trainerIds: [t3] }),
      put(hsc, `/api/training/classes/${d.id}/trainers`, { trainerIds: [t3] }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    // Moving another class of t1 onto class A's morning is refused as well.
    const e = await createClass('TB-E');
    await put(hsc, `/api/training/classes/${e.id}/sessions`, {
      sessions: [session('2026-05-12', '08:00', '12:00', 4)],
    });
    expect((await put(hsc, `/api/training/classes/${e.id}/trainers`, { trainerIds: [t1] })).statusCode).toBe(
      200,
    );
    const moved = await put(hsc, `/api/training/classes/${e.id}/sessions`, {
      sessions: [session('2026-05-11', '07:00', '09:00', 2)],
    });
    expect(moved.json().error.details.issues[0]).toMatchObject({
      path: 'body.sessions',
      message: expect.stringContaining('TB-A'),
    });
  });

  it('needs the course’s trainers to open and its hours to complete a class', async () => {
    const c = await createClass('OPEN-1');
    const t1 = await addTrainer();
    await put(hsc, `/api/training/classes/${c.id}/trainers`, { trainerIds: [t1] });
    const open = await hsc.post(`/api/training/classes/${c.id}/status`, { version: 1, status: 'open' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({
      code: 'training.too_few_trainers',
      details: { have: 1, need: 2 },
    });
    await put(hsc, `/api/training/classes/${c.id}/trainers`, { trainerIds: [t1, await addTrainer()] });
    await put(hsc, `/api/training/classes/${c.id}/sessions`, {
      sessions: [session('2026-05-20', '08:00', '10:00', 2)],
    });
    const opened = await hsc.post(`/api/training/classes/${c.id}/status`, { version: 1, status: 'open' });
    expect(opened.json().status).toBe('open');
    const early = await hsc.post(`/api/training/classes/${c.id}/status`, { version: 2, status: 'completed' });
    expect(early.json().error).toMatchObject({
      code: 'training.too_few_hours',
      details: { have: 2, need: 4 },
    });
    await put(hsc, `/api/training/classes/${c.id}/sessions`, {
      sessions: [session('2026-05-20', '08:00', '10:00', 2), session('2026-05-20', '13:00', '15:00', 2)],
    });
    // Ended on the day of its last session (the calendar's own test: classes/class-calendar.http.test.ts).
    t.clock.set('2026-05-20T08:00:00Z');
    const completed = await hsc.post(`/api/training/classes/${c.id}/status`, {
      version: 2,
      status: 'completed',
    });
    t.clock.set('2026-05-04T02:00:00Z');
    expect(completed.json().status).toBe('completed');
  });

  it('refuses to take an open or running class below the course’s minimum of trainers, naming the rule', async () => {
    const c = await createClass('MIN-1');
    const [t1, t2, t3] = [await addTrainer(), await addTrainer(), await addTrainer()];
    // While planned, the list may shrink freely (opening checks it).
    for (const trainerIds of [[t1, t2], [t1], [t1, t2]])
      expect((await put(hsc, `/api/training/classes/${c.id}/trainers`, { trainerIds })).statusCode).toBe(200);
    // A session today, so that the class may also be started.
    await put(hsc, `/api/training/classes/${c.id}/sessions`, {
      sessions: [session('2026-05-04', '08:00', '12:00', 4)],
    });
    expect(
      (await hsc.post(`/api/training/classes/${c.id}/status`, { version: 1, status: 'open' })).statusCode,
    ).toBe(200);
    for (const status of ['open', 'in_progress'] as const) {
      if (status === 'in_progress')
        expect(
          (await hsc.post(`/api/training/classes/${c.id}/status`, { version: 2, status })).statusCode,
        ).toBe(200);
      for (const trainerIds of [[t1], []]) {
        const res = await put(hsc, `/api/training/classes/${c.id}/trainers`, { trainerIds });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({
          code: 'training.too_few_trainers',
          details: { have: trainerIds.length, need: 2, courseCode: 'SCC_NLD' },
        });
        expect(res.json().error.message).toMatch(/ít nhất 2 giảng viên theo quy định của khoá SCC_NLD/);
      }
      const kept = (await hsc.get(`/api/training/classes/${c.id}`)).json();
      expect(kept.trainers.map((t: { id: number }) => t.id).sort()).toEqual([t1, t2].sort());
    }
    // Replacing one trainer by another keeps the minimum, and is allowed.
    expect(
      (await put(hsc, `/api/training/classes/${c.id}/trainers`, { trainerIds: [t1, t3] })).statusCode,
    ).toBe(200);
    const after = (await hsc.get(`/api/training/classes/${c.id}`)).json();
    expect(after.trainers.map((t: { id: number }) => t.id).sort()).toEqual([t1, t3].sort());
  });

  it('refuses a learner on overlapping sessions and one without the level I prerequisite', async () => {
    const [p] = await addPeople(1, o.enterprise);
    const a = await createClass('OV-A');
    const b = await createClass('OV-B');
    await put(hsc, `/api/training/classes/${a.id}/sessions`, {
      sessions: [session('2026-06-01', '08:00', '12:00', 4)],
    });
    await put(hsc, `/api/training/classes/${b.id}/sessions`, {
      sessions: [session('2026-06-01', '11:00', '15:00', 4)],
    });
    expect(
      (await ent.post(`/api/training/classes/${a.id}/enrolments`, { personIds: [p] })).json().enrolled,
    ).toEqual([p]);
    const clash = await ent.post(`/api/training/classes/${b.id}/enrolments`, { personIds: [p] });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details.issues[0]).toMatchObject({
      path: 'body.personIds.0',
      message: expect.stringContaining('OV-A'),
    });
    const level2 = await createClass('SCC2-1', 'CTD_SCC_2');
    const [q] = await addPeople(1, o.enterprise);
    const noLevel1 = await ent.post(`/api/training/classes/${level2.id}/enrolments`, { personIds: [q] });
    expect(noLevel1.json().error.details.issues[0].message).toContain('CTD_SCC_1');
    await t.db.execute(sql`INSERT INTO certificates (issuer_org_id, issuer_path, year, seq, number, person_id, course_type_id,
        issued_on, verify_code) VALUES (${o.hsc.id}, ${o.hsc.path}::ltree, 2025, 1, '000001/2025', ${q}, ${course.CTD_SCC_1},
        '2025-06-01', 'verify-q-level1')`);
    expect(
      (await ent.post(`/api/training/classes/${level2.id}/enrolments`, { personIds: [q] })).json().enrolled,
    ).toEqual([q]);
  });

  it('validates results by field, computes pass/fail, and rolls the month up for the provider', async () => {
    const c = await createClass('KQ-1', 'SCC_NLD', 30, { pricePerLearner: 350_000, paidAmount: 700_000 });
    const learners = await addPeople(4, o.enterprise);
    await ent.post(`/api/training/classes/${c.id}/enrolments`, { personIds: learners });
    await put(hsc, `/api/training/classes/${c.id}/trainers`, {
      trainerIds: [await addTrainer(), await addTrainer()],
    });
    const v = (
      await put(hsc, `/api/training/classes/${c.id}/sessions`, {
        sessions: [session('2026-05-25', '08:00', '12:00', 4)],
      })
    ).json();
    expect(v).toMatchObject({ totalAmount: 1_400_000, unpaidAmount: 700_000, totalHours: 4 });
    await hsc.post(`/api/training/classes/${c.id}/status`, { version: 1, status: 'open' });
    const [outsiderPerson] = await addPeople(1, o.enterprise);
    const bad = await put(hsc, `/api/training/classes/${c.id}/results`, {
      results: [
        { personId: learners[0], theoryScore: 11, practiceScore: 7 },
        { personId: learners[1], theoryScore: 6 },
        { personId: outsiderPerson, theoryScore: 6, practiceScore: 6 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.results.0.theoryScore',
    ]);
    const bad2 = await put(hsc, `/api/training/classes/${c.id}/results`, {
      results: [
        { personId: learners[1], theoryScore: 6 },
        { personId: outsiderPerson, theoryScore: 6, practiceScore: 6 },
      ],
    });
    expect(bad2.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.results.0.practiceScore',
      'body.results.1.personId',
    ]);
    const sessionId = v.sessions[0].id;
    // Attendance and the end of the class are recorded on the session's day.
    t.clock.set('2026-05-25T06:00:00Z');
    const att = await put(hsc, `/api/training/classes/${c.id}/sessions/${sessionId}/attendance`, {
      entries: [
        { personId: learners[0], status: 'present' },
        { personId: learners[1], status: 'late' },
        { personId: learners[2], status: 'present' },
        { personId: learners[3], status: 'absent' },
      ],
    });
    expect(att.json().entries.filter((e: { status: string }) => e.status === 'present')).toHaveLength(2);
    const ok = await put(hsc, `/api/training/classes/${c.id}/results`, {
      results: [
        { personId: learners[0], theoryScore: 7, practiceScore: 6 },
        { personId: learners[1], theoryScore: 4, practiceScore: 8 },
        { personId: learners[2], theoryScore: 5, practiceScore: 5 },
        { personId: learners[3], absence: 'no_show' },
      ],
    });
    expect(
      ok
        .json()
        .map((e: { outcome: string }) => e.outcome)
        .sort(),
    ).toEqual(['fail', 'no_show', 'pass', 'pass']);
    expect(
      (await hsc.post(`/api/training/classes/${c.id}/status`, { version: 2, status: 'completed' })).json()
        .status,
    ).toBe('completed');
    // The agreement is settled after the class: payment is recorded on the completed class (nothing else is).
    expect((await put(hsc, `/api/training/classes/${c.id}`, { ...v, version: 3 })).statusCode).toBe(409);
    const pay = (paidAmount: number, version: number, s = hsc) =>
      put(s, `/api/training/classes/${c.id}/payment`, { version, paidAmount });
    expect((await pay(1_400_000, 3, ent)).statusCode).toBe(403);
    expect((await pay(1_400_000, 2)).json().error.code).toBe('training.class_version_conflict');
    expect((await pay(-1, 3)).json().error.details.issues[0].path).toBe('body.paidAmount');
    const paid = await pay(1_400_000, 3);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'completed',
      paidAmount: 1_400_000,
      unpaidAmount: 0,
      version: 4,
    });
    const [audited] = await rows<{ before: unknown; after: unknown }>(
      t.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'training.class.payment' AND entity_id = ${String(c.id)}`,
    );
    expect(audited).toEqual({ before: { paidAmount: 700_000 }, after: { paidAmount: 1_400_000 } });
    const dropped = await createClass('KQ-HUY');
    await hsc.post(`/api/training/classes/${dropped.id}/status`, { version: 1, status: 'cancelled' });
    const onCancelled = await put(hsc, `/api/training/classes/${dropped.id}/payment`, {
      version: 2,
      paidAmount: 1,
    });
    expect(onCancelled.json().error.code).toBe('training.class_cancelled');
    const reach = (await hsc.get(`/api/training/reach/${o.hsc.id}?month=2026-05`)).json();
    expect(reach).toMatchObject({ learnersTrained: 3, passed: 2, revenue: 1_400_000 });
    expect(reach.passRate).toBeCloseTo(2 / 3);
    expect((await outsider.get(`/api/training/reach/${o.hsc.id}`)).statusCode).toBe(404);

    // The enterprise's compliance: the two who passed are covered for 12 months (TT 19/2016), then due.
    const now = (await ent.get(`/api/training/compliance/${o.enterprise.id}?headcount=250`)).json();
    type Due = { personId: number; courseCode: string; reason: string; kind: string; hours: number };
    const firstAidDue = new Set(
      now.due.filter((d: Due) => d.courseCode === 'SCC_NLD').map((d: Due) => d.personId),
    );
    expect(firstAidDue.has(learners[0])).toBe(false);
    expect(firstAidDue.has(learners[1])).toBe(true);
    // NĐ 44/2016: nobody has had OSH training yet — group 4 (16 h) is due for every worker.
    expect(
      now.due.find((d: Due) => d.personId === learners[0] && d.courseCode === 'ATVSLD_N4'),
    ).toMatchObject({
      reason: 'never_trained',
      kind: 'initial',
      hours: 16,
      employerName: o.enterprise.name,
    });
    expect(now.firstAiders).toMatchObject({
      headcount: 250,
      headcountSource: 'query',
      strict: false,
      required: 2,
      have: 0,
      shortfall: 2,
    });
    t.clock.set('2028-05-20T02:00:00Z');
    const later = (
      await ent.get(`/api/training/compliance/${o.enterprise.id}?strict=true&headcount=250`)
    ).json();
    expect(later.today).toBe('2028-05-20');
    expect(
      later.due.find((d: Due) => d.personId === learners[0] && d.courseCode === 'SCC_NLD'),
    ).toMatchObject({
      reason: 'expired',
      courseCode: 'SCC_NLD',
      kind: 'refresher',
      hours: 4,
      validUntil: '2027-05-25',
    });
    expect(later.firstAiders.required).toBe(3);
    t.clock.set('2026-05-04T02:00:00Z');
  });
});

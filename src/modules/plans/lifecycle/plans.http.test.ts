import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/helpers/factories.ts';
import { buildSeed001World, type Seed001World, seed001PlanBody } from '../../../../test/helpers/seed-001.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/helpers/test-app.ts';

/** Seed 001: the Điện Biên labour federation's guidance for Voluntary Blood Donation Day 7/4/2021. */
describe('plans, targets and reports rolled up by deadline (seed 001)', () => {
  let t: TestApp;
  let o: Seed001World['o'];
  let federation: Session;
  let healthClerk: Session;
  let tuanGiaoClerk: Session;
  let redCross: Session;
  let plan: { id: number; version: number; indicators: { id: number; code: string }[] };
  const ind = (code: string) => plan.indicators.find((i) => i.code === code)!.id;
  const values = (hd: number, donors: number, members: number, units: number) => [
    { indicatorId: ind('HD'), value: hd },
    { indicatorId: ind('TL_HM'), value: donors, denominator: members },
    { indicatorId: ind('DV_MAU'), value: units },
  ];

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const world = await buildSeed001World(t);
    o = world.o;
    ({ federation, healthClerk, tuanGiaoClerk, redCross } = world.s);
    const created = await federation.post('/api/plans', seed001PlanBody(o));
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    const issued = await federation.post(`/api/plans/${plan.id}/issue`, { version: plan.version });
    expect(issued.json().status).toBe('issued');
  });

  it('cascades the quota and shows where the split differs', async () => {
    await federation.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: { indicatorId: ind('DV_MAU'), targets: [{ orgId: o.federation.id, value: 1000 }] },
    });
    const split = await federation.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: {
        indicatorId: ind('DV_MAU'),
        targets: [
          { orgId: o.health.id, value: 400 },
          { orgId: o.education.id, value: 300 },
          { orgId: o.tuanGiao.id, value: 250 },
        ],
      },
    });
    expect(split.json()).toMatchObject({
      parentOrgId: o.federation.id,
      parentTarget: 1000,
      childrenSum: 950,
      difference: -50,
    });
    for (const [code, value] of [
      ['HD', 100],
      ['TL_HM', 30],
    ] as const) {
      await federation.request({
        method: 'PUT',
        url: `/api/plans/${plan.id}/targets`,
        json: { indicatorId: ind(code), targets: [{ orgId: o.federation.id, value }] },
      });
    }
    const notParent = await healthClerk.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets`,
      json: { indicatorId: ind('DV_MAU'), targets: [{ orgId: o.cdcs1.id, value: 10 }] },
    });
    expect(notParent.statusCode).toBe(403);
  });

  it('validates a report with messages naming the field', async () => {
    const bad = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: values(1, 120, 100, 10),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      { path: 'body.values.1.value', message: expect.stringContaining('lớn hơn mẫu số') },
    ]);
    const incomplete = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: [{ indicatorId: ind('HD'), value: 1 }],
    });
    expect(incomplete.json().error.details.issues.map((i: { message: string }) => i.message)).toEqual([
      expect.stringContaining('TL_HM'),
      expect.stringContaining('DV_MAU'),
    ]);
    const wrongPeriod = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: '2021',
      version: 0,
      values: [],
    });
    expect(wrongPeriod.json().error.details.issues[0].path).toBe('body.periodKey');
  });

  it('rolls submissions up the tree at once, and marks each unit on time, late or missing', async () => {
    t.clock.set('2021-04-20T03:00:00Z');
    const draft = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: 'once',
      version: 0,
      values: values(1, 40, 100, 180),
    });
    expect(draft.json()).toMatchObject({ status: 'draft', timeliness: 'pending', version: 1 });
    expect((await healthClerk.get(`/api/plans/${plan.id}/reports/${draft.json().id}`)).json()).toEqual(
      draft.json(),
    );
    const before = (await federation.get(`/api/plans/${plan.id}/dashboard?orgId=${o.federation.id}`)).json();
    expect(before.totals.find((x: { code: string }) => x.code === 'DV_MAU').value).toBeNull(); // drafts do not count: nothing reported yet
    const sub1 = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: 'once',
      version: 1,
      submit: true,
      values: values(1, 40, 100, 180),
    });
    expect(sub1.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    // The answer of a save is what a later read of the report shows.
    expect((await healthClerk.get(`/api/plans/${plan.id}/reports/${sub1.json().id}`)).json()).toEqual(
      sub1.json(),
    );
    t.clock.set('2021-04-29T10:00:00Z');
    await tuanGiaoClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.tuanGiao.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: values(1, 50, 150, 260),
    });
    t.clock.set('2021-05-03T02:00:00Z');
    const late = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs2.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: values(1, 20, 80, 150),
    });
    expect(late.json().timeliness).toBe('late');

    t.clock.set('2021-05-05T02:00:00Z');
    const d = (await federation.get(`/api/plans/${plan.id}/dashboard?orgId=${o.federation.id}`)).json();
    expect(d.dueOn).toBe('2021-04-30');
    expect(d.completeness).toEqual({ expected: 4, reported: 3, onTime: 2, late: 1, missing: 1 });
    const total = (code: string) => d.totals.find((x: { code: string }) => x.code === code);
    expect(total('DV_MAU')).toMatchObject({ value: 590, target: 1000, achievementPercent: 56.2 }); // 590 ÷ (1000 × 105%)
    expect(total('TL_HM')).toMatchObject({
      value: 110,
      denominator: 330,
      percent: 33.3,
      target: 30,
      achievementPercent: 111,
    });
    expect(total('HD')).toMatchObject({ percent: 75, target: 100, achievementPercent: 75 });
    expect(d.behind).toEqual([
      {
        orgId: o.cdcs2.id,
        orgName: 'CĐCS Trung tâm Kiểm soát bệnh tật',
        lineName: 'Công đoàn ngành Y tế tỉnh Điện Biên',
        timeliness: 'late',
      },
      {
        orgId: o.education.id,
        orgName: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
        lineName: null,
        timeliness: 'missing',
      },
    ]);
    expect(d.behindTotal).toBe(2);
    expect(d.submissions).toEqual([
      { day: '2021-04-20', onTime: 1, late: 0 },
      { day: '2021-04-29', onTime: 1, late: 0 },
      { day: '2021-05-03', onTime: 0, late: 1 },
    ]);
    const health = d.children.find((c: { orgId: number }) => c.orgId === o.health.id);
    expect(health).toMatchObject({ expected: 2, reported: 2 });
    expect(health.totals.find((x: { indicatorId: number }) => x.indicatorId === ind('DV_MAU'))).toMatchObject(
      {
        value: 330,
        target: 400,
        achievementPercent: 78.6,
      },
    );
    // Drill down one level: the health union sees its two grassroots unions.
    const down = (await healthClerk.get(`/api/plans/${plan.id}/dashboard?orgId=${o.health.id}`)).json();
    expect(down.children.map((c: { orgName: string }) => c.orgName).sort()).toEqual([
      'CĐCS Bệnh viện Đa khoa tỉnh',
      'CĐCS Trung tâm Kiểm soát bệnh tật',
    ]);
  });

  it('locks a submitted report; returning it (with a reason) takes it out of the totals until resubmitted', async () => {
    const cur = await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: 'once',
      version: 2,
      values: values(1, 40, 100, 999),
    });
    expect(cur.json().error.code).toBe('plans.report_locked');
    const dash = async () =>
      (await federation.get(`/api/plans/${plan.id}/dashboard?orgId=${o.federation.id}`))
        .json()
        .totals.find((x: { code: string }) => x.code === 'DV_MAU').value;
    const noReason = await federation.post(`/api/plans/${plan.id}/reports/1/review`, {
      version: 2,
      decision: 'return',
    });
    expect(noReason.json().error.details.issues[0].path).toBe('body.comment');
    const returned = await federation.post(`/api/plans/${plan.id}/reports/1/review`, {
      version: 2,
      decision: 'return',
      comment: 'Số đơn vị máu chưa khớp biên bản tiếp nhận',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', timeliness: 'on_time' });
    expect(await dash()).toBe(410);
    await healthClerk.post(`/api/plans/${plan.id}/reports`, {
      orgId: o.cdcs1.id,
      periodKey: 'once',
      version: 3,
      submit: true,
      values: values(1, 40, 100, 190),
    });
    expect(await dash()).toBe(600);
    const accepted = await federation.post(`/api/plans/${plan.id}/reports/1/review`, {
      version: 4,
      decision: 'accept',
    });
    expect(accepted.json().status).toBe('accepted');
  });

  it('never double-counts concurrent submissions, and lets only one of two concurrent edits win', async () => {
    const [a, b] = await Promise.all([
      healthClerk.post(`/api/plans/${plan.id}/reports`, {
        orgId: o.education.id,
        periodKey: 'once',
        version: 0,
        values: values(1, 1, 2, 1),
      }),
      federation.post(`/api/plans/${plan.id}/reports`, {
        orgId: o.education.id,
        periodKey: 'once',
        version: 0,
        values: values(1, 1, 2, 1),
      }),
    ]);
    // healthClerk does not see education (not found, on the field), so use two clerks of the same unit instead:
    expect(a.statusCode).toBe(400);
    expect(b.statusCode).toBe(200);
    const again = await Promise.all([
      federation.post(`/api/plans/${plan.id}/reports`, {
        orgId: o.education.id,
        periodKey: 'once',
        version: 1,
        submit: true,
        values: values(1, 10, 20, 5),
      }),
      federation.post(`/api/plans/${plan.id}/reports`, {
        orgId: o.education.id,
        periodKey: 'once',
        version: 1,
        submit: true,
        values: values(1, 10, 20, 5),
      }),
    ]);
    expect(again.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const d = (await federation.get(`/api/plans/${plan.id}/dashboard?orgId=${o.federation.id}`)).json();
    expect(d.totals.find((x: { code: string }) => x.code === 'DV_MAU').value).toBe(605);
    expect(d.completeness).toMatchObject({ expected: 4, reported: 4, late: 2, missing: 0 });
  });

  it('shows the plan to the copied partner but not its dashboard, and hides it from another province', async () => {
    const seen = (await redCross.get(`/api/plans/${plan.id}`)).json();
    expect(seen.recipientCounts).toEqual({ reporters: 4, copies: 1 });
    expect(seen.recipients).toContainEqual(expect.objectContaining({ orgId: o.redCross.id, role: 'copy' }));
    expect((await redCross.get(`/api/plans/${plan.id}/dashboard?orgId=${o.federation.id}`)).statusCode).toBe(
      400,
    );
    const other = await buildUser(t.db, { grants: [{ org: o.bacNinh, role: 'org_admin' }] });
    const s = await signIn(t, other.username, other.password);
    expect((await s.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await s.get('/api/plans')).json()).toEqual([]);
  });
});
